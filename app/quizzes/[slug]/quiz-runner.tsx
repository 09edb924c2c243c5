"use client";

import { useCallback, useEffect, useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import type { StartedQuizAttempt } from "@/lib/quiz/attempts/start-quiz-attempt";
import type { SubmittedQuizAttempt } from "@/lib/quiz/attempts/submit-quiz-attempt";
import { QuestionFeedbackView } from "./question-feedback";
import { QuestionInput, type Response } from "./question-input";
import { Markdown } from "./markdown";

const L = {
  ko: {
    loading: "문제를 불러오는 중…",
    submit: "제출하고 채점",
    submitting: "채점 중…",
    again: "다시 풀기",
    question: (i: number, n: number) => `문제 ${i} / ${n}`,
    points: (p: number) => `${p}점`,
    score: (s: number, m: number) => `점수 ${s} / ${m}`,
    resumed: "진행 중이던 시도를 이어서 풉니다.",
    attempt: (n: number, max: number | null) => (max ? `시도 ${n} / ${max}` : `시도 ${n}`),
    late: "마감 후 제출(지각)로 기록됩니다.",
    counted: (s: number, m: number, p: string) => `과제 반영 점수(${p === "BEST" ? "최고" : "마지막"}): ${s} / ${m}`,
    unanswered: (n: number) => `답하지 않은 문제가 ${n}개 있습니다. 그래도 제출할까요? 다시 누르면 제출합니다.`,
  },
  en: {
    loading: "Loading the questions…",
    submit: "Submit for grading",
    submitting: "Grading…",
    again: "Try again",
    question: (i: number, n: number) => `Question ${i} of ${n}`,
    points: (p: number) => `${p} pt${p === 1 ? "" : "s"}`,
    score: (s: number, m: number) => `Score ${s} / ${m}`,
    resumed: "Resuming your attempt in progress.",
    attempt: (n: number, max: number | null) => (max ? `Attempt ${n} of ${max}` : `Attempt ${n}`),
    late: "This attempt counts as late.",
    counted: (s: number, m: number, p: string) => `Counted for the assignment (${p === "BEST" ? "best" : "last"} attempt): ${s} / ${m}`,
    unanswered: (n: number) => `${n} question(s) are unanswered. Submit anyway? Press again to submit.`,
  },
} as const;

const round = (x: number) => Math.round(x * 100) / 100;

/** POST …/attempts: starts an attempt or resumes the open one. */
async function startAttempt(slug: string, assignmentId: string | null): Promise<StartedQuizAttempt> {
  const r = await fetch(`/api/quizzes/${slug}/attempts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ assignmentId }) });
  const body = (await r.json()) as StartedQuizAttempt & { error?: string };
  if (!r.ok) throw new Error(body.error ?? `HTTP ${r.status}`);
  return body;
}

/** Starts (or resumes) an attempt through the API, collects answers, submits, and shows the graded feedback. */
export function QuizRunner({ slug, assignmentId, lang }: { slug: string; assignmentId: string | null; lang: Lang }) {
  const t = L[lang];
  const [attempt, setAttempt] = useState<StartedQuizAttempt | null>(null);
  const [responses, setResponses] = useState<Record<string, Response>>({});
  const [graded, setGraded] = useState<SubmittedQuizAttempt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmUnanswered, setConfirmUnanswered] = useState(false);

  const apply = useCallback((body: StartedQuizAttempt) => {
    // An ordering question starts in the order shown; leaving it as is is an answer too.
    setResponses(Object.fromEntries(body.questions.filter((q) => q.type === "ordering").map((q) => [q.id, { type: "ordering", order: q.items.map((i) => i.id) }])));
    setAttempt(body);
  }, []);

  useEffect(() => {
    let cancelled = false;
    startAttempt(slug, assignmentId).then(
      (body) => !cancelled && apply(body),
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [slug, assignmentId, apply]);

  const start = () => {
    setError(null);
    setGraded(null);
    setAttempt(null);
    startAttempt(slug, assignmentId).then(apply, (e: Error) => setError(e.message));
  };

  const submit = async () => {
    if (!attempt) return;
    const missing = attempt.questions.filter((q) => responses[q.id] === undefined).length;
    if (missing > 0 && !confirmUnanswered) return setConfirmUnanswered(true);
    setBusy(true);
    setError(null);
    const r = await fetch(`/api/quiz-attempts/${attempt.attemptId}/submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ responses: Object.fromEntries(Object.entries(responses).filter(([, v]) => v !== undefined)) }),
    });
    const body = (await r.json()) as SubmittedQuizAttempt & { error?: string };
    setBusy(false);
    setConfirmUnanswered(false);
    if (!r.ok) return setError(body.error ?? `HTTP ${r.status}`);
    setGraded(body);
    window.scrollTo({ top: 0 });
  };

  if (error && !attempt) return <p role="alert" className="form-error" data-testid="quiz-error">{error}</p>;
  if (!attempt) return <p className="muted">{t.loading}</p>;
  const results = new Map(graded?.result.results.map((r) => [r.questionId, r]));
  return (
    <div className="quiz" data-testid="quiz">
      <p className="muted">
        {t.attempt(attempt.attemptNo, attempt.assignment?.maxAttempts ?? null)}
        {attempt.resumed && !graded ? ` · ${t.resumed}` : ""}
        {attempt.late ? ` · ${t.late}` : ""}
      </p>
      {graded && (
        <div className="card quiz-score" role="status" data-testid="quiz-score">
          <strong>{t.score(round(graded.result.total), round(graded.result.max))}</strong>
          {graded.counted && <p>{t.counted(round(graded.counted.score), round(graded.counted.maxScore), graded.counted.policy)}</p>}
          <button type="button" className="primary" onClick={start}>
            {t.again}
          </button>
        </div>
      )}
      <ol className="quiz-questions">
        {attempt.questions.map((q, i) => {
          const result = results.get(q.id);
          return (
            <li key={q.id} className={`card quiz-question ${result ? (result.correct ? "correct" : "incorrect") : ""}`} data-testid={`question-${q.id}`} data-type={q.type}>
              <p className="muted">
                {t.question(i + 1, attempt.questions.length)} · {t.points(q.points)}
              </p>
              <div id={`q-${q.id}-prompt`}>
                <Markdown text={q.prompt[lang]} />
              </div>
              <QuestionInput q={q} lang={lang} value={responses[q.id] as Response} disabled={!!graded || busy} onChange={(v) => setResponses((r) => ({ ...r, [q.id]: v }))} />
              {result && <QuestionFeedbackView q={q} result={result} lang={lang} />}
            </li>
          );
        })}
      </ol>
      {!graded && (
        <div className="quiz-submit">
          {confirmUnanswered && <p role="alert">{t.unanswered(attempt.questions.filter((q) => responses[q.id] === undefined).length)}</p>}
          <button type="button" className="primary" onClick={submit} disabled={busy}>
            {busy ? t.submitting : t.submit}
          </button>
          {error && <p role="alert" className="form-error">{error}</p>}
        </div>
      )}
    </div>
  );
}
