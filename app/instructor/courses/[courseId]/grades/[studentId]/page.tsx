import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { getStudentGrades } from "@/lib/gradebook/get-student-grades";
import { currentLang } from "@/lib/i18n/current-lang";
import { CourseNav } from "../../../../_components/course-nav";
import { formatDate, formatPenalty, formatScore } from "../../../../_components/format";
import { tr } from "../../../../_components/messages";
import { orNotFound } from "../../../../_components/or-not-found";
import { OverrideForm } from "../../../../_components/override-form";
import { ConfirmPostButton } from "../../../../_components/confirm-post-button";
import { RegradeButton, RegradeProgress } from "../../../../_components/regrade";
import "../../../../_components/instructor.css";

export default async function StudentGradesPage({ params, searchParams }: { params: Promise<{ courseId: string; studentId: string }>; searchParams: Promise<{ regrade?: string }> }) {
  const { courseId, studentId } = await params;
  const { regrade } = await searchParams;
  await requireCourseInstructor(courseId);
  const [data, lang] = await Promise.all([orNotFound(getStudentGrades(courseId, studentId)), currentLang()]);
  const base = `/instructor/courses/${courseId}`;
  return (
    <>
      <h1>{data.student.name}</h1>
      <CourseNav lang={lang} courseId={courseId} current="grades" />
      <p className="muted">
        {data.student.email}
        {data.student.studentId && ` · ${data.student.studentId}`}
      </p>
      {regrade && <RegradeProgress key={regrade} lang={lang} courseId={courseId} batchId={regrade} />}
      {data.assignments.map((a) => (
        <section key={a.id} className="card" aria-labelledby={`a-${a.id}`} data-assignment={a.id}>
          <h2 id={`a-${a.id}`}>{a.title}</h2>
          <p>
            {tr(lang, "finalScore")}: <strong data-testid={`final-${a.id}`}>{formatScore(a.grade.score)}</strong> / {formatScore(a.grade.maxScore)}
            {a.grade.late && <span className="form-error"> · {tr(lang, "late")} ({formatPenalty(a.grade.penalty)})</span>}
            {a.grade.overridden && <span className="badge">{tr(lang, "overrideMark")}</span>} · {tr(lang, "policy")}: {a.attemptPolicy === "BEST" ? tr(lang, "best") : tr(lang, "last")} · {tr(lang, "dueAt")}: {formatDate(a.dueAt)}
            {a.extension && (
              <>
                {" "}
                · {tr(lang, "extendedTo")}: {formatDate(a.extension.dueAt)}
              </>
            )}
          </p>
          {a.submissions.length > 0 && (
            <>
              <table>
                <caption className="muted" style={{ textAlign: "left" }}>
                  {tr(lang, "submissions")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{tr(lang, "submittedAt")}</th>
                    <th scope="col">{tr(lang, "status")}</th>
                    <th scope="col">{tr(lang, "score")}</th>
                    <th scope="col">{tr(lang, "late")}</th>
                    <th scope="col">{tr(lang, "view")}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.submissions.map((s) => (
                    <tr key={s.id} aria-current={s.id === a.grade.countedAttemptId ? "true" : undefined}>
                      <td>{formatDate(s.submittedAt)}</td>
                      <td>
                        {s.status.toLowerCase()}
                        {s.stale && " (stale)"}
                      </td>
                      <td>
                        {formatScore(s.score)} / {formatScore(s.maxScore)}
                        {s.id === a.grade.countedAttemptId && <span className="badge">✓</span>}
                      </td>
                      <td>{s.late ? `${tr(lang, "late")} ${formatPenalty(s.latePenalty)}` : ""}</td>
                      <td>
                        <Link href={`${base}/submissions/${s.id}`}>{tr(lang, "view")}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                <RegradeButton courseId={courseId} scope={{ scope: "student", assignmentId: a.id, userId: studentId }} label={tr(lang, "regradeStudent")} />
              </p>
            </>
          )}
          {a.attempts.length > 0 && (
            <table>
              <caption className="muted" style={{ textAlign: "left" }}>
                {tr(lang, "quiz")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{tr(lang, "submittedAt")}</th>
                  <th scope="col">{tr(lang, "score")}</th>
                  <th scope="col">{tr(lang, "late")}</th>
                </tr>
              </thead>
              <tbody>
                {a.attempts.map((q) => (
                  <tr key={q.id}>
                    <td>{q.attemptNo}</td>
                    <td>{formatDate(q.submittedAt)}</td>
                    <td>
                      {formatScore(q.score)} / {formatScore(q.maxScore)}
                      {q.id === a.grade.countedAttemptId && <span className="badge">✓</span>}
                    </td>
                    <td>{q.late ? tr(lang, "late") : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {a.overrides.length > 0 && (
            <table>
              <caption className="muted" style={{ textAlign: "left" }}>
                {tr(lang, "history")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{tr(lang, "submittedAt")}</th>
                  <th scope="col">{tr(lang, "score")}</th>
                  <th scope="col">{tr(lang, "comment")}</th>
                  <th scope="col">{tr(lang, "instructorsOnly")}</th>
                </tr>
              </thead>
              <tbody>
                {a.overrides.map((o) => (
                  <tr key={o.id}>
                    <td>{formatDate(o.createdAt)}</td>
                    <td>{formatScore(o.score)}</td>
                    <td>{o.comment}</td>
                    <td>{o.author.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {a.overrides.length > 0 && (
            <p>
              <ConfirmPostButton
                url={`/api/courses/${courseId}/grades/overrides/remove`}
                body={{ assignmentId: a.id, userId: studentId }}
                label={tr(lang, "removeOverride")}
                confirm={tr(lang, "removeOverrideConfirm")}
                testId={`remove-override-${a.id}`}
              />
            </p>
          )}
          <OverrideForm lang={lang} courseId={courseId} assignmentId={a.id} userId={studentId} title={a.title} maxScore={a.maxScore} />
        </section>
      ))}
    </>
  );
}
