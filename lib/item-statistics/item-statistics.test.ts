import { describe, expect, it } from "vitest";
import { counterexampleShape } from "./counterexample-shape";
import { exerciseItemStatistics, type ExerciseResultRow } from "./exercise-item-statistics";
import { quizItemStatistics, type QuizAttemptRow } from "./quiz-item-statistics";
import { median, pearson, upperLower } from "./statistics-math";

/**
 * A hand-computed dataset. Four attempts at three one-point questions:
 *
 *   attempt  q1 q2 q3  total
 *   A1        1  1  1    3
 *   A2        1  0  1    2
 *   A3        0  1  0    1
 *   A4        0  0  0    0
 *
 * q1: p = 0.5; rest scores 2,1,1,0 against 1,1,0,0: deviations (.5,.5,−.5,−.5)·(1,0,0,−1) = 1,
 * Σdx² = 1, Σdy² = 2 → r = 1/√2 ≈ 0.7071. Upper–lower with 27 % of 4 → one attempt per group:
 * A1 (1) − A4 (0) = 1.
 * q2: p = 0.5; rest 2,2,0,0 against 1,0,1,0: Σdxdy = .5 − .5 − .5 + .5 = 0 → r = 0; UL = 1 − 0 = 1.
 * q3: the same as q1; generated, variant "x" for A1, A2 (both right), "y" for A3, A4 (both wrong).
 */
const q = (questionId: string, score: number, response: unknown, variant: string | null = null) => ({ questionId, score, maxScore: 1, response, variant });
const ATTEMPTS: QuizAttemptRow[] = [
  { id: "A1", answers: [q("q1", 1, { type: "single", optionId: "a" }), q("q2", 1, { type: "multiple", optionIds: ["a", "b"] }), q("q3", 1, { type: "numeric", value: 4 }, "x")] },
  { id: "A2", answers: [q("q1", 1, { type: "single", optionId: "a" }), q("q2", 0, { type: "multiple", optionIds: ["a"] }), q("q3", 1, { type: "numeric", value: 4 }, "x")] },
  { id: "A3", answers: [q("q1", 0, { type: "single", optionId: "b" }), q("q2", 1, { type: "multiple", optionIds: ["a", "b"] }), q("q3", 0, { type: "numeric", value: 1 }, "y")] },
  { id: "A4", answers: [q("q1", 0, { type: "single", optionId: "c" }), q("q2", 0, { type: "multiple", optionIds: [] }), q("q3", 0, { type: "numeric", value: 2 }, "y")] },
];

describe("statistics math", () => {
  it("median, Pearson and upper–lower on small inputs", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(pearson([1, 1, 0, 0], [2, 1, 1, 0])).toBeCloseTo(1 / Math.SQRT2, 10);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(upperLower([1, 0, 1, 0], [3, 2, 1, 0])).toBe(1);
    expect(upperLower([1], [1])).toBeNull();
  });
});

describe("quiz item statistics", () => {
  const stats = quizItemStatistics(ATTEMPTS);
  const of = (id: string) => stats.find((s) => s.questionId === id)!;

  it("difficulty and discrimination match the hand computation", () => {
    expect(of("q1")).toMatchObject({ n: 4, difficulty: 0.5, upperLower: 1 });
    expect(of("q1").pointBiserial).toBeCloseTo(0.70711, 5);
    expect(of("q2")).toMatchObject({ difficulty: 0.5, upperLower: 1 });
    expect(of("q2").pointBiserial).toBeCloseTo(0, 10);
    expect(of("q3").pointBiserial).toBeCloseTo(0.70711, 5);
  });
  it("choice rates per option, for single and multiple choice", () => {
    expect(of("q1").choices).toEqual([
      { option: "a", rate: 0.5 },
      { option: "b", rate: 0.25 },
      { option: "c", rate: 0.25 },
    ]);
    expect(of("q2").choices).toEqual([
      { option: "a", rate: 0.75 },
      { option: "b", rate: 0.5 },
    ]);
    expect(of("q3").choices).toEqual([]);
  });
  it("per-variant statistics for a generated question", () => {
    expect(of("q3").variants).toEqual([
      { variant: "x", n: 2, difficulty: 1 },
      { variant: "y", n: 2, difficulty: 0 },
    ]);
    expect(of("q1").variants).toEqual([]);
  });
});

describe("exercise item statistics", () => {
  const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
  const r = (testId: string, passed: boolean, failureKind: string | null = null, shape: string | null = null): ExerciseResultRow => ({ testId, title: testId.toUpperCase(), passed, failureKind, shape });
  const S1 = "A:lock → B:lock";
  const S2 = "A:shm-read → B:shm-read";
  const sub = (userId: string, h: number, score: number, results: ExerciseResultRow[]) => ({ userId, submittedAt: at(h), score, maxScore: 100, results });
  // u1: full marks on the 2nd try; u2: 1st; u4: 3rd; u3 never. Median of (2, 1, 3) = 2.
  const stats = exerciseItemStatistics([
    sub("u1", 10, 50, [r("t-a", true), r("t-b", false, "lost-update", S1)]),
    sub("u1", 11, 100, [r("t-a", true), r("t-b", true)]),
    sub("u2", 10, 100, [r("t-a", true), r("t-b", true)]),
    sub("u3", 10, 0, [r("t-a", false, "deadlock", S2), r("t-b", false, "lost-update", S1)]),
    sub("u3", 11, 50, [r("t-a", true), r("t-b", false, null, S1)]),
    sub("u3", 12, 50, [r("t-a", true), r("t-b", false)]),
    // Submitted out of order on purpose: attempts are counted by submission time.
    sub("u4", 14, 100, [r("t-a", true), r("t-b", true)]),
    sub("u4", 12, 0, [r("t-a", false, "deadlock"), r("t-b", false, "lost-update")]),
    sub("u4", 13, 0, [r("t-a", false, "deadlock"), r("t-b", false, "lost-update")]),
  ]);

  it("pass rates per test, broken down by failure class", () => {
    expect(stats.tests).toEqual([
      { testId: "t-a", title: "T-A", n: 9, passRate: 6 / 9, failures: [{ kind: "deadlock", count: 3, rate: 3 / 9 }] },
      {
        testId: "t-b",
        title: "T-B",
        n: 9,
        passRate: 3 / 9,
        failures: [
          { kind: "lost-update", count: 4, rate: 4 / 9 },
          { kind: "unrecorded", count: 2, rate: 2 / 9 },
        ],
      },
    ]);
  });
  it("median attempts to full marks", () => {
    expect(stats).toMatchObject({ medianAttemptsToFullMarks: 2, studentsWithFullMarks: 3, students: 4 });
  });
  it("most common counterexample shapes", () => {
    expect(stats.shapes).toEqual([
      { shape: S1, count: 3, tests: ["t-b"] },
      { shape: S2, count: 1, tests: ["t-a"] },
    ]);
  });
});

describe("counterexample shape", () => {
  it("renames processes, collapses repeats and stops at the cause", () => {
    const events = [
      { pid: 7, kind: "start" },
      { pid: 7, kind: "shm-read" },
      { pid: 9, kind: "shm-read" },
      { pid: 9, kind: "shm-read" },
      { pid: 7, kind: "shm-write" },
      { pid: 9, kind: "shm-write" },
      { pid: 7, kind: "syscall", name: "exit" },
    ];
    expect(counterexampleShape({ events, cause: { event: 5 } })).toBe("A:shm-read → B:shm-read → A:shm-write → B:shm-write");
    // The same pattern with other pids is the same shape.
    expect(counterexampleShape({ events: events.map((e) => ({ ...e, pid: e.pid === 7 ? 2 : 3 })), cause: { event: 5 } })).toBe("A:shm-read → B:shm-read → A:shm-write → B:shm-write");
    expect(counterexampleShape(null)).toBeNull();
    expect(counterexampleShape({ events: [] })).toBeNull();
  });
});
