import type { Snapshot } from "../../../lib/kernel";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

export const DB_KEY = 0xdb;
export const BARRIER_KEY = 0xba;
const VIOLATIONS = 2, WRITES = 3, READS = 4, STARVED = 5;

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

export function checkRw(roles: Role[]) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // deadlocks and livelocks are reported by the kernel
    const db = s.shm.find((seg) => seg.key === DB_KEY)?.data;
    if (!db) return "the database segment is gone";
    if (db[VIOLATIONS] > 0) return `a writer was inside together with someone else (${db[VIOLATIONS]} times)`;
    if (db[STARVED] > 0) return "a writer waited while new readers kept entering: readers went through 30 read sections and the writer never got in";
    const writes = roles.filter(([r]) => r === "writer").reduce((n, [, o]) => n + (o.rounds ?? 1), 0);
    if (db[WRITES] !== writes) return `expected ${writes} writes, saw ${db[WRITES]}`;
    if (roles.every(([r, o]) => r === "writer" || !o.streamUntilWrites)) {
      const reads = roles.filter(([r]) => r === "reader").reduce((n, [, o]) => n + (o.rounds ?? 1), 0);
      if (db[READS] !== reads) return `expected ${reads} reads, saw ${db[READS]}`;
    }
    const bad = s.processes.find((p) => !p.exit || !("exited" in p.exit) || p.exit.code !== 0);
    if (bad) return `${bad.name} (pid ${bad.pid}) did not exit with status 0`;
    return null;
  };
}
