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
    saved: "답안을 저장했습니다.",
    practiceHeld: (titles: string, until: string | null) =>
      until
        ? `이 퀴즈는 아직 마감되지 않은 과제(${titles})에 포함되어 있어, 연습의 점수와 정답·해설은 ${until} 이후에 보여 줍니다.`
        : `이 퀴즈는 과제(${titles})에 포함되어 있고 정답을 공개하지 않는 설정이라, 연습의 점수와 정답·해설을 보여 주지 않습니다.`,
    gradedHeld: (until: string | null) => (until ? `정답과 해설은 ${until} 이후에 공개됩니다.` : "이 과제의 정답과 해설은 공개되지 않습니다."),
    policy: { AFTER_SUBMIT: "정답과 해설: 남은 시도가 없을 때(또는 마감 후) 공개", AFTER_DUE: "정답과 해설: 내 마감(연장·지각 제출 기간 포함) 후 공개", NEVER: "정답과 해설: 공개하지 않음" },
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
    unanswered: (n: number) => `${n === 1 ? "1 question is" : `${n} questions are`} unanswered. Submit anyway? Press again to submit.`,
    saved: "Your answers are saved.",
    practiceHeld: (titles: string, until: string | null) =>
      until
        ? `This quiz is part of an assignment still open to you (${titles}): practice scores, answers and explanations are shown after ${until}.`
        : `This quiz is part of an assignment whose answers are not released (${titles}): practice scores, answers and explanations are not shown.`,
    gradedHeld: (until: string | null) => (until ? `Answers and explanations are released after ${until}.` : "The answers and explanations of this assignment are not released."),
    policy: { AFTER_SUBMIT: "Answers and explanations: shown once you have no attempt left (or after your deadline)", AFTER_DUE: "Answers and explanations: shown after your own deadline (extension and late window included)", NEVER: "Answers and explanations: not released" },
  },
} as const;

const round = (x: number) => Math.round(x * 100) / 100;
const when = (iso: string | null, lang: Lang) => (iso ? new Date(iso).toLocaleString(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short" }) : null);
const heldTitles = (r: StartedQuizAttempt["release"]) => (r.released ? "" : r.assignments.map((a) => `“${a.title}”`).join(", "));

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
  const results = new Map(graded?.result?.results.map((r) => [r.questionId, r]));
  const practiceHeld = !attempt.assignment && !attempt.release.released ? attempt.release : null;
  return (
    <div className="quiz" data-testid="quiz">
      <p className="muted">
        {t.attempt(attempt.attemptNo, attempt.assignment?.maxAttempts ?? null)}
        {attempt.resumed && !graded ? ` · ${t.resumed}` : ""}
        {attempt.late ? ` · ${t.late}` : ""}
      </p>
      {attempt.assignment && !graded && <p className="muted" data-testid="answer-release">{t.policy[attempt.assignment.answerRelease]}</p>}
      {practiceHeld && !graded && (
        <p className="card" role="note" data-testid="practice-held">
          {t.practiceHeld(heldTitles(practiceHeld), when(practiceHeld.until, lang))}
        </p>
      )}
      {graded && (
        <div className="card quiz-score" role="status" data-testid="quiz-score">
          {graded.score ? <strong>{t.score(round(graded.score.total), round(graded.score.max))}</strong> : <strong>{t.saved}</strong>}
          {graded.counted && <p>{t.counted(round(graded.counted.score), round(graded.counted.maxScore), graded.counted.policy)}</p>}
          {!graded.release.released && (
            <p data-testid="answers-held">
              {attempt.assignment ? t.gradedHeld(when(graded.release.until, lang)) : t.practiceHeld(heldTitles(graded.release), when(graded.release.until, lang))}
            </p>
          )}
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
