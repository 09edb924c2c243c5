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
 * The dates that apply to one student. An extension replaces the due date; its late window is
 * its own `lateUntil` when it has one, otherwise the assignment's late window keeps its length
 * and starts at the extended due date (an extension must never leave a student less time to
 * submit late than the class has). `lateUntil` null means no late window (submissions close
 * at `dueAt`); an extension that should close at its due date says `lateUntil = dueAt`.
 */
export function effectiveDeadlines(policy: Pick<DeadlinePolicy, "dueAt" | "lateUntil">, extension: Extension): { dueAt: Date; lateUntil: Date | null } {
  if (!extension) return { dueAt: policy.dueAt, lateUntil: policy.lateUntil };
  if (extension.lateUntil) return { dueAt: extension.dueAt, lateUntil: extension.lateUntil };
  const window = policy.lateUntil ? policy.lateUntil.getTime() - policy.dueAt.getTime() : 0;
  return { dueAt: extension.dueAt, lateUntil: window > 0 ? new Date(extension.dueAt.getTime() + window) : null };
}

/**
 * Where a submission at `at` falls for a student, under their own dates (effectiveDeadlines):
 * each started day after the due date costs `latePenaltyPerDay`, capped at the whole score; after the late window (or the due date if there is none) it is closed.
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
