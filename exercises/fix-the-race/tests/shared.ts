import type { Snapshot } from "../../../lib/kernel";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

export const ACCOUNT_KEY = 0x1234;

export function bankScenario(initial: number, tellers: Array<[number, number]>): Scenario {
  return { main: "main", args: tellers, objects: [{ kind: "shm", key: ACCOUNT_KEY, size: 1, init: [initial] }] };
}

/**
 * Every balance some one-at-a-time order of the tellers' operations can produce: with a
 * correct lock each operation is atomic, so these are exactly the correct outcomes (refusals
 * make the result depend on the order).
 */
export function serialBalances(initial: number, tellers: Array<[number, number]>): number[] {
  const results = new Set<number>();
  const visit = (balance: number, remaining: number[]) => {
    if (remaining.every((r) => r === 0)) return void results.add(balance);
    remaining.forEach((left, i) => {
      if (left === 0) return;
      const amount = tellers[i][0];
      const next = remaining.slice();
      next[i]--;
      visit(balance + amount >= 0 ? balance + amount : balance, next);
    });
  };
  visit(initial, tellers.map(([, times]) => times));
  return [...results].sort((a, b) => a - b);
}

export function checkBalance(expected: number[]) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel already reports deadlocks and hangs
    const crashed = Object.entries(s.exitStatuses).find(([, st]) => st && !("exited" in st && st.code === 0));
    if (crashed) return `process ${crashed[0]} did not exit cleanly`;
    const balance = s.shm.find((seg) => seg.key === ACCOUNT_KEY)?.data[0];
    return expected.includes(balance ?? NaN) ? null : `the final balance was ${balance}, expected ${expected.join(" or ")}`;
  };
}
