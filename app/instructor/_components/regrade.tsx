"use client";

import { usePathname, useRouter } from "next/navigation";
import type { Lang } from "@/lib/i18n/messages";
import type { RegradeScope } from "@/lib/regrade/regrade-scope";
import { formatScore } from "./format";
import { tr } from "./messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";
import { useJobProgress } from "./use-job-progress";

/**
 * Requests a regrade (after `confirm`, when given) and puts the batch id in the URL (?regrade=…), so the progress view
 * survives a reload and can be shared with a co-instructor.
 */
export function RegradeButton({ courseId, scope, label, confirm }: { courseId: string; scope: RegradeScope; label: string; confirm?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const action = useAction();
  return (
    <>
      <button
        type="button"
        disabled={action.pending}
        onClick={async () => {
          // A whole assignment reruns every student's submissions: say how many, and ask first.
          if (confirm && !window.confirm(confirm)) return;
          const batch = await action.run(() => postJson<{ batchId: string }>(`/api/courses/${courseId}/regrades`, scope));
          if (batch) router.push(`${pathname}?regrade=${batch.batchId}`);
        }}
      >
        {label}
      </button>
      <ActionStatus error={action.error} ok={action.ok} />
    </>
  );
}

type Batch = {
  total: number;
  done: number;
  failed: number;
  changed: Array<{ submissionId: string; student: { name: string; email: string }; previousScore: number | null; newScore: number | null }>;
};

/** Polls a regrade batch once a second until every submission is done, then lists the changed scores. */
export function RegradeProgress({ lang, courseId, batchId }: { lang: Lang; courseId: string; batchId: string }) {
  const { status: batch, error } = useJobProgress<Batch>(`/api/courses/${courseId}/regrades/${batchId}`, 1000, (b) => b.done < b.total);
  const finished = batch !== null && batch.done === batch.total;
  return (
    <section className="card" aria-labelledby="regrade-heading" data-testid="regrade-progress" data-finished={finished ? "true" : "false"}>
      <h2 id="regrade-heading">{tr(lang, "regradeProgress")}</h2>
      <ActionStatus error={error} ok={null} />
      {batch && (
        <>
          <label>
            <span>
              {batch.done} / {batch.total}
              {batch.failed > 0 && ` (${tr(lang, "failed")}: ${batch.failed})`}
            </span>
            <progress max={batch.total} value={batch.done} aria-label={tr(lang, "regradeProgress")} />
          </label>
          {finished && (
            <>
              <h3>{tr(lang, "changedScores")}</h3>
              {batch.changed.length === 0 ? (
                <p data-testid="regrade-no-changes">{tr(lang, "noChanges")}</p>
              ) : (
                <table data-testid="regrade-changed">
                  <thead>
                    <tr>
                      <th scope="col">{tr(lang, "student")}</th>
                      <th scope="col">{tr(lang, "submissions")}</th>
                      <th scope="col">{tr(lang, "before")}</th>
                      <th scope="col">{tr(lang, "after")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {batch.changed.map((c) => (
                      <tr key={c.submissionId} data-submission={c.submissionId}>
                        <td>{c.student.name}</td>
                        <td>
                          <a href={`/instructor/courses/${courseId}/submissions/${c.submissionId}`}>{c.submissionId.slice(-8)}</a>
                        </td>
                        <td>{formatScore(c.previousScore)}</td>
                        <td>{formatScore(c.newScore)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
