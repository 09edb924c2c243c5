import { describe, expect, it } from "vitest";
import { applyLatePenalty, effectiveDeadlines, lateness } from "./lateness";
import { lastMomentToSubmit } from "./last-moment-to-submit";

const day = (n: number, hours = 0) => new Date(Date.UTC(2026, 10, n, hours));
const policy = { opensAt: day(1), dueAt: day(10), lateUntil: day(13), latePenaltyPerDay: 0.1 };

describe("lateness", () => {
  it("refuses before opening and is on time up to the due instant", () => {
    expect(lateness(policy, null, day(0, 23)).state).toBe("not-open");
    expect(lateness(policy, null, day(10))).toEqual({ state: "on-time", penalty: 0 });
  });

  it("charges per started day late, and closes after the late window", () => {
    expect(lateness(policy, null, day(10, 1))).toEqual({ state: "late", daysLate: 1, penalty: 0.1 });
    expect(lateness(policy, null, day(12, 1))).toMatchObject({ daysLate: 3 });
    expect(lateness(policy, null, day(13, 1)).state).toBe("closed");
  });

  it("closes at the due date when there is no late window", () => {
    expect(lateness({ ...policy, lateUntil: null }, null, day(10, 1)).state).toBe("closed");
  });

  it("caps the penalty at the whole score", () => {
    const harsh = { ...policy, lateUntil: day(30), latePenaltyPerDay: 0.4 };
    expect(lateness(harsh, null, day(14))).toMatchObject({ penalty: 1 });
  });

  it("lets an extension replace the due date and late window", () => {
    const ext = { dueAt: day(15), lateUntil: day(15) };
    expect(lateness(policy, ext, day(14)).state).toBe("on-time");
    expect(lateness(policy, ext, day(15, 1)).state).toBe("closed");
    expect(lateness(policy, { dueAt: day(15), lateUntil: day(17) }, day(16))).toMatchObject({ state: "late", daysLate: 1 });
  });

  it("tells a student's dates: the extension's, keeping the assignment's late window when it has none of its own", () => {
    expect(effectiveDeadlines(policy, null)).toEqual({ dueAt: day(10), lateUntil: day(13) });
    // The class has three late days after day 10; the extended student has three after day 15.
    expect(effectiveDeadlines(policy, { dueAt: day(15), lateUntil: null })).toEqual({ dueAt: day(15), lateUntil: day(18) });
    expect(lateness(policy, { dueAt: day(15), lateUntil: null }, day(16))).toMatchObject({ state: "late", daysLate: 1, penalty: 0.1 });
    expect(effectiveDeadlines({ ...policy, lateUntil: null }, { dueAt: day(15), lateUntil: null })).toEqual({ dueAt: day(15), lateUntil: null });
    expect(effectiveDeadlines({ ...policy, lateUntil: null }, null)).toEqual({ dueAt: day(10), lateUntil: null });
  });

  it("tells a student's last moment to submit: their late window's end, else their due date", () => {
    expect(lastMomentToSubmit(policy, null)).toEqual(day(13));
    expect(lastMomentToSubmit({ ...policy, lateUntil: null }, { dueAt: day(15), lateUntil: null })).toEqual(day(15));
    expect(lastMomentToSubmit(policy, { dueAt: day(15), lateUntil: day(20) })).toEqual(day(20));
  });

  it("applies a penalty to a score", () => {
    expect(applyLatePenalty(80, 0.25)).toBe(60);
    expect(applyLatePenalty(80, 1)).toBe(0);
  });
});
