import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require";
import { loadLessons } from "@/lib/content/load-lessons";
import { currentLang } from "@/lib/i18n/current-lang";
import { isTopicId } from "@/lib/quiz/topics";
import { QuizRunner } from "./quiz-runner";
import "../quiz.css";

export const metadata: Metadata = { title: "Quiz" };

/**
 * A topic quiz. The page carries no questions: the browser starts (or
 * resumes) an attempt through the API and receives redacted questions only;
 * grading happens on the server.
 */
export default async function QuizPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ assignment?: string | string[] }> }) {
  const { slug } = await params;
  if (!isTopicId(slug)) notFound();
  await requireUser();
  const [lang, query] = await Promise.all([currentLang(), searchParams]);
  const assignmentId = typeof query.assignment === "string" ? query.assignment : null;
  const lesson = loadLessons().find((l) => l.topic === slug);
  return (
    <div className="quiz-page">
      <p className="muted">
        {lesson && <Link href={`/lessons/${lang}/${lesson.slug}`}>← {lesson.title[lang]}</Link>}
      </p>
      <h1>
        {lang === "ko" ? "퀴즈" : "Quiz"}: {lesson?.title[lang] ?? slug}
      </h1>
      <p className="muted">
        {lang === "ko"
          ? "답을 모두 고른 뒤 제출하면 서버에서 채점하고 문항별 해설을 보여 줍니다. 아직 마감되지 않은 과제에 포함된 퀴즈라면 정답과 해설은 공개 시점 이후에 보여 줍니다."
          : "Answer the questions and submit: they are graded on the server and every option is explained. For a quiz that is part of an assignment still open to you, answers and explanations are shown once they are released."}
      </p>
      <QuizRunner slug={slug} assignmentId={assignmentId} lang={lang} />
    </div>
  );
}
