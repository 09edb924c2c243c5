import Link from "next/link";
import type { ReactNode } from "react";
import { requireCourseInstructor } from "@/lib/auth/require";
import { currentLang } from "@/lib/i18n/current-lang";
import { getSimilarityPair } from "@/lib/similarity/get-similarity-pair";
import type { MatchRegion } from "@/lib/similarity/token-similarity";
import { CourseNav } from "../../../../../../_components/course-nav";
import { formatDate, formatScore } from "../../../../../../_components/format";
import { orNotFound } from "../../../../../../_components/or-not-found";
import "../../../../../../_components/instructor.css";

type Range = [number, number, number, number];

/** Which regions cover each character of a line: the matching fragment's number, or -1. */
function renderSource(source: string, ranges: Range[]): ReactNode[] {
  return source.split("\n").map((line, row) => {
    const owner = new Array<number>(line.length).fill(-1);
    ranges.forEach(([sr, sc, er, ec], k) => {
      if (row < sr || row > er) return;
      const from = row === sr ? sc : 0;
      const to = row === er ? ec : line.length;
      for (let c = from; c < Math.min(to, line.length); c++) if (owner[c] === -1) owner[c] = k;
    });
    const parts: ReactNode[] = [];
    let start = 0;
    for (let c = 1; c <= line.length; c++) {
      if (c < line.length && owner[c] === owner[start]) continue;
      const text = line.slice(start, c);
      parts.push(
        owner[start] >= 0 ? (
          <mark key={start} className={`match match-${owner[start] % 6}`} data-fragment={owner[start]}>
            {text}
          </mark>
        ) : (
          <span key={start}>{text}</span>
        ),
      );
      start = c;
    }
    return (
      <div key={row} className="code-line">
        <span className="line-number" aria-hidden="true">
          {row + 1}
        </span>
        <code>{parts.length ? parts : " "}</code>
      </div>
    );
  });
}

const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** Two submissions side by side, Dolos's matching regions highlighted in the same colour on both sides. */
export default async function SimilarityPairPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; runId: string; pairId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, runId, pairId } = await params;
  const { course } = await requireCourseInstructor(courseId);
  const lang = await currentLang();
  const ko = lang === "ko";
  const pair = await orNotFound(getSimilarityPair(courseId, runId, pairId));
  const back = new URLSearchParams(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []))).toString();
  const side = (s: typeof pair.left, pick: (r: MatchRegion) => Range, testId: string) => (
    <section className="card side" data-testid={testId} aria-label={s.user.name}>
      <h3>
        <Link href={`/instructor/courses/${courseId}/submissions/${s.id}`}>{s.user.name}</Link>
      </h3>
      <p className="muted">
        {s.user.email} · {formatDate(s.submittedAt)} · {formatScore(s.score)}
      </p>
      <pre className="side-source">{renderSource(s.source, pair.regions.map(pick))}</pre>
    </section>
  );
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="similarity" />
      <p>
        <Link href={`/instructor/courses/${courseId}/similarity/${runId}${back ? `?${back}` : ""}`}>{ko ? "← 쌍 목록" : "← All pairs"}</Link>
      </p>
      <h2>{ko ? "나란히 비교" : "Side by side"}</h2>
      <p data-testid="similarity-pair-scores">
        {ko ? "토큰 유사도" : "Token similarity"}: <strong>{percent(pair.tokenScore)}</strong> · {ko ? "동작 유사도" : "Behaviour similarity"}: <strong>{percent(pair.behaviourScore)}</strong>
        {pair.beyondReference !== null && (
          <>
            {" "}
            · {ko ? "참고 답안에 없는 공통 동작" : "common behaviour beyond the reference"}: {percent(pair.beyondReference)}
          </>
        )}
        {pair.referenceOnly && <span className="muted">{ko ? " — 동작은 참고 답안의 구조와만 같습니다" : " — the behaviour only matches the reference structure"}</span>}
      </p>
      <p className="muted">
        {pair.regions.length} {ko ? "개의 일치 구간 (시작 코드 제외)" : "matching regions (the starter's code excluded)"}
      </p>
      <div className="side-by-side">
        {side(pair.left, (r) => r.left, "similarity-left")}
        {side(pair.right, (r) => r.right, "similarity-right")}
      </div>
    </>
  );
}
