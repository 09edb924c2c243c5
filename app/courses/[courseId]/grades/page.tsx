import type { Metadata } from "next";
import Link from "next/link";
import { requireCourseMember } from "@/lib/auth/require";
import { getMyGrades } from "@/lib/gradebook/get-my-grades";
import { currentLang } from "@/lib/i18n/current-lang";
import { formatPenalty, formatScore } from "../../../instructor/_components/format";
import { LocalTime } from "../../local-time";
import { gradeStrings } from "../../grade-strings";
import { GradeSummary } from "../../grade-summary";
import "../course.css";

export const metadata: Metadata = { title: "My grades" };

/**
 * A student's grades in one course, assignment by assignment, as the instructor's grade book
 * counts them (getMyGrades): the counted score, which attempt counts and why, each attempt's
 * late penalty, the override in force with its comment, their extension. Staff are pointed
 * to the grade book instead.
 */
export default async function MyGradesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const [{ user, course, courseRole }, lang] = await Promise.all([requireCourseMember(courseId), currentLang()]);
  const s = gradeStrings(lang);
  if (courseRole !== "STUDENT") {
    return (
      <div className="course-page">
        <h1>{s.myGrades}</h1>
        <p>{s.staffOnly}</p>
        <Link href={`/instructor/courses/${courseId}/grades`}>{s.openGradebook}</Link>
      </div>
    );
  }
  const grades = await getMyGrades(courseId, user.id);
  return (
    <div className="course-page">
      <h1>
        {s.myGrades}: <Link href={`/courses/${courseId}`}>{course.title}</Link>
      </h1>
      <p className="muted">{s.myGradesHelp}</p>
      <p>
        <Link href={`/courses/${courseId}/regrade-requests`} data-testid="my-regrade-requests-link">
          {s.regradeRequests}
        </Link>
      </p>
      {grades.map((a) => (
        <section key={a.id} className="card" aria-labelledby={`grade-${a.id}-title`} data-testid="my-grade" data-assignment={a.id}>
          <h2 id={`grade-${a.id}-title`}>{a.title}</h2>
          <p>
            {s.grade}: <GradeSummary grade={a.grade} s={s} testId={`my-grade-${a.id}`} />
          </p>
          {a.override && (
            <p className="small" data-testid={`my-override-${a.id}`}>
              {s.override} ({s.overrideBy} {a.override.by}, <LocalTime iso={a.override.at} lang={lang} />
              ): “{a.override.comment}”
            </p>
          )}
          <p className="small">
            {a.attemptPolicy === "BEST" ? s.best : s.last}. {a.extension ? s.extension : s.due}: <LocalTime iso={a.dueAt} lang={lang} />
            {a.lateUntil && (
              <>
                {" "}
                ({s.lateUntil} <LocalTime iso={a.lateUntil} lang={lang} />, {formatPenalty(a.latePenaltyPerDay)}/day)
              </>
            )}
          </p>
          {a.attempts.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption className="muted small" style={{ textAlign: "left" }}>
                  {s.attempts}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{s.submittedAt}</th>
                    <th scope="col">{s.score}</th>
                    <th scope="col">{s.late}</th>
                    <th scope="col">{s.countsFor}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.attempts.map((t) => (
                    <tr key={t.id} aria-current={t.counted ? "true" : undefined} data-testid="my-attempt">
                      <td>
                        {t.kind === "submission" && a.slug ? <Link href={`/exercises/${a.slug}?assignment=${a.id}&submission=${t.id}`}>
                          <LocalTime iso={t.submittedAt} lang={lang} />
                        </Link> : <LocalTime iso={t.submittedAt} lang={lang} />}
                      </td>
                      <td>
                        {t.score === null ? t.status.toLowerCase() : `${formatScore(t.score)} / ${formatScore(t.maxScore)}`}
                        {t.kind === "submission" && (t.status === "GRADED" || t.status === "COMPILE_ERROR") && (
                          <>
                            {" "}
                            <Link className="small" href={`/courses/${courseId}/regrade-requests/new?submission=${t.id}`}>
                              {s.requestRegrade}
                            </Link>{" "}
                            <Link className="small" href={`/courses/${courseId}/submissions/${t.id}/feedback`}>
                              {s.feedback}
                            </Link>
                          </>
                        )}
                      </td>
                      <td>{t.late ? formatPenalty(t.penalty) : ""}</td>
                      <td>
                        {formatScore(t.countsFor)}
                        {t.counted && <strong> ✓ {s.counted}</strong>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
