import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeSource } from "@/lib/grader/grade-source";
import type { GradeReport } from "@/lib/grader/types";
import { CORRECT } from "./hostile-cases";

/**
 * The verdict is the host's and the host's work is bounded: checks run in the judge isolate
 * within the job's wall clock, a throwing check's details stay in the server log, oversized
 * runs are refused unparsed, and every report fits in 1 MB.
 * Fixtures: tests/security/exercises/{slow-check,throwing-check,big-state,many-traces}.
 */
const root = path.resolve(import.meta.dirname, "exercises");
const repo = path.resolve(import.meta.dirname, "../..");

type Logged = { event: string; fields: Record<string, unknown> };
function grade(exercise: string, source: string, exercisesRoot = root) {
  const logged: Logged[] = [];
  const report = gradeSource({ exercise, source }, undefined, { root: exercisesRoot, log: (event, fields = {}) => logged.push({ event, fields }) });
  return { report, logged };
}
const bytes = (r: GradeReport) => Buffer.byteLength(JSON.stringify(r));
/** The bound on a report (MAX_REPORT_BYTES), spelled out: the test states the requirement. */
const ONE_MB = 1024 * 1024;

const PRINT_ONE_TO_N = `export async function main(n: number) { for (let i = 1; i <= n; i++) console.log(i); }`;

describe("host verdicts and bounded host work", () => {
  it("grades the unchanged signals-graceful-shutdown starter into a report of at most 1 MB", async () => {
    const starter = fs.readFileSync(path.join(repo, "exercises/signals-graceful-shutdown/starter.ts"), "utf8");
    const { report } = grade("signals-graceful-shutdown", starter, path.join(repo, "exercises"));
    const r = await report;
    expect(r.verdict).toBe("graded");
    expect(r.tests.every((t) => !t.passed)).toBe(true);
    expect(r.tests[0].trace).toBeDefined();
    expect(bytes(r)).toBeLessThanOrEqual(ONE_MB);
  });

  it("leaves out the traces of later failing tests to keep a report within 1 MB, and says so", async () => {
    const busy = `import { sched_yield } from "ipc";\nexport async function main() { for (let i = 0; i < 3000; i++) await sched_yield(); }`;
    const r = await grade("many-traces", busy).report;
    expect(r.tests).toHaveLength(10);
    expect(r.tests.every((t) => !t.passed)).toBe(true);
    expect(bytes(r)).toBeLessThanOrEqual(ONE_MB);
    expect(r.tests[0].trace).toBeDefined();
    const left = r.tests.filter((t) => t.trace === undefined);
    expect(left.length).toBeGreaterThan(0);
    expect(r.tests.at(-1)!.trace).toBeUndefined();
    for (const t of left) expect(t.message).toMatch(/timeline of this run was left out/);
  });

  it("ends a grading whose check is slow on the student's output within the wall limit, and the next grading works", async () => {
    // Warm (compiler, fixture, judge context): the assertion below is about the judge, not a cold start.
    expect(await grade("slow-check", PRINT_ONE_TO_N).report).toMatchObject({ verdict: "graded", score: 100 });
    const chatty = `export async function main() { for (let i = 1; i <= 6000; i++) console.log(i); }`;
    const started = performance.now();
    const { report, logged } = grade("slow-check", chatty);
    const r = await report;
    const elapsed = performance.now() - started;
    const { wallMs } = r.limits;
    expect(r.durationMs).toBeLessThan(wallMs + 1500);
    expect(elapsed).toBeLessThan(wallMs + 1500);
    expect(r).toMatchObject({ verdict: "resource-limit", score: 0 });
    expect(r.error).toMatch(/time limit exceeded \(2000 ms wall clock\) while the tests judged/);
    expect(logged.map((l) => l.event)).toContain("grader.judge-limit");
    // The judge isolate was replaced: the same worker grades the next submission as before.
    expect(await grade("slow-check", PRINT_ONE_TO_N).report).toMatchObject({ verdict: "graded", score: 100 });
    expect(await grade("shared-counter", CORRECT).report).toMatchObject({ verdict: "graded", score: 100 });
  }, 120_000);

  it("never copies a throwing check's message into the report; the server log gets it", async () => {
    for (const [source, detail] of [
      ["export async function main() {}", "reading 'trimEnd'"],
      [`export async function main() { console.log("boom"); }`, "HIDDEN-CHECK-DETAIL-91c2"],
    ]) {
      const { report, logged } = grade("throwing-check", source);
      const r = await report;
      expect(r).toMatchObject({ verdict: "graded", score: 0 });
      expect(r.tests[0].message).toMatch(/the test could not judge this run; this has been logged/);
      expect(JSON.stringify(r)).not.toContain(detail);
      expect(JSON.stringify(r)).not.toContain("ipclab:judge");
      const failures = logged.filter((l) => l.event === "grader.check-failed");
      expect(failures.length).toBeGreaterThan(0);
      expect(failures[0].fields).toMatchObject({ exercise: "throwing-check", test: "says-hello", error: expect.stringContaining(detail) });
    }
    expect(await grade("throwing-check", `export async function main() { console.log("hello"); }`).report).toMatchObject({ verdict: "graded", score: 100 });
  });

  it("stops at a run that left more state than the grader can judge, without parsing it", async () => {
    // Three segments of 2^20 cells: ~6 MB of snapshot JSON, over the 4 MB cap.
    const hoarder = `import { shmget } from "ipc";\nexport async function main() { for (let k = 1; k <= 3; k++) await shmget(k, 1 << 20, 0o1600); }`;
    const r = await grade("big-state", hoarder).report;
    expect(r).toMatchObject({ verdict: "resource-limit", score: 0 });
    expect(r.error).toMatch(/^this run left more state than the grader can judge \(6\.\d MB\)$/);
    expect(r.tests[0].message).toMatch(/this run left more state than the grader can judge \(6\.\d MB\)/);
    expect(await grade("big-state", "export async function main() {}").report).toMatchObject({ verdict: "graded", score: 100 });
  }, 60_000);
});
