import { describe, expect, it } from "vitest";
import { countedAttempt } from "./counted-attempt";
import { effectiveLateness } from "./effective-lateness";
import { finalGrade } from "./final-grade";
import { latestOverride } from "./latest-override";
import type { AttemptInput, GradeInput } from "./types";

const DAY = 24 * 3600 * 1000;
const due = new Date("2026-03-10T23:59:00Z");
const at = (days: number) => new Date(due.getTime() + days * DAY);
const policy = { opensAt: at(-14), dueAt: due, lateUntil: at(3), latePenaltyPerDay: 0.1, attemptPolicy: "BEST" as const };

/** An attempt submitted `days` after the due date, with the lateness it was told at the time. */
function attempt(id: string, days: number, score: number | null): AttemptInput {
  const late = days > 0;
  return { id, submittedAt: at(days), score, maxScore: 100, late, latePenalty: late ? Math.min(1, Math.ceil(days) * 0.1) : 0 };
}

function grade(over: Partial<GradeInput>) {
  return finalGrade({ policy, maxScore: 100, extension: null, attempts: [], overrides: [], ...over });
}

describe("late penalty", () => {
  it("takes 10 % per started day late, on the counted attempt's raw score", () => {
    expect(grade({ attempts: [attempt("a", 0.5, 80)] })).toMatchObject({ score: 72, rawScore: 80, late: true, penalty: 0.1 });
    expect(grade({ attempts: [attempt("a", 2.1, 80)] })).toMatchObject({ score: expect.closeTo(56), late: true, penalty: expect.closeTo(0.3) });
  });
  it("charges nothing on time, and never below zero", () => {
    expect(grade({ attempts: [attempt("a", -1, 80)] })).toMatchObject({ score: 80, late: false, penalty: 0 });
    expect(grade({ policy: { ...policy, latePenaltyPerDay: 0.6 }, attempts: [{ ...attempt("a", 2.5, 80), latePenalty: 1 }] }).score).toBe(0);
  });
  it("is late without penalty when the course charges none", () => {
    expect(grade({ policy: { ...policy, latePenaltyPerDay: 0 }, attempts: [{ ...attempt("a", 1, 80), latePenalty: 0 }] })).toMatchObject({ score: 80, late: true, penalty: 0 });
  });
});

describe("extensions", () => {
  it("remove the penalty of attempts made before the extended due date, even when granted afterwards", () => {
    const extension = { dueAt: at(2), lateUntil: at(4) };
    expect(grade({ extension, attempts: [attempt("a", 1.5, 80)] })).toMatchObject({ score: 80, late: false, penalty: 0 });
  });
  it("count days late from the extended due date", () => {
    const extension = { dueAt: at(2), lateUntil: at(5) };
    expect(grade({ extension, attempts: [attempt("a", 2.5, 80)] })).toMatchObject({ score: 72, late: true, penalty: 0.1 });
  });
  it("never make an attempt worse than the student was told when submitting", () => {
    // Recorded on time (e.g. under an earlier, longer extension); today's rules would say 2 days late.
    const told = { ...attempt("a", 1.5, 80), late: false, latePenalty: 0 };
    expect(effectiveLateness(policy, null, told)).toEqual({ late: false, penalty: 0 });
    expect(grade({ attempts: [told] }).score).toBe(80);
  });
});

describe("attempt policy", () => {
  const attempts = [attempt("first", -3, 90), attempt("second", -2, 60), attempt("late-best", 0.5, 100), attempt("pending", -1, null)];
  it("BEST counts the highest score after its penalty", () => {
    // 100 late (−10 %) = 90 ties with the on-time 90: the earlier one counts.
    expect(grade({ attempts })).toMatchObject({ score: 90, countedAttemptId: "first", attempts: 4 });
    expect(countedAttempt([{ id: "x", submittedAt: at(1), score: 100, penalty: 0.05 }, { id: "y", submittedAt: at(0), score: 90, penalty: 0 }], "BEST")!.id).toBe("x");
  });
  it("LAST counts the most recent scored attempt, whatever its score", () => {
    expect(grade({ policy: { ...policy, attemptPolicy: "LAST" }, attempts })).toMatchObject({ score: 90, countedAttemptId: "late-best", late: true });
    expect(grade({ policy: { ...policy, attemptPolicy: "LAST" }, attempts: attempts.slice(0, 2) })).toMatchObject({ score: 60, countedAttemptId: "second" });
  });
  it("breaks a tie of submission times by id, whatever order the attempts come in", () => {
    const same = [
      { id: "b", submittedAt: at(0), score: 70, penalty: 0 },
      { id: "a", submittedAt: at(0), score: 70, penalty: 0 },
    ];
    for (const rows of [same, [...same].reverse()]) {
      expect(countedAttempt(rows, "LAST")!.id).toBe("b");
      expect(countedAttempt(rows, "BEST")!.id).toBe("a");
    }
  });
  it("skips attempts never graded; none at all means no grade", () => {
    expect(grade({ attempts: [attempt("pending", -1, null)] })).toMatchObject({ score: null, attempts: 1, countedAttemptId: null, maxScore: 100 });
    expect(grade({})).toMatchObject({ score: null, attempts: 0 });
  });
  it("applies the same rules to quiz attempts (late flag only, penalty from the deadline)", () => {
    const quiz = { id: "q", submittedAt: at(1.2), score: 8, maxScore: 10, late: true, latePenalty: 1 };
    expect(grade({ maxScore: 10, attempts: [quiz] })).toMatchObject({ score: 6.4, maxScore: 10, penalty: 0.2 });
  });
});

describe("overrides", () => {
  const overrides = [
    { score: 50, comment: "first look", createdAt: new Date("2026-03-12T10:00:00Z") },
    { score: 95, comment: "regraded by hand", createdAt: new Date("2026-03-13T10:00:00Z") },
    { score: 70, comment: "older", createdAt: new Date("2026-03-11T10:00:00Z") },
  ];
  it("the latest override wins and replaces the computed score, penalty included", () => {
    expect(latestOverride(overrides)!.comment).toBe("regraded by hand");
    expect(grade({ attempts: [attempt("a", 1, 80)], overrides })).toMatchObject({ score: 95, overridden: true, overrideComment: "regraded by hand", late: false, rawScore: 80 });
  });
  it("gives a grade even without any attempt", () => {
    expect(grade({ overrides: overrides.slice(2) })).toMatchObject({ score: 70, overridden: true, attempts: 0 });
  });
});

describe("rubric items (ADR 023)", () => {
  it("add their points to the autograde before the late penalty", () => {
    // 80 − 5 (rubric) = 75, then −10 % late → 67.5.
    expect(grade({ attempts: [{ ...attempt("a", 0.5, 80), adjustment: -5 }] })).toMatchObject({ score: 67.5, rawScore: 75, adjustment: -5, penalty: 0.1 });
    expect(grade({ attempts: [{ ...attempt("a", -1, 80), adjustment: 10 }] })).toMatchObject({ score: 90, rawScore: 90, adjustment: 10 });
  });
  it("stay within 0..the maximum", () => {
    expect(grade({ attempts: [{ ...attempt("a", -1, 95), adjustment: 10 }] }).score).toBe(100);
    expect(grade({ attempts: [{ ...attempt("a", -1, 3), adjustment: -10 }] }).score).toBe(0);
  });
  it("change which attempt is best", () => {
    const attempts = [attempt("a", -2, 80), { ...attempt("b", -1, 75), adjustment: 10 }];
    expect(grade({ attempts })).toMatchObject({ countedAttemptId: "b", score: 85 });
  });
  it("do not count on an attempt without a score, and an override still replaces everything", () => {
    expect(grade({ attempts: [{ ...attempt("a", -1, null), adjustment: 10 }] }).score).toBeNull();
    expect(grade({ attempts: [{ ...attempt("a", -1, 80), adjustment: 10 }], overrides: [{ score: 70, comment: "by hand", createdAt: at(1) }] })).toMatchObject({ score: 70, overridden: true });
  });
});
