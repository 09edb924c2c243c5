import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadLessons } from "@/lib/content/load-lessons";
import { refId } from "@/lib/content/lesson-schema";
import { renderLessonBody } from "@/lib/content/render-lesson-body";
import { readExerciseContent } from "@/lib/workspace/read-exercise-content";
import { isLang, LANGS, type Lang } from "@/lib/i18n/messages";
import { LessonWidget } from "../../widgets/lesson-widget";
import { hasSessionCookie } from "@/app/_components/session-cookie";
import { MarkAsRead } from "./mark-as-read";
import "../../lessons.css";

// Rendered per request (the CSP nonce, see app/layout.tsx); it reads no session, only whether a
// session cookie came (so an anonymous reader's page asks nothing that answers 401). Only the
// known lessons and languages exist.
export const dynamicParams = false;

type Params = { lang: string; slug: string };

export function generateStaticParams(): Params[] {
  return loadLessons().flatMap((l) => LANGS.map((lang) => ({ lang, slug: l.slug })));
}

function find(params: Params) {
  const lesson = loadLessons().find((l) => l.slug === params.slug);
  if (!lesson || !isLang(params.lang)) notFound();
  return { lesson, lang: params.lang };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { lesson, lang } = find(await params);
  return { title: lesson.title[lang], description: lesson.summary[lang] };
}

const L = {
  ko: { objectives: "학습 목표", minutes: (n: number) => `약 ${n}분`, exercises: "관련 실습", quiz: "퀴즈 풀기", other: "English", back: "레슨 목록", order: (n: number) => `레슨 ${n}` },
  en: { objectives: "Objectives", minutes: (n: number) => `About ${n} min`, exercises: "Related exercises", quiz: "Take the quiz", other: "한국어", back: "All lessons", order: (n: number) => `Lesson ${n}` },
} as const;

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { lesson, lang } = find(await params);
  const t = L[lang];
  const other: Lang = lang === "ko" ? "en" : "ko";
  const segments = renderLessonBody(lesson.body[lang]);
  return (
    <article className="lesson" lang={lang}>
      <nav className="lesson-nav" aria-label={t.back}>
        <Link href="/lessons">← {t.back}</Link>
        <a href={`/lessons/${other}/${lesson.slug}`} hrefLang={other} lang={other} data-testid="lesson-other-lang">
          {t.other}
        </a>
      </nav>
      <header className="lesson-header">
        <p className="muted">
          {t.order(lesson.order)} · {t.minutes(lesson.minutes)}
        </p>
        <h1>{lesson.title[lang]}</h1>
        <p className="lesson-summary">{lesson.summary[lang]}</p>
        <section className="card objectives" aria-labelledby="objectives">
          <h2 id="objectives">{t.objectives}</h2>
          <ul>
            {lesson.objectives[lang].map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      </header>
      <div className="lesson-body">
        {segments.map((s, i) =>
          s.kind === "html" ? <div key={i} dangerouslySetInnerHTML={{ __html: s.html }} /> : <LessonWidget key={i} id={s.id} lang={lang} />,
        )}
      </div>
      <footer className="lesson-footer card">
        {lesson.exercises.length > 0 && (
          <section aria-labelledby="exercises">
            <h2 id="exercises">{t.exercises}</h2>
            <ul>
              {lesson.exercises.map((e) => (
                <li key={refId(e)}>
                  {/* The exercise's title, not its slug. */}
                  <Link href={`/exercises/${refId(e)}`}>{readExerciseContent(refId(e), lang)?.manifest.title[lang] ?? refId(e)}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p>
          <Link className="button primary" href={`/quizzes/${lesson.quiz}`} data-testid="take-quiz">
            {t.quiz} →
          </Link>
        </p>
        <MarkAsRead slug={lesson.slug} lang={lang} mayBeSignedIn={await hasSessionCookie()} />
      </footer>
    </article>
  );
}
