import type { Snapshot } from "../../../lib/kernel";
import { childrenOf, shmWithKey } from "../../../lib/kernel/observations";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

export const DB_KEY = 0xdb;
export const BARRIER_KEY = 0xba;
const READERS = 0, WRITERS = 1, VIOLATIONS = 2, WRITES = 3, READS = 4, STARVED = 5;

export type Options = { rounds?: number; delay?: number; hold?: number; meet?: boolean; streamUntilWrites?: number };
export type Role = ["reader" | "writer", Options];

export function rwScenario(roles: Role[]): Scenario {
  return {
    main: "main",
    args: roles,
    objects: [
      { kind: "shm", key: DB_KEY, size: 6 },
      { kind: "sem", key: BARRIER_KEY, values: [2] },
    ],
  };
}

/**
 * Judged from what the kernel saw happen to the "database" segment the test created, not from
 * the counters left in it (which any process can write): a reader is inside from its
 * +1 on the reader count to its −1, a writer from its +1 on the writer count to its −1, exactly
 * as the given sections do. A writer must never be inside with anyone else; every section is
 * counted where it happened, by the process that ran it.
 */
export function checkRw(roles: Role[]) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // deadlocks and livelocks are reported by the kernel
    const db = shmWithKey(s, DB_KEY, 0)[0];
    if (!db) return "the database segment was never created";
    if (db.dropped > 0) return "the readers and writers touched the database too often to judge (busy-waiting?)";
    const members = childrenOf(s, 1).filter((p) => p.name === "reader" || p.name === "writer");
    if (members.map((p) => p.name).join() !== roles.map(([r]) => r).join()) {
      return `main should start ${roles.map(([r]) => r).join(", ")} in this order; it started ${members.map((p) => p.name).join(", ") || "nobody"}`;
    }
    const role = new Map(members.map((p) => [p.pid, p.name]));
    const inside = new Map<number, number>();
    const sections = new Map<number, number>();
    let violations = 0;
    let starved = false;
    for (const [op, pid, cell, value, prev] of db.ops) {
      if (op === "load" || value === prev) continue;
      const who = role.get(pid);
      const delta = value - prev;
      const tampered = `pid ${pid} changed cell ${cell} of the database outside the given read and write sections`;
      if (!who) return tampered;
      if (cell === READERS || cell === WRITERS) {
        if (op !== "add" || Math.abs(delta) !== 1 || (cell === READERS) !== (who === "reader")) return tampered;
        const now = (inside.get(pid) ?? 0) + delta;
        if (now < 0 || now > 1) return tampered;
        inside.set(pid, now);
        if (delta === 1) {
          for (const [other, n] of inside) {
            if (other !== pid && n > 0 && (who === "writer" || role.get(other) === "writer")) violations++;
          }
        }
      } else if (cell === WRITES || cell === READS) {
        if (op !== "add" || delta !== 1 || (cell === READS) !== (who === "reader")) return tampered;
        sections.set(pid, (sections.get(pid) ?? 0) + 1);
      } else if (cell === VIOLATIONS) {
        if (op !== "add" || delta !== 1) return tampered;
        violations++;
      } else if (cell === STARVED) {
        if (who !== "reader" || value !== 1) return tampered;
        starved = true;
      } else return tampered;
    }
    if (violations > 0) return `a writer was inside together with someone else (${violations} time${violations === 1 ? "" : "s"})`;
    if (starved) return "a writer waited while new readers kept entering: readers went through 30 read sections and the writer never got in";
    const count = (kind: string) => members.filter((p) => p.name === kind).reduce((n, p) => n + (sections.get(p.pid) ?? 0), 0);
    const writes = roles.filter(([r]) => r === "writer").reduce((n, [, o]) => n + (o.rounds ?? 1), 0);
    if (count("writer") !== writes) return `expected ${writes} writes, saw ${count("writer")}`;
    if (roles.every(([r, o]) => r === "writer" || !o.streamUntilWrites)) {
      const reads = roles.filter(([r]) => r === "reader").reduce((n, [, o]) => n + (o.rounds ?? 1), 0);
      if (count("reader") !== reads) return `expected ${reads} reads, saw ${count("reader")}`;
    }
    const bad = s.processes.find((p) => !p.exit || !("exited" in p.exit) || p.exit.code !== 0);
    if (bad) return `${bad.name} (pid ${bad.pid}) did not exit with status 0`;
    return null;
  };
}
