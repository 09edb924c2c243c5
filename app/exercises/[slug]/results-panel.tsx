"use client";

import type { Diagnostic, Lang } from "@/lib/grader/types";
import { explainFailure, explainsFailure } from "@/lib/grader/failure-class-text";
import { describeCoverage } from "@/lib/grader/coverage-text";
import { plural } from "@/lib/i18n/plural";
import { schedulesExplored, type Strings } from "./strings";
import type { LocalRun, SubmissionView } from "./types";
import type { ShownTrace } from "../../_components/timeline/timeline-view";
import { LocalTime } from "../../courses/local-time";

type Props = {
  lang: Lang;
  s: Strings;
  run: LocalRun | null;
  submission: SubmissionView | null;
  replayingTest: string | null;
  onShowTrace(shown: ShownTrace): void;
  onReplay(testId: string, title: string): void;
  onGoTo(line: number, column: number): void;
};

function Diagnostics({ diagnostics, s, onGoTo }: { diagnostics: Diagnostic[]; s: Strings; onGoTo: Props["onGoTo"] }) {
  if (diagnostics.length === 0) return null;
  return (
    <div className="diagnostics">
      <h4>{s.diagnostics}</h4>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={i} className={d.severity}>
            <button type="button" className="link-button" onClick={() => onGoTo(d.line, d.column)} data-testid="diagnostic">
              {s.goToLine} {d.line}:{d.column}
            </button>{" "}
            <span>
              {d.code ? `${d.code} ` : ""}
              {d.message}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const asTrace = (trace: unknown) => trace as ShownTrace["trace"];

/** Where a graded submission to an assignment (or one of its tests) is asked about again; null for practice or ungraded ones. */
function regradeLink(submission: SubmissionView, testId?: string): string | null {
  if (!submission.assignment || (submission.status !== "GRADED" && submission.status !== "COMPILE_ERROR")) return null;
  return `/courses/${submission.assignment.courseId}/regrade-requests/new?submission=${encodeURIComponent(submission.id)}${testId ? `&test=${encodeURIComponent(testId)}` : ""}`;
}

/** Local run results and the graded submission, test by test, with their timelines. */
export function ResultsPanel({ lang, s, run, submission, replayingTest, onShowTrace, onReplay, onGoTo }: Props) {
  return (
    <section className="results card" aria-labelledby="results-heading" data-testid="results-panel">
      <h2 id="results-heading">{s.results}</h2>
      <div aria-live="polite">
        {run && (
          <div className="result-block" data-testid="local-results">
            <h3>{s.localRun}</h3>
            {run.state === "running" && (
              <p>
                {s.running} {run.total > 0 && `${run.done}/${run.total}`}
              </p>
            )}
            {run.state === "timeout" && <p className="error-text">{s.timeout}</p>}
            {run.state === "error" && (
              <p className="error-text">
                {s.error}: {run.message}
              </p>
            )}
            {run.state === "syntax" && <Diagnostics diagnostics={run.diagnostics} s={s} onGoTo={onGoTo} />}
            {run.state === "done" && (
              <ul className="test-list">
                {run.results.map((r) => {
                  const title = r.title?.[lang] ?? r.id;
                  return (
                    <li key={r.id} className={r.passed ? "pass" : "fail"} data-testid={`local-test-${r.id}`}>
                      <span className="verdict">{r.passed ? `✓ ${s.passed}` : `✗ ${s.failedTest}`}</span> <strong>{title}</strong>
                      {!r.passed && r.failureClass && explainsFailure(r.failureClass) && (
                        <p className="message" data-testid={`local-failure-class-${r.id}`}>
                          <strong>{explainFailure(r.failureClass, lang).title}:</strong> {explainFailure(r.failureClass, lang).text}
                        </p>
                      )}
                      {!r.passed && (
                        <p className="message">
                          {r.message?.[lang]}
                          {r.failure && <> → {r.failure}</>}
                        </p>
                      )}
                      {r.coverage && (
                        <p className="muted small" data-testid={`local-coverage-${r.id}`}>
                          {s.covered}: {describeCoverage(r.coverage, lang, { passed: r.passed })}
                        </p>
                      )}
                      {r.trace && (
                        <button type="button" onClick={() => onShowTrace({ title, trace: asTrace(r.trace), failureClass: r.failureClass })}>
                          {s.showTimeline}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}
        {submission && (
          <div className="result-block" data-testid="submission-results" data-submission-id={submission.id}>
            <h3>
              {s.submission} {submission.practice && <span className="badge">{s.practiceBadge}</span>} {submission.late && <span className="badge late">{s.late}</span>}
            </h3>
            <p data-testid="submission-status">
              {submission.status === "QUEUED" && `${s.queued}${submission.position ? ` (${s.position} ${submission.position})` : ""}…`}
              {submission.status === "RUNNING" && `${s.gradingRunning}… ${plural(lang, submission.schedulesExplored, schedulesExplored)}`}
              {submission.status === "GRADED" && (
                <>
                  {s.graded} · {s.score}{" "}
                  <strong data-testid="submission-score">
                    {submission.score ?? 0} / {submission.maxScore ?? 0}
                  </strong>{" "}
                  {submission.latePenalty > 0 && submission.score !== null && (
                    <span data-testid="submission-counted">
                      {" "}
                      · {s.late} −{Math.round(submission.latePenalty * 100)}% → {s.countsFor} {Math.round(submission.score * (1 - submission.latePenalty) * 100) / 100}
                    </span>
                  )}{" "}
                  · {plural(lang, submission.schedulesExplored, schedulesExplored)}
                </>
              )}
              {submission.status === "COMPILE_ERROR" && s.compileError}
              {submission.status === "FAILED" && `${s.failed}${submission.error ? `: ${submission.error}` : ""}`}
            </p>
            {regradeLink(submission) && (
              <p>
                <a href={regradeLink(submission)!} data-testid="request-regrade">
                  {s.requestRegrade}
                </a>
              </p>
            )}
            {!submission.detailsVisible && submission.tests.some((t) => t.hidden) && (
              <p className="muted small" data-testid="details-held">
                {submission.detailsReleaseAt ? (
                  <>
                    {s.detailsHeld.split("{date}")[0]}
                    <LocalTime iso={submission.detailsReleaseAt} lang={lang} />
                    {s.detailsHeld.split("{date}")[1]}
                  </>
                ) : (
                  s.detailsNever
                )}
              </p>
            )}
            {submission.compile && <Diagnostics diagnostics={submission.compile.diagnostics} s={s} onGoTo={onGoTo} />}
            <ul className="test-list">
              {submission.tests.map((t) => (
                <li key={t.testId} className={t.passed ? "pass" : "fail"} data-testid={`test-${t.testId}`}>
                  <span className="verdict">{t.passed ? `✓ ${s.passed}` : `✗ ${s.failedTest}`}</span> <strong>{t.title}</strong>{" "}
                  <span className="points">
                    {t.points}/{t.maxPoints} {s.points}
                  </span>
                  {t.message && <p className="message">{t.message}</p>}
                  {t.coverage && (
                    <p className="muted small" data-testid={`coverage-${t.testId}`}>
                      {s.covered}: {describeCoverage(t.coverage, lang, { passed: t.passed })}
                    </p>
                  )}
                  <div className="actions">
                    {t.trace !== null && (
                      <button type="button" onClick={() => onShowTrace({ title: t.title, trace: asTrace(t.trace) })}>
                        {s.showTimeline}
                      </button>
                    )}
                    {t.replay && (
                      <button type="button" onClick={() => onReplay(t.testId, t.title)} disabled={replayingTest !== null}>
                        {replayingTest === t.testId ? s.replaying : s.replay}
                      </button>
                    )}
                    {!t.passed && regradeLink(submission, t.testId) && (
                      <a href={regradeLink(submission, t.testId)!} data-testid={`request-regrade-${t.testId}`}>
                        {s.requestRegrade}
                      </a>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
