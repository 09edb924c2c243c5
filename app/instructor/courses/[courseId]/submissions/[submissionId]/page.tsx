import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { getCourseSubmission } from "@/lib/gradebook/get-course-submission";
import { currentLang } from "@/lib/i18n/current-lang";
import { CourseNav } from "../../../../_components/course-nav";
import { formatDate, formatPenalty, formatScore } from "../../../../_components/format";
import { tr } from "../../../../_components/messages";
import { describeCoverage } from "@/lib/grader/coverage-text";
import { orNotFound } from "../../../../_components/or-not-found";
import { RegradeButton, RegradeProgress } from "../../../../_components/regrade";
import { TimelineView } from "@/app/_components/timeline/timeline-view";
import { CodeView } from "@/app/_components/code-view/code-view";
import { getStaffFeedback } from "@/lib/feedback/get-staff-feedback";
import { DeleteCommentButton, LineCommentForm, RubricPanel } from "../../../../_components/feedback-forms";
import "../../../../_components/instructor.css";

export default async function SubmissionPage({ params, searchParams }: { params: Promise<{ courseId: string; submissionId: string }>; searchParams: Promise<{ regrade?: string }> }) {
  const { courseId, submissionId } = await params;
  const { regrade } = await searchParams;
  await requireCourseInstructor(courseId);
  const [s, feedback, lang] = await Promise.all([orNotFound(getCourseSubmission(courseId, submissionId)), orNotFound(getStaffFeedback(courseId, submissionId)), currentLang()]);
  return (
    <>
      <h1>
        {s.assignment?.title} — {s.user.name}
      </h1>
      <CourseNav lang={lang} courseId={courseId} current="grades" />
      <p>
        <Link href={`/instructor/courses/${courseId}/grades/${s.user.id}`}>{s.user.name}</Link> · {tr(lang, "submittedAt")}: {formatDate(s.submittedAt)} · {tr(lang, "status")}:{" "}
        <strong data-testid="submission-status">{s.live.status.toLowerCase()}</strong> · {tr(lang, "score")}: <strong data-testid="submission-score">{formatScore(s.score)}</strong> / {formatScore(s.maxScore)}
        {s.late && ` · ${tr(lang, "late")} ${formatPenalty(s.latePenalty)}`}
        {s.stale && " · stale"}
      </p>
      <p>
        <RegradeButton courseId={courseId} scope={{ scope: "submission", submissionId }} label={tr(lang, "regradeSubmission")} />
      </p>
      {regrade && <RegradeProgress key={regrade} lang={lang} courseId={courseId} batchId={regrade} />}
      {s.report?.error && <p className="form-error">{s.report.error}</p>}
      {s.report?.compile?.diagnostics && s.report.compile.diagnostics.length > 0 && (
        <ul>
          {s.report.compile.diagnostics.map((d, i) => (
            <li key={i}>
              {d.severity} {d.line}:{d.column} {d.message}
            </li>
          ))}
        </ul>
      )}
      <h2>{tr(lang, "tests")}</h2>
      <table data-testid="test-results">
        <thead>
          <tr>
            <th scope="col">{tr(lang, "tests")}</th>
            <th scope="col">{tr(lang, "status")}</th>
            <th scope="col">{tr(lang, "score")}</th>
            <th scope="col">{tr(lang, "message")}</th>
          </tr>
        </thead>
        <tbody>
          {s.results.map((r) => (
            <tr key={r.id}>
              <td>
                {r.title} <span className="muted">({r.testId}{r.hidden ? ", hidden" : ", public"})</span>
              </td>
              <td className={r.passed ? "test-pass" : "test-fail"}>{r.passed ? tr(lang, "passed") : tr(lang, "failed")}</td>
              <td>
                {formatScore(r.points)} / {formatScore(r.maxPoints)}
              </td>
              <td style={{ whiteSpace: "pre-wrap" }}>
                {r.message}
                {r.coverage && (
                  <p className="muted small" data-testid={`coverage-${r.testId}`}>
                    {tr(lang, "covered")}: {describeCoverage(r.coverage, lang, { passed: r.passed })}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* The counterexample of each failed test, in the timeline students see. */}
      {s.results.map((r) =>
        !r.passed && r.trace ? (
          <div key={r.id} className="card">
            {r.replay && (
              <p className="muted">
                {tr(lang, "replay")}: <code>{r.replay}</code>
              </p>
            )}
            <TimelineView shown={{ title: r.title, trace: r.trace }} lang={lang} />
          </div>
        ) : null,
      )}
      <h2>{tr(lang, "rubric")}</h2>
      <p className="muted small" data-testid="rubric-adjustment">
        {tr(lang, "rubricItems")}: {feedback.adjustment > 0 ? "+" : ""}
        {formatScore(feedback.adjustment)}
      </p>
      <RubricPanel lang={lang} courseId={courseId} submissionId={submissionId} assignmentId={feedback.assignmentId} items={feedback.rubric} />
      <h2>{tr(lang, "code")}</h2>
      <CodeView
        source={s.source}
        comments={feedback.comments}
        label={tr(lang, "code")}
        commentActions={(c) => <DeleteCommentButton lang={lang} courseId={courseId} submissionId={submissionId} commentId={c.id} />}
      />
      <h3>{tr(lang, "lineComments")}</h3>
      <LineCommentForm lang={lang} courseId={courseId} submissionId={submissionId} lines={s.source.split("\n").length} />
    </>
  );
}
