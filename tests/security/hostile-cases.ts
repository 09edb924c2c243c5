import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeSource } from "@/lib/grader/grade-source";
import type { GradeReport } from "@/lib/grader/types";

/**
 * Hostile submissions against a tiny exercise (tests/security/exercises/shared-counter:
 * two processes must each add 3 to a shared cell). Every one must end in the exact outcome
 * listed — a failed test or a resource-limit verdict — never a pass, never a crashed grader,
 * and no report may carry hidden-test source or host details.
 */
const root = path.resolve(import.meta.dirname, "exercises");

export const CORRECT = `
import { shmget, shmat, spawn, waitpid } from "ipc";
export async function main(n: number) {
  const a = await spawn(worker, [n]);
  const b = await spawn(worker, [n]);
  await waitpid(a); await waitpid(b);
}
export async function worker(n: number) {
  const cell = await shmat(await shmget(0x42, 1, 0));
  for (let i = 0; i < n; i++) await cell.fetchAdd(0, 1);
}
`;

/**
 * A type-level bomb: the 40,320 permutations of eight letters, compared as a union. Checking
 * it takes seconds (about 10 on the 2-core CI machine); transpiling it takes a millisecond.
 */
export const TYPE_BOMB = `
type Perm<T, U = T> = [T] extends [never] ? [] : T extends unknown ? [T, ...Perm<Exclude<U, T>>] : never;
type All = Perm<"a" | "b" | "c" | "d" | "e" | "f" | "g" | "h">;
const all = null as unknown as All;
const notA: Exclude<All, ["a", ...unknown[]]> = all;
`;

/** Arrays nested 5,000 deep (10 KB): TypeScript's recursive parser overflows its stack on it. */
export const COMPILER_CRASH = `export const x = ${"[".repeat(5000)}${"]".repeat(5000)};\nexport async function main() {}\n`;

/** A correct program with extra code run first in `main` (or at module level with `top`). */
const withMain = (code: string) => CORRECT.replace("export async function main(n: number) {", `export async function main(n: number) {\n${code}\n`);
const withTop = (code: string) => `${CORRECT}\n${code}\n`;
/** Does nothing useful: passes only if the tampering fooled the grader. */
const only = (code: string) => `import * as ipc from "ipc";\nexport async function main(n: number) {\n${code}\n}\n`;

type Expect = { verdict: GradeReport["verdict"]; message?: RegExp };
const FAILED = (message?: RegExp): Expect => ({ verdict: "graded", message });
const LIMIT = (message: RegExp): Expect => ({ verdict: "resource-limit", message });

const CASES: Array<[string, string, Expect]> = [
  // Starving others
  ["infinite loop at module level", withTop("while (true) {}"), LIMIT(/CPU time limit|time limit/)],
  ["infinite loop in main", withMain("for (;;) {}"), LIMIT(/CPU time limit|time limit/)],
  ["busy await loop outside the kernel", withMain("for (;;) await Promise.resolve();"), LIMIT(/CPU time limit|time limit/)],
  ["busy loop on sched_yield", only("for (;;) await ipc.sched_yield();"), FAILED(/livelock|busy-wait|step/i)],
  ["memory bomb", withMain("const hog: number[][] = []; for (;;) hog.push(new Array(1e6).fill(7));"), LIMIT(/memory|stopped/)],
  ["string memory bomb", withMain("let s = 'x'; for (;;) s += s;"), FAILED(/Invalid string length|RangeError/)],
  ["deep recursion", withMain("const f = (k: number): number => f(k + 1) + 1; f(0);"), FAILED(/Maximum call stack|RangeError|error/i)],
  ["huge output", withMain("for (let i = 0; i < 2000000; i++) console.log('spam spam spam spam', i);"), LIMIT(/CPU time limit|time limit/)],
  ["large but bounded output", withMain("for (let i = 0; i < 20000; i++) console.log('spam spam spam spam', i); await ipc.exit(3);").replace('from "ipc";', 'from "ipc";\nimport * as ipc from "ipc";'), FAILED(/a process failed/)],
  ["fork bomb", only("for (;;) { try { await ipc.spawn('main', [0]); } catch { break; } } "), FAILED(/counter/)],
  ["recursive fork bomb", `import { spawn } from "ipc";\nexport async function main() { for (;;) await spawn(main, []); }`, FAILED()],
  ["giant trace", only("for (let i = 0; i < 100000; i++) await ipc.getpid(); for (let i = 0; i < 100000; i++) await ipc.shmget(0x42, 1, 0);"), FAILED()],
  ["microtask flood", withMain("const spin = (): Promise<void> => Promise.resolve().then(spin); spin();"), LIMIT(/CPU time limit|time limit|memory limit/)],
  // Direct eval cannot run in the student compartment (SES): the compiler reports it before grading.
  ["eval'd infinite loop", withMain("eval('while(true){}');"), { verdict: "compile-error" }],
  ["indirect eval'd infinite loop", withMain("(0, eval)('while(true){}');"), LIMIT(/CPU time limit|time limit/)],
  // The student compartment has no Atomics (SES leaves it out): the call fails at once.
  ["Atomics.wait forever", withMain("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);"), FAILED(/reading 'wait'|Atomics|SharedArrayBuffer/)],

  // Changing the verdict
  ["patch JSON.stringify to fake the snapshot", only(`(JSON as any).stringify = () => '{"outcome":{"kind":"completed"},"exitStatuses":{},"shm":[{"key":66,"data":[6]}]}';`), FAILED()],
  ["patch JSON.parse", only("(JSON as any).parse = () => ({});"), FAILED()],
  ["patch Object.prototype", only("(Object.prototype as any).passed = true;"), FAILED()],
  ["patch Promise.prototype.then", only("Promise.prototype.then = function () { return this as any; } as any;"), FAILED()],
  ["replace the Promise global", only("(globalThis as any).Promise = class {};"), FAILED()],
  ["patch Array.prototype.find", only("Array.prototype.find = () => ({ key: 0x42, data: [6] }) as any;"), FAILED()],
  ["patch the ipc module", only("(ipc as any).shmget = async () => 0;"), FAILED()],
  ["define a fake exported check", `${only("")}\nexport function check() { return null; }\nexport const tests = [];`, FAILED(/counter 0/)],
  ["print fake results", only("console.log('✔ counts-to-six 100/100'); console.log(JSON.stringify({ score: 100, passed: true }));"), FAILED()],
  ["exit early with success", only("await ipc.exit(0);"), FAILED(/counter 0/)],
  ["throw null", only("throw null;"), FAILED()],
  ["throw an object with a hostile toString", only("throw { toString() { for (;;) {} } };"), FAILED()],
  ["throw a Proxy", only("throw new Proxy({}, { get() { throw new Error('gotcha'); } });"), FAILED()],
  ["return a Proxy from main", only("return new Proxy({}, { get() { for (;;) {} } }) as any;"), LIMIT(/CPU time limit|time limit/)],
  ["throw a symbol", only("throw Symbol('x');"), FAILED()],

  // Reading what is hidden / escaping the sandbox
  ["look for the harness global", only("const h = (globalThis as any).__ipclabHarness; if (h) console.log('ESCAPED harness', Object.keys(h));"), FAILED()],
  ["read stack traces for test code", only("try { null!.x; } catch (e) { console.log('STACK', (e as Error).stack); } console.log(String(ipc.spawn));"), FAILED()],
  ["constructor chain to the global object", only("const g = ({}).constructor.constructor('return this')(); if (g.process || g.require) console.log('ESCAPED', typeof g.process);"), FAILED()],
  ["require a Node module", `const fs = (require as any)("fs");\nexport async function main() { console.log('ESCAPED', fs); }`, FAILED(/Cannot find module|only "ipc"|require/)],
  ["dynamic import of fs", only("const m = await import('node:fs' as string); console.log('ESCAPED', Object.keys(m));"), FAILED()],
  ["reach process.env", only("const p = (globalThis as any).process; if (p) console.log('ESCAPED', JSON.stringify(p.env));"), FAILED()],
  ["use setTimeout", only("await new Promise((r) => (globalThis as any).setTimeout(r, 1));"), FAILED()],
  ["isolated-vm references", only("const ivm = (globalThis as any).ivm ?? (globalThis as any)._ivm; if (ivm) console.log('ESCAPED ivm');"), FAILED()],
];

/**
 * The suite, run by two test files: with fresh isolates built per job (as the CLI grades)
 * and as a worker process serves (prepared, warmed isolates and the type-check thread).
 */
export function describeHostileSubmissions(mode: string): void {
  describe(`hostile submissions (${mode})`, () => {
    it("the fixture's correct program scores full marks (the cases below fail for their own reasons)", async () => {
      const report = await gradeSource({ exercise: "shared-counter", source: CORRECT }, undefined, { root });
      expect(report).toMatchObject({ verdict: "graded", score: 100 });
    });

    it("has at least 30 hostile cases", () => expect(CASES.length).toBeGreaterThanOrEqual(30));

    for (const [name, source, expected] of CASES) {
      it(name, async () => {
        const report = await gradeSource({ exercise: "shared-counter", source }, undefined, { root });
        expect(report.score, JSON.stringify(report.tests[0]?.message ?? report.error)).toBe(0);
        expect(report.verdict).toBe(expected.verdict);
        if (expected.verdict === "compile-error") expect(report.compile.ok).toBe(false);
        else {
          expect(report.tests).toHaveLength(1);
          expect(report.tests[0].passed).toBe(false);
        }
        if (expected.message) expect(report.error ?? report.tests[0].message).toMatch(expected.message);
        const json = JSON.stringify(report);
        expect(json).not.toContain("ESCAPED");
        expect(json).not.toContain("HIDDEN-TEST-SECRET");
        expect(json).not.toContain("hidden.ts");
        expect(json.length).toBeLessThan(3_000_000);
      });
    }

    it("rejects an oversized source before compiling it", async () => {
      const report = await gradeSource({ exercise: "shared-counter", source: CORRECT + "//".padEnd(70_000, "x") }, undefined, { root });
      expect(report).toMatchObject({ verdict: "compile-error", score: 0 });
      expect(report.compile.diagnostics[0].message).toMatch(/larger than 64 KiB/);
    });

    it("reports type errors as warnings and still grades when the exercise does not block on them", async () => {
      const report = await gradeSource({ exercise: "shared-counter", source: `${CORRECT}\nconst wrong: number = "seven";\n` }, undefined, { root });
      expect(report).toMatchObject({ verdict: "graded", score: 100 });
      const line = CORRECT.split("\n").length + 1;
      expect(report.compile.diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "TS2322", line })]);
    });

    it("reports syntax errors at the student's own line and column", async () => {
      const report = await gradeSource({ exercise: "shared-counter", source: "export async function main() {\n  const x = ;\n}\n" }, undefined, { root });
      expect(report.verdict).toBe("compile-error");
      expect(report.compile.diagnostics[0]).toMatchObject({ line: 2, column: 13, severity: "error" });
    });
  });
}
