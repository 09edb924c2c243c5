import Link from "next/link";
import { requireRole } from "@/lib/auth/require";
import { listMyCourses } from "@/lib/courses/list-my-courses";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";

export default async function InstructorHome() {
  const user = await requireRole(["INSTRUCTOR", "ADMIN"]);
  const [courses, lang] = await Promise.all([listMyCourses(user.id), currentLang()]);
  const teaching = courses.filter((c) => c.role === "INSTRUCTOR");
  return (
    <>
      <h1>{t(lang, "instructor")}</h1>
      <ul>
        {teaching.map((c) => (
          <li key={c.id}>
            <Link href={`/instructor/courses/${c.id}`}>{c.title}</Link> <span className="muted">({c.code})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
