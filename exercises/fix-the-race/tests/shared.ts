import type { Snapshot } from "../../../lib/kernel";
import { childrenOf, observed, shmWithKey } from "../../../lib/kernel/observations";
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

/**
 * Judged from what the kernel saw: main started one teller per entry and all of them were
 * running before it reaped any (they ran at the same time, so the lock is what kept them
 * apart), and it reaped every one (no zombie); only the tellers changed the account the test
 * created, each after taking a lock (a mutex or a semaphore); and the balance they left is
 * one a one-at-a-time order gives.
 */
export function checkBank(initial: number, tellers: Array<[number, number]>) {
  const expected = serialBalances(initial, tellers);
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel already reports deadlocks and hangs
    const crashed = Object.entries(s.exitStatuses).find(([, st]) => st && !("exited" in st && st.code === 0));
    if (crashed) return `process ${crashed[0]} did not exit cleanly`;
    const account = shmWithKey(s, ACCOUNT_KEY, 0)[0];
    if (!account) return "the account segment was never created";
    if (account.dropped > 0) return "the account was accessed too often to judge (busy-waiting?)";
    const staff = childrenOf(s, 1);
    if (staff.length !== tellers.length) return `main should start ${tellers.length} teller${tellers.length === 1 ? "" : "s"}, one per entry; it started ${staff.length}`;
    const lastStart = staff.reduce((a, b) => (a.spawned.step >= b.spawned.step ? a : b));
    const firstEnd = staff.filter((p) => p.reaped).sort((a, b) => a.reaped!.step - b.reaped!.step)[0];
    if (firstEnd && firstEnd.reaped!.step <= lastStart.spawned.step) {
      return `main waited for teller pid ${firstEnd.pid} before starting teller pid ${lastStart.pid}: the tellers must run at the same time, and a lock must keep them apart`;
    }
    // "Waits for every one of them": a teller main never reaped is left a zombie.
    const unreaped = staff.find((p) => p.reaped?.by !== 1);
    if (unreaped) return `main never waited for teller pid ${unreaped.pid}: it was left a zombie`;
    const isTeller = new Set(staff.map((p) => p.pid));
    let balance = initial;
    for (const [op, pid, , value, prev] of account.ops) {
      if (op === "load" || value === prev) continue;
      if (!isTeller.has(pid)) return `pid ${pid} changed the balance, but only the tellers may`;
      balance = value;
    }
    const o = observed(s);
    const locked = (pid: number) => o.mutexes.some((m) => (m.ops[pid]?.locks ?? 0) > 0) || o.semaphores.some((set) => (set.ops[pid]?.down ?? 0) > 0);
    // A lone teller has nobody to be kept apart from: the lock matters from two tellers on.
    const unlocked = staff.length > 1 ? staff.find((p) => !locked(p.pid)) : undefined;
    if (unlocked) return `teller pid ${unlocked.pid} never took a lock (a mutex or a semaphore): nothing kept it from interleaving with the others`;
    return expected.includes(balance) ? null : `the final balance was ${balance}, expected ${expected.join(" or ")}`;
  };
}
