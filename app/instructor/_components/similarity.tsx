"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";
import { useJobProgress } from "./use-job-progress";

type Option = { value: string; label: string };

/** Starts a similarity run of one exercise assignment (or one exercise across the course) and opens it. */
export function StartSimilarityRun({ lang, courseId, assignments, exercises }: { lang: Lang; courseId: string; assignments: Option[]; exercises: Option[] }) {
  const router = useRouter();
  const action = useAction();
  const [target, setTarget] = useState(assignments[0] ? `a:${assignments[0].value}` : exercises[0] ? `e:${exercises[0].value}` : "");
  const [finalOnly, setFinalOnly] = useState(true);
  const ko = lang === "ko";
  return (
    <form
      className="card"
      data-testid="similarity-start"
      onSubmit={async (e) => {
        e.preventDefault();
        const [kind, id] = [target.slice(0, 1), target.slice(2)];
        const body = kind === "a" ? { scope: "assignment", assignmentId: id, finalOnly } : { scope: "exercise", exerciseId: id, finalOnly };
        const run = await action.run(() => postJson<{ runId: string }>(`/api/courses/${courseId}/similarity`, body));
        if (run) router.push(`/instructor/courses/${courseId}/similarity/${run.runId}`);
      }}
    >
      <label>
        <span>{ko ? "비교할 제출" : "Compare the submissions to"}</span>
        <select value={target} onChange={(e) => setTarget(e.target.value)} name="target">
          {assignments.length > 0 && (
            <optgroup label={ko ? "과제" : "Assignment"}>
              {assignments.map((a) => (
                <option key={a.value} value={`a:${a.value}`}>
                  {a.label}
                </option>
              ))}
            </optgroup>
          )}
          {exercises.length > 0 && (
            <optgroup label={ko ? "연습 문제 (강의 전체)" : "Exercise (every assignment of the course)"}>
              {exercises.map((x) => (
                <option key={x.value} value={`e:${x.value}`}>
                  {x.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={finalOnly} onChange={(e) => setFinalOnly(e.target.checked)} name="finalOnly" /> {ko ? "최종 제출만" : "Final submissions only"}
      </label>
      <button type="submit" disabled={action.pending || !target}>
        {ko ? "유사도 분석 시작" : "Run similarity check"}
      </button>
      <ActionStatus error={action.error} ok={action.ok} />
    </form>
  );
}

type Status = { status: string; phase: string; progress: number; total: number; submissions: number; error: string | null };

const PHASES: Record<string, { en: string; ko: string }> = {
  loading: { en: "Loading submissions", ko: "제출 불러오는 중" },
  behaviour: { en: "Recording behaviour", ko: "동작 기록 중" },
  pairs: { en: "Comparing pairs", ko: "쌍 비교 중" },
};

/** Polls a running similarity run twice a second and shows its progress; reloads the page's results when it ends. */
export function SimilarityProgress({ lang, courseId, runId }: { lang: Lang; courseId: string; runId: string }) {
  const { status, error } = useJobProgress<Status>(`/api/courses/${courseId}/similarity/${runId}`, 500, (b) => b.status === "QUEUED" || b.status === "RUNNING");
  const phase = status ? (PHASES[status.phase]?.[lang] ?? (lang === "ko" ? "대기 중" : "Waiting")) : "…";
  return (
    <section className="card" data-testid="similarity-progress" aria-labelledby="similarity-progress-heading">
      <h2 id="similarity-progress-heading">{lang === "ko" ? "진행 상황" : "Progress"}</h2>
      <ActionStatus error={error} ok={null} />
      <label>
        <span>
          {phase}
          {status && status.total > 0 && ` — ${status.progress} / ${status.total}`}
        </span>
        <progress max={status?.total || 1} value={status?.total ? status.progress : 0} aria-label={lang === "ko" ? "진행 상황" : "Progress"} />
      </label>
    </section>
  );
}
