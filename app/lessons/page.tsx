import Link from "next/link";
import { loadLessons } from "@/lib/content/load-lessons";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import "./lessons.css";

export default async function LessonsPage() {
  const lang = await currentLang();
  const lessons = loadLessons();
  return (
    <>
      <h1>{t(lang, "lessons")}</h1>
      <ol className="lesson-index">
        {lessons.map((l) => (
          <li key={l.slug} className="card">
            <h2>
              <Link href={`/lessons/${lang}/${l.slug}`}>{l.title[lang]}</Link>
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
