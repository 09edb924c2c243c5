import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { analyticsFailingTests } from "@/lib/gradebook/analytics-failing-tests";
import { analyticsScoreDistribution } from "@/lib/gradebook/analytics-score-distribution";
import { analyticsSubmissionTimeline } from "@/lib/gradebook/analytics-submission-timeline";
import { analyticsTopicMastery } from "@/lib/gradebook/analytics-topic-mastery";
import { loadCourseAssignments } from "@/lib/gradebook/load-course-assignments";
import { studentsOfCourse } from "@/lib/gradebook/students-of-course";
import { currentLang } from "@/lib/i18n/current-lang";
import { loadLessons } from "@/lib/content/load-lessons";
import { HistogramChart, MasteryChart, TimelineChart } from "../../../_components/charts";
import { CourseNav } from "../../../_components/course-nav";
import { formatScore } from "../../../_components/format";
import { tr } from "../../../_components/messages";
import "../../../_components/instructor.css";

export default async function AnalyticsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { course } = await requireCourseInstructor(courseId);
  const [assignments, students, lang] = await Promise.all([loadCourseAssignments(courseId), studentsOfCourse(courseId), currentLang()]);
  const studentIds = students.map((s) => s.id);
  const [distribution, failing, timeline, mastery] = await Promise.all([
    analyticsScoreDistribution(assignments, studentIds),
    analyticsFailingTests(assignments),
    analyticsSubmissionTimeline(assignments),
    analyticsTopicMastery(studentIds),
  ]);
  const topicTitle = new Map(loadLessons().map((l) => [l.topic, l.title[lang]]));
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="analytics" />
      <p>
        <Link href={`/instructor/courses/${courseId}/analytics/items`} data-testid="item-statistics-link">
          {tr(lang, "itemStatistics")}
        </Link>
      </p>
      <h2>{tr(lang, "scoreDistribution")}</h2>
      {distribution.length === 0 && <p>{tr(lang, "noData")}</p>}
      <div className="grid">
        {distribution.map((d) => (
          <section key={d.assignmentId} className="card chart-card" aria-labelledby={`dist-${d.assignmentId}`} data-testid="score-distribution">
            <h3 id={`dist-${d.assignmentId}`}>{d.title}</h3>
            <p className="muted">
              {tr(lang, "mean")}: {formatScore(d.mean)} / {formatScore(d.maxScore)} · n = {d.graded} · {tr(lang, "missing")}: {d.missing}
            </p>
            <HistogramChart data={d.histogram} label={`${tr(lang, "scoreDistribution")}: ${d.title}`} />
          </section>
        ))}
      </div>
      <h2>{tr(lang, "failingTests")}</h2>
      {failing.every((f) => f.tests.length === 0) && <p>{tr(lang, "noData")}</p>}
      {failing
        .filter((f) => f.tests.length > 0)
        .map((f) => (
          <table key={f.assignmentId} data-testid="failing-tests" style={{ marginBottom: "1rem" }}>
            <caption style={{ textAlign: "left", fontWeight: 600 }}>{f.title}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(lang, "tests")}</th>
                <th scope="col">{tr(lang, "failures")}</th>
                <th scope="col">{tr(lang, "commonMessage")}</th>
              </tr>
            </thead>
            <tbody>
              {f.tests.map((t) => (
                <tr key={t.testId}>
                  <th scope="row">{t.testId}</th>
                  <td>
                    {t.failures} / {t.runs}
                  </td>
                  <td style={{ whiteSpace: "pre-wrap" }}>
                    {t.message} <span className="muted">(×{t.messageCount})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <h2>{tr(lang, "aroundDeadline")}</h2>
      <div className="grid">
        {timeline.map((t) => (
          <section key={t.assignmentId} className="card chart-card" aria-labelledby={`tl-${t.assignmentId}`}>
            <h3 id={`tl-${t.assignmentId}`}>{t.title}</h3>
            <p className="muted">{tr(lang, "hoursFromDue")}</p>
            <TimelineChart data={t.bins} label={`${tr(lang, "aroundDeadline")}: ${t.title}`} dueLabel={tr(lang, "dueAt")} />
          </section>
        ))}
      </div>
      <h2>{tr(lang, "topicMastery")}</h2>
      <section className="card">
        {mastery.every((m) => m.students === 0) && <p>{tr(lang, "noData")}</p>}
        <MasteryChart data={mastery.map((m) => ({ topic: topicTitle.get(m.topic) ?? m.topic, percent: Math.round(m.mastery * 100) }))} label={tr(lang, "topicMastery")} />
        <details>
          <summary>{tr(lang, "mastery")}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{lang === "ko" ? "주제" : "Topic"}</th>
                <th scope="col">{tr(lang, "mastery")}</th>
                <th scope="col">{tr(lang, "students")}</th>
              </tr>
            </thead>
            <tbody>
              {mastery.map((m) => (
                <tr key={m.topic}>
                  <th scope="row">{topicTitle.get(m.topic) ?? m.topic}</th>
                  <td>{Math.round(m.mastery * 100)}%</td>
                  <td>{m.students}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    </>
  );
}
