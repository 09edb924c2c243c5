import { describe, expect, it } from "vitest";
import { lateness } from "./lateness";
import { lateSubmitPreview } from "./late-submit-preview";

const day = (n: number, hours = 0) => new Date(Date.UTC(2026, 10, n, hours));
const policy = { opensAt: day(1), dueAt: day(10), lateUntil: day(15), latePenaltyPerDay: 0.2 };

describe("late submit preview", () => {
  it("says nothing while a submission is on time or refused", () => {
    expect(lateSubmitPreview(lateness(policy, null, day(9)), 0.2, 100)).toBeNull();
    expect(lateSubmitPreview(lateness(policy, null, day(16)), 0.2, 100)).toBeNull();
  });

  it("tells the rate and the most a submission now can count for: two started days at −20% → 60", () => {
    expect(lateSubmitPreview(lateness(policy, null, day(11, 5)), 0.2, 100)).toEqual({ penaltyPerDay: 0.2, daysLate: 2, penalty: 0.4, maxCounted: 60 });
    expect(lateSubmitPreview(lateness(policy, null, day(14, 5)), 0.2, 50)).toMatchObject({ penalty: 1, maxCounted: 0 });
  });
});
