export type DeadlinePolicy = {
  opensAt: Date;
  dueAt: Date;
  lateUntil: Date | null;
  /** Fraction of the score lost per started day late (0.1 = 10 % a day). */
  latePenaltyPerDay: number;
};

export type Extension = { dueAt: Date; lateUntil: Date | null } | null;

export type Lateness =
  | { state: "not-open" }
  | { state: "on-time"; penalty: 0 }
  | { state: "late"; daysLate: number; penalty: number }
  | { state: "closed" };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The dates that apply to one student: an extension replaces both the due date and the late
 * window. `lateUntil` null means no late window (submissions close at `dueAt`).
 */
export function effectiveDeadlines(policy: Pick<DeadlinePolicy, "dueAt" | "lateUntil">, extension: Extension): { dueAt: Date; lateUntil: Date | null } {
  return extension ? { dueAt: extension.dueAt, lateUntil: extension.lateUntil } : { dueAt: policy.dueAt, lateUntil: policy.lateUntil };
}

/**
 * Where a submission at `at` falls for a student: an extension replaces the due date and
 * the late window; each started day after the due date costs `latePenaltyPerDay`, capped at
 * the whole score; after the late window (or the due date if there is none) it is closed.
 */
export function lateness(policy: DeadlinePolicy, extension: Extension, at: Date): Lateness {
  if (at < policy.opensAt) return { state: "not-open" };
  const { dueAt, lateUntil } = effectiveDeadlines(policy, extension);
  if (at <= dueAt) return { state: "on-time", penalty: 0 };
  if (at > (lateUntil ?? dueAt)) return { state: "closed" };
  const daysLate = Math.ceil((at.getTime() - dueAt.getTime()) / DAY_MS);
  return { state: "late", daysLate, penalty: Math.min(1, daysLate * policy.latePenaltyPerDay) };
}

/** A raw score after its late penalty. */
export function applyLatePenalty(score: number, penalty: number): number {
  return Math.max(0, score * (1 - penalty));
}
