import { formatCsv } from "../gradebook/format-csv";
import type { ItemStatistics } from "./get-item-statistics";

const round = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** The statistics as CSV (one row per question, or per test then per counterexample shape). */
export function itemStatisticsCsv(stats: ItemStatistics): string {
  if (stats.kind === "QUIZ") {
    return formatCsv([
      ["question", "n", "difficulty", "point_biserial", "upper_lower_27", "choice_rates", "variants"],
      ...stats.questions.map((q) => [
        q.questionId,
        q.n,
        round(q.difficulty),
        round(q.pointBiserial),
        round(q.upperLower),
        q.choices.map((c) => `${c.option}=${round(c.rate)}`).join("; "),
        q.variants.map((v) => `${v.variant} n=${v.n} p=${round(v.difficulty)}`).join("; "),
      ]),
    ]);
  }
  return formatCsv([
    ["section", "test", "title", "n", "pass_rate", "failure_class", "failures", "failure_rate"],
    ...stats.tests.flatMap((t) => [["test", t.testId, t.title, t.n, round(t.passRate), null, null, null], ...t.failures.map((f) => ["failures", t.testId, t.title, t.n, null, f.kind, f.count, round(f.rate)])]),
    ["summary", null, "median attempts to full marks", stats.students, stats.medianAttemptsToFullMarks, null, stats.studentsWithFullMarks, null],
    ...stats.shapes.map((s) => ["shape", s.tests.join(" "), s.shape, null, null, null, s.count, null]),
  ]);
}
