"use client";

import type { Lang } from "@/lib/i18n/messages";
import type { QuestionResult } from "@/lib/quiz/grade-question";
import type { PublicQuestion } from "@/lib/quiz/public-question";
import type { LocalizedText } from "@/lib/quiz/question-schema";
import { Markdown } from "./markdown";

const L = {
  ko: { correct: "정답", partial: "부분 점수", wrong: "오답", unanswered: "답하지 않음", yourChoice: "내 선택", rightOption: "정답 보기", answer: "정답", score: (s: number, m: number) => `${s} / ${m}점`, true: "참", false: "거짓" },
  en: { correct: "Correct", partial: "Partial credit", wrong: "Incorrect", unanswered: "Unanswered", yourChoice: "your choice", rightOption: "correct option", answer: "Correct answer", score: (s: number, m: number) => `${s} / ${m} pts`, true: "True", false: "False" },
} as const;

/** Renders the graded result of one question: verdict, per-option explanations, the correct answer and the explanation. */
export function QuestionFeedbackView({ q, result, lang }: { q: PublicQuestion<LocalizedText>; result: QuestionResult; lang: Lang }) {
  const t = L[lang];
  const f = result.feedback;
  const verdict = !result.answered ? t.unanswered : result.correct ? t.correct : result.score > 0 ? t.partial : t.wrong;
  const label = (id: string) => {
    if (q.type === "ordering") return q.items.find((i) => i.id === id)?.text[lang] ?? id;
    if (q.type === "matching") return q.right.find((i) => i.id === id)?.text[lang] ?? id;
    return id;
  };
  const answer = f.correctAnswer;
  // In the order the options were shown in this attempt (the result lists them in bank order).
  const shown = q.type === "single" || q.type === "multiple" ? q.options.map((o) => o.id) : [];
  const perOption = f.perOption ? [...f.perOption].sort((a, b) => shown.indexOf(a.id) - shown.indexOf(b.id)) : null;
  return (
    <div className="feedback" data-testid="feedback">
      <p className="verdict">
        <strong>{verdict}</strong> · {t.score(Math.round(result.score * 100) / 100, result.maxScore)}
      </p>
      {perOption ? (
        <ul className="per-option" data-testid="per-option">
          {perOption.map((o) => (
            <li key={o.id} className={o.correct ? "opt-correct" : o.chosen ? "opt-wrong" : ""}>
              <span className="opt-marks">
                {o.correct ? "✓" : "✗"}
                {o.chosen && <em> ({t.yourChoice})</em>}
              </span>{" "}
              <Markdown inline text={o.text[lang]} /> — <Markdown inline text={o.explanation[lang]} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="correct-answer">
          <strong>{t.answer}: </strong>
          {q.type === "ordering" && Array.isArray(answer) ? (
            <ol>
              {answer.map((id) => (
                <li key={id}>
                  <Markdown inline text={label(id)} />
                </li>
              ))}
            </ol>
          ) : q.type === "matching" && typeof answer === "object" && !Array.isArray(answer) ? (
            <ul>
              {q.left.map((l) => (
                <li key={l.id}>
                  <Markdown inline text={l.text[lang]} /> → <Markdown inline text={label((answer as Record<string, string>)[l.id] ?? "")} />
                </li>
              ))}
            </ul>
          ) : q.type === "code-output" ? (
            <pre>
              <code>{String(answer)}</code>
            </pre>
          ) : typeof answer === "boolean" ? (
            answer ? t.true : t.false
          ) : (
            <span>
              {String(answer)} {f.unit?.[lang]}
            </span>
          )}
        </div>
      )}
      <Markdown text={f.explanation[lang]} />
    </div>
  );
}
