import Link from "next/link";
import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";

/** The tabs of an instructor's course pages. */
export function CourseNav({ lang, courseId, current }: { lang: Lang; courseId: string; current: "course" | "assignments" | "grades" | "analytics" | "regrade-requests" | "similarity" }) {
  const base = `/instructor/courses/${courseId}`;
  const links = [
    { key: "course", href: base, label: lang === "ko" ? "강의" : "Course" },
    { key: "assignments", href: `${base}/assignments`, label: tr(lang, "assignments") },
    { key: "grades", href: `${base}/grades`, label: tr(lang, "gradebook") },
    { key: "analytics", href: `${base}/analytics`, label: tr(lang, "analytics") },
    { key: "regrade-requests", href: `${base}/regrade-requests`, label: tr(lang, "regradeRequests") },
    { key: "similarity", href: `${base}/similarity`, label: lang === "ko" ? "유사도" : "Similarity" },
  ] as const;
  return (
    <nav aria-label={lang === "ko" ? "강의 메뉴" : "Course sections"} className="course-nav">
      {links.map((l) => (
        <Link key={l.key} href={l.href} aria-current={l.key === current ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
