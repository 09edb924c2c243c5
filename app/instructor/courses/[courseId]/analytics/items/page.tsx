import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { currentLang } from "@/lib/i18n/current-lang";
import { listCourseAssignments } from "@/lib/assignments/list-course-assignments";
import { getItemStatistics } from "@/lib/item-statistics/get-item-statistics";
import { FAILURE_KINDS, type FailureKind } from "@/lib/kernel/failure-class";
import { FAILURE_CLASS_TITLES } from "@/lib/grader/failure-class-text";
import { ItemPercentChart } from "../../../../_components/charts";
import { CourseNav } from "../../../../_components/course-nav";
import { tr } from "../../../../_components/messages";
import { orNotFound } from "../../../../_components/or-not-found";
import "../../../../_components/instructor.css";

/** A failure class's title in the viewer's language ("unrecorded" and unknown kinds as they are). */
function failureTitle(kind: string, lang: "ko" | "en"): string {
  return (FAILURE_KINDS as readonly string[]).includes(kind) ? FAILURE_CLASS_TITLES[kind as FailureKind][lang] : kind;
}

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 1000) / 10}%`);
const num = (x: number | null) => (x === null ? "—" : String(Math.round(x * 1000) / 1000));

/** Item statistics of one assignment (?assignment=): charts, the numbers as tables, and a CSV download. */
export default async function ItemStatisticsPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ assignment?: string | string[] }> }) {
  const { courseId } = await params;
  const { course } = await requireCourseInstructor(courseId);
  const query = await searchParams;
  const assignmentId = typeof query.assignment === "string" && query.assignment.length <= 64 ? query.assignment : null;
  const [assignments, lang] = await Promise.all([listCourseAssignments(courseId), currentLang()]);
  const stats = assignmentId ? await orNotFound(getItemStatistics(courseId, assignmentId)) : null;
  const base = `/instructor/courses/${courseId}/analytics/items`;
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="analytics" />
      <h2>{tr(lang, "itemStatistics")}</h2>
      <ul className="inline-list">
        {assignments.map((a) => (
          <li key={a.id}>
            <Link href={`${base}?assignment=${a.id}`} aria-current={a.id === assignmentId ? "page" : undefined}>
              {a.title}
            </Link>
          </li>
        ))}
      </ul>
      {stats && (
        <section className="card" data-testid="item-statistics" data-kind={stats.kind}>
          <h3>{stats.assignment.title}</h3>
          <p>
            <a className="button" href={`/api/courses/${courseId}/assignments/${stats.assignment.id}/item-statistics?format=csv`} download data-testid="item-statistics-csv">
              {tr(lang, "downloadCsv")}
            </a>
          </p>
          {stats.kind === "QUIZ" ? (
            <>
              <p className="muted">n = {stats.attempts}</p>
              <ItemPercentChart data={stats.questions.map((q) => ({ item: q.questionId, percent: Math.round((q.difficulty ?? 0) * 100) }))} label={`${tr(lang, "itemStatistics")}: ${tr(lang, "itemDifficulty")}`} />
              <table>
                <thead>
                  <tr>
                    <th scope="col">{tr(lang, "itemQuestion")}</th>
                    <th scope="col">n</th>
                    <th scope="col">{tr(lang, "itemDifficulty")}</th>
                    <th scope="col">{tr(lang, "itemPointBiserial")}</th>
                    <th scope="col">{tr(lang, "itemUpperLower")}</th>
                    <th scope="col">{tr(lang, "itemChoices")}</th>
                    <th scope="col">{tr(lang, "itemVariants")}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.questions.map((q) => (
                    <tr key={q.questionId} data-testid="item-question">
                      <td>{q.questionId}</td>
                      <td>{q.n}</td>
                      <td>{pct(q.difficulty)}</td>
                      <td>{num(q.pointBiserial)}</td>
                      <td>{num(q.upperLower)}</td>
                      <td>{q.choices.map((c) => `${c.option} ${pct(c.rate)}`).join(", ")}</td>
                      <td className="small">{q.variants.map((v) => `${v.variant}: n=${v.n}, ${pct(v.difficulty)}`).join(" · ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <>
              <p className="muted">
                n = {stats.submissions} · {tr(lang, "itemMedianAttempts")}: {num(stats.medianAttemptsToFullMarks)} ({stats.studentsWithFullMarks} / {stats.students})
              </p>
              <ItemPercentChart data={stats.tests.map((t) => ({ item: t.title, percent: Math.round((t.passRate ?? 0) * 100) }))} label={`${tr(lang, "itemStatistics")}: ${tr(lang, "itemPassRate")}`} />
              <table>
                <thead>
                  <tr>
                    <th scope="col">{tr(lang, "tests")}</th>
                    <th scope="col">n</th>
                    <th scope="col">{tr(lang, "itemPassRate")}</th>
                    <th scope="col">{tr(lang, "itemFailuresByClass")}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.tests.map((t) => (
                    <tr key={t.testId} data-testid="item-test">
                      <td>{t.title}</td>
                      <td>{t.n}</td>
                      <td>{pct(t.passRate)}</td>
                      <td>{t.failures.map((f) => `${failureTitle(f.kind, lang)} ${pct(f.rate)} (${f.count})`).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h4>{tr(lang, "itemShapes")}</h4>
              <ol>
                {stats.shapes.map((s) => (
                  <li key={s.shape}>
                    <code>{s.shape}</code> × {s.count} ({s.tests.join(", ")})
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </>
  );
}
