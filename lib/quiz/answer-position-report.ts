/**
 * Where the correct answers sit in the bank's option order, for content:check.
 *
 * Authors tend to write the right option first: before issue 14, 31 of 32 fixed
 * single-choice questions had it first and every fixed multiple-choice question had its
 * answers as the first options, so "always pick the first" scored about 97 %. Options are
 * now shuffled per attempt (`display-order.ts`), which hides this from students; the report
 * still names such questions because `fixedOrder` questions are shown in bank order, and
 * anything that lists the bank as written (exports, printouts, a future view) shows it too.
 *
 * A position is reported as biased when more questions put their answer there than chance
 * would by half again (1.5×) and at least 3 do; a report, not a failure.
 */
import { isGenerated, type MultipleQuestion, type Question, type SingleQuestion } from "./question-schema";

export interface AnswerPositionReport {
  single: {
    total: number;
    /** Number of fixed single-choice questions with the answer at each (0-based) bank position. */
    byPosition: number[];
    /** The most common position if it is biased, with its questions. */
    biased: { position: number; share: number; chance: number; questionIds: string[] } | null;
  };
  multiple: {
    total: number;
    /** Fixed multiple-choice questions whose answers are exactly the first options. */
    leading: string[];
    biased: { share: number; chance: number } | null;
  };
  /** Reported questions shown in bank order (`fixedOrder`): the shuffle does not hide them. */
  unshuffled: string[];
}

const BIAS = 1.5;
const MIN_COUNT = 3;

/** n choose k, for the chance that k answers land exactly on the first k of n options. */
function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

export function answerPositionReport(questions: readonly Question[]): AnswerPositionReport {
  const singles = questions.filter((q): q is SingleQuestion => q.type === "single" && !isGenerated(q));
  const multiples = questions.filter((q): q is MultipleQuestion => q.type === "multiple" && !isGenerated(q));

  const positionOf = (q: SingleQuestion) => q.options.findIndex((o) => o.id === q.answer);
  const byPosition: number[] = [];
  for (const q of singles) {
    const p = positionOf(q);
    byPosition[p] = (byPosition[p] ?? 0) + 1;
  }
  for (let i = 0; i < byPosition.length; i++) byPosition[i] ??= 0;
  let single: AnswerPositionReport["single"]["biased"] = null;
  if (singles.length > 0 && byPosition.length > 0) {
    const mode = byPosition.indexOf(Math.max(...byPosition));
    const count = byPosition[mode] as number;
    // Chance that a question of k options has its answer at `mode`: 1/k if it has that many options.
    const chance = singles.reduce((s, q) => s + (q.options.length > mode ? 1 / q.options.length : 0), 0) / singles.length;
    const share = count / singles.length;
    if (count >= MIN_COUNT && share > BIAS * chance) {
      single = { position: mode, share, chance, questionIds: singles.filter((q) => positionOf(q) === mode).map((q) => q.id) };
    }
  }

  const isLeading = (q: MultipleQuestion) => {
    const first = new Set(q.options.slice(0, q.answers.length).map((o) => o.id));
    return q.answers.every((a) => first.has(a));
  };
  const leading = multiples.filter(isLeading).map((q) => q.id);
  const chanceLeading = multiples.reduce((s, q) => s + 1 / choose(q.options.length, q.answers.length), 0) / Math.max(1, multiples.length);
  const shareLeading = leading.length / Math.max(1, multiples.length);
  const multiple = leading.length >= MIN_COUNT && shareLeading > BIAS * chanceLeading ? { share: shareLeading, chance: chanceLeading } : null;

  const reported = new Set([...(single?.questionIds ?? []), ...(multiple ? leading : [])]);
  const unshuffled = [...singles, ...multiples].filter((q) => q.fixedOrder && reported.has(q.id)).map((q) => q.id);
  return {
    single: { total: singles.length, byPosition, biased: single },
    multiple: { total: multiples.length, leading, biased: multiple },
    unshuffled,
  };
}
