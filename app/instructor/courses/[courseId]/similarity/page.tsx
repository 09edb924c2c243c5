import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { db } from "@/lib/db";
import { currentLang } from "@/lib/i18n/current-lang";
import { CourseNav } from "../../../_components/course-nav";
import { formatDate } from "../../../_components/format";
import { StartSimilarityRun } from "../../../_components/similarity";
import "../../../_components/instructor.css";

/** Similarity checks of the course's exercise assignments (ADR 022): start one, or open an earlier one. */
export default async function SimilarityPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { course } = await requireCourseInstructor(courseId);
  const lang = await currentLang();
  const ko = lang === "ko";
  const [assignments, runs] = await Promise.all([
    db().assignment.findMany({ where: { courseId, kind: "EXERCISE" }, select: { id: true, title: true, exercise: { select: { id: true, slug: true, titleEn: true, titleKo: true } } }, orderBy: { dueAt: "asc" } }),
    db().similarityRun.findMany({
      where: { courseId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, status: true, createdAt: true, submissions: true, finalOnly: true, assignment: { select: { title: true } }, exercise: { select: { slug: true } } },
    }),
  ]);
  const exercises = new Map(assignments.filter((a) => a.exercise).map((a) => [a.exercise!.id, ko ? a.exercise!.titleKo : a.exercise!.titleEn]));
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="similarity" />
      <h2>{ko ? "유사도 분석" : "Similarity"}</h2>
      <p className="muted" data-testid="similarity-advisory">
        {ko
          ? "참고용입니다: 학생에게는 아무것도 표시되지 않으며, 높은 점수는 살펴볼 곳을 알려 줄 뿐 부정행위의 증거가 아닙니다."
          : "Advisory only: nothing here is shown to students, and a high score says where to look, not that anyone cheated."}
      </p>
      <StartSimilarityRun
        lang={lang}
        courseId={courseId}
        assignments={assignments.map((a) => ({ value: a.id, label: a.title }))}
        exercises={[...exercises].map(([value, label]) => ({ value, label }))}
      />
      <h3>{ko ? "지난 분석" : "Earlier runs"}</h3>
      {runs.length === 0 ? (
        <p>{ko ? "아직 없습니다." : "None yet."}</p>
      ) : (
        <table data-testid="similarity-runs">
          <thead>
            <tr>
              <th scope="col">{ko ? "시작" : "Started"}</th>
              <th scope="col">{ko ? "대상" : "Of"}</th>
              <th scope="col">{ko ? "제출" : "Submissions"}</th>
              <th scope="col">{ko ? "상태" : "Status"}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/instructor/courses/${courseId}/similarity/${r.id}`}>{formatDate(r.createdAt)}</Link>
                </td>
                <td>
                  {r.assignment?.title ?? r.exercise.slug}
                  {r.finalOnly ? "" : ko ? " (모든 제출)" : " (all submissions)"}
                </td>
                <td>{r.submissions}</td>
                <td>{r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
