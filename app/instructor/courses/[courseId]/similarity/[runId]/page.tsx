import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { currentLang } from "@/lib/i18n/current-lang";
import { getSimilarityRun, parseFilters } from "@/lib/similarity/get-similarity-run";
import { CourseNav } from "../../../../_components/course-nav";
import { orNotFound } from "../../../../_components/or-not-found";
import { SimilarityProgress } from "../../../../_components/similarity";
import "../../../../_components/instructor.css";

const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** One similarity run: its progress while it runs, then the ranked pairs and clusters, with the view's filters. */
export default async function SimilarityRunPage({ params, searchParams }: { params: Promise<{ courseId: string; runId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { courseId, runId } = await params;
  const { course } = await requireCourseInstructor(courseId);
  const lang = await currentLang();
  const ko = lang === "ko";
  const filters = parseFilters(await searchParams);
  const run = await orNotFound(getSimilarityRun(courseId, runId, filters));
  const base = `/instructor/courses/${courseId}/similarity/${runId}`;
  const query = new URLSearchParams({ threshold: String(filters.threshold), final: filters.finalOnly ? "1" : "0", reference: filters.excludeReferenceOnly ? "hide" : "show" }).toString();
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="similarity" />
      <h2>
        {ko ? "유사도: " : "Similarity: "}
        {run.assignment?.title ?? (ko ? run.exercise.titleKo : run.exercise.titleEn)}
      </h2>
      <p className="muted">
        {ko ? "참고용이며 학생에게 표시되지 않습니다." : "Advisory only; never shown to students."} {run.submissions} {ko ? "개 제출" : "submissions"}, {run.pairsCompared} {ko ? "쌍 비교" : "pairs compared"}.
      </p>
      {(run.status === "QUEUED" || run.status === "RUNNING") && <SimilarityProgress lang={lang} courseId={courseId} runId={runId} />}
      {run.status === "FAILED" && (
        <p role="alert" className="form-error" data-testid="similarity-failed">
          {run.error}
        </p>
      )}
      {run.status === "DONE" && (
        <>
          <form method="get" className="card" data-testid="similarity-filters" aria-label={ko ? "필터" : "Filters"}>
            <label>
              <span>{ko ? "기준값 (0–1)" : "Threshold (0–1)"}</span>
              <input type="number" name="threshold" min={0} max={1} step={0.05} defaultValue={filters.threshold} />
            </label>
            {/* Each box is followed by a hidden "off" value: a checked box sends its value first, and the
                first value of a name is the one read, so an unchecked box means off, not "the default". */}
            <label>
              <input type="checkbox" name="final" value="1" defaultChecked={filters.finalOnly} disabled={run.finalOnly} /> {ko ? "최종 제출만" : "Final submissions only"}
            </label>
            <input type="hidden" name="final" value={run.finalOnly ? "1" : "0"} />
            <label>
              <input type="checkbox" name="reference" value="hide" defaultChecked={filters.excludeReferenceOnly} />{" "}
              {ko ? "참고 답안의 구조만 같은 쌍 숨기기" : "Hide pairs that only match the reference structure"}
            </label>
            <input type="hidden" name="reference" value="show" />
            <button type="submit">{ko ? "적용" : "Apply"}</button>
          </form>
          <h3>{ko ? "묶음" : "Clusters"}</h3>
          {run.clusters.length === 0 ? (
            <p>{ko ? "기준값을 넘는 쌍이 없습니다." : "No pair reaches the threshold."}</p>
          ) : (
            <ul data-testid="similarity-clusters">
              {run.clusters.map((c, i) => (
                <li key={i}>
                  {c.length} {ko ? "명" : "students"}: {c.map((m) => m.student.name).join(", ")}
                </li>
              ))}
            </ul>
          )}
          <h3>{ko ? "쌍 (높은 순)" : "Pairs, highest first"}</h3>
          <table data-testid="similarity-pairs">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{ko ? "학생" : "Students"}</th>
                <th scope="col">{ko ? "토큰" : "Tokens"}</th>
                <th scope="col">{ko ? "동작" : "Behaviour"}</th>
                <th scope="col">{ko ? "비교" : "Compare"}</th>
              </tr>
            </thead>
            <tbody>
              {run.pairs.map((p, i) => (
                <tr key={p.id} data-testid="similarity-pair">
                  <td>{i + 1}</td>
                  <td>
                    {p.left.user.name} · {p.right.user.name}
                  </td>
                  <td>{percent(p.tokenScore)}</td>
                  <td>
                    {percent(p.behaviourScore)}
                    {p.referenceOnly && <span className="muted">{ko ? " (참고 답안 구조)" : " (reference structure)"}</span>}
                  </td>
                  <td>
                    <Link href={`${base}/pairs/${p.id}?${query}`}>{ko ? "나란히 보기" : "Side by side"}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
