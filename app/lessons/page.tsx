import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadLessons } from "@/lib/content/load-lessons";
import { db } from "@/lib/db";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import "./lessons.css";

export default async function LessonsPage() {
  const lang = await currentLang();
  const lessons = loadLessons();
  // Signed in: which lessons the reader marked as read (the index shows read/unread).
  const user = await getCurrentUser();
  const read = user ? new Set((await db().lessonProgress.findMany({ where: { userId: user.id }, select: { lessonSlug: true } })).map((p) => p.lessonSlug)) : null;
  return (
    <>
      <h1>{t(lang, "lessons")}</h1>
      <ol className="lesson-index">
        {lessons.map((l) => (
          <li key={l.slug} className="card" data-read={read ? String(read.has(l.slug)) : undefined}>
            <h2>
              <Link href={`/lessons/${lang}/${l.slug}`}>{l.title[lang]}</Link>{" "}
              {read && (
                <span className={read.has(l.slug) ? "badge lesson-read" : "badge lesson-unread"} data-testid={`lesson-state-${l.slug}`}>
                  {read.has(l.slug) ? (lang === "ko" ? "읽음 ✓" : "Read ✓") : lang === "ko" ? "안 읽음" : "Not read yet"}
                </span>
              )}
            </h2>
            <p>{l.summary[lang]}</p>
            <p className="muted">
              {lang === "ko" ? `약 ${l.minutes}분` : `About ${l.minutes} min`} ·{" "}
              <Link href={`/lessons/${lang === "ko" ? "en" : "ko"}/${l.slug}`} hrefLang={lang === "ko" ? "en" : "ko"}>
                {lang === "ko" ? "English" : "한국어"}
              </Link>{" "}
              · <Link href={`/quizzes/${l.quiz}`}>{lang === "ko" ? "퀴즈" : "Quiz"}</Link>
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
