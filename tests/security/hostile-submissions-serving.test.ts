import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeSource, prepareForServing, warmUpGrader } from "@/lib/grader/grade-source";
import { COMPILER_CRASH, CORRECT, describeHostileSubmissions, TYPE_BOMB } from "./hostile-cases";

const ROOT = path.resolve(import.meta.dirname, "../..");

// As a grader worker process serves: isolates prepared and warmed ahead, the compiler on its own thread.
prepareForServing();

describeHostileSubmissions("prepared, warmed isolates and the compiler thread, as a worker serves");

describe("the compiler thread", () => {
  it("grades a type-level bomb on time, with a warning that its types went unchecked, then checks the next submission's types", async () => {
    const fixtures = path.join(import.meta.dirname, "exercises");
    const bomb = await gradeSource({ exercise: "shared-counter", source: CORRECT + TYPE_BOMB }, undefined, { root: fixtures });
    expect(bomb).toMatchObject({ verdict: "graded", score: 100 });
    expect(bomb.compile.diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "TYPECHECK-TIMEOUT" })]);
    expect(bomb.durationMs).toBeLessThan(bomb.limits.wallMs + 1000); // bounded by the wall-clock limit, not the ~10 s check
    const next = await gradeSource({ exercise: "shared-counter", source: `${CORRECT}\nconst wrong: number = "seven";\n` }, undefined, { root: fixtures });
    expect(next).toMatchObject({ verdict: "graded", score: 100 });
    expect(next.compile.diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "TS2322" })]);
  }, 30_000);

  it("reports a source that crashes the compiler as a compile error, without retrying it on the main thread", async () => {
    const fixtures = path.join(import.meta.dirname, "exercises");
    const report = await gradeSource({ exercise: "shared-counter", source: COMPILER_CRASH }, undefined, { root: fixtures });
    expect(report).toMatchObject({ verdict: "compile-error", score: 0, tests: [] });
    expect(report.compile.diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "COMPILER-FAILED", message: expect.stringMatching(/Maximum call stack/) })]);
    expect(await gradeSource({ exercise: "shared-counter", source: CORRECT }, undefined, { root: fixtures })).toMatchObject({ verdict: "graded", score: 100 });
  }, 30_000);

  it("bounds a blocking type check too: a bomb is a compile error within the wall-clock limit, a type error still blocks", async () => {
    // The fixture with "typecheck": "block", in a temporary folder; its tests are the fixture's own.
    const fixture = path.join(import.meta.dirname, "exercises/shared-counter");
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-block-"));
    try {
      fs.mkdirSync(path.join(root, "shared-counter/tests"), { recursive: true });
      const manifest = JSON.parse(fs.readFileSync(path.join(fixture, "exercise.json"), "utf8")) as Record<string, unknown>;
      fs.writeFileSync(path.join(root, "shared-counter/exercise.json"), JSON.stringify({ ...manifest, typecheck: "block" }));
      fs.writeFileSync(path.join(root, "shared-counter/tests/hidden.ts"), `export { default } from ${JSON.stringify(path.join(fixture, "tests/hidden.ts"))};\n`);
      const bomb = await gradeSource({ exercise: "shared-counter", source: CORRECT + TYPE_BOMB }, undefined, { root });
      expect(bomb).toMatchObject({ verdict: "compile-error", score: 0, tests: [] });
      expect(bomb.compile.diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "COMPILE-TIMEOUT" })]);
      expect(bomb.durationMs).toBeLessThan(bomb.limits.wallMs + 1000);
      const wrong = await gradeSource({ exercise: "shared-counter", source: `${CORRECT}\nconst wrong: number = "seven";\n` }, undefined, { root });
      expect(wrong).toMatchObject({ verdict: "compile-error", score: 0 });
      expect(wrong.compile.diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "TS2322" })]);
      expect(await gradeSource({ exercise: "shared-counter", source: CORRECT }, undefined, { root })).toMatchObject({ verdict: "graded", score: 100 });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 30_000);

  it("keeps TypeScript out of a serving worker's main thread (it costs ~150 MB there)", () => {
    // Records every resolution of "typescript" on the main thread (module hooks are per thread).
    const script = `import { registerHooks } from "node:module";
      const loaded = [];
      registerHooks({ resolve(specifier, context, next) { if (specifier === "typescript") loaded.push(specifier); return next(specifier, context); } });
      const { gradeSource, prepareForServing, warmUpGrader } = await import("./lib/grader/grade-source.ts");
      if (process.argv[1] === "serving") prepareForServing();
      await warmUpGrader();
      const report = await gradeSource({ exercise: "fix-the-race", source: "export async function main() { const x: number = 'a'; }" });
      const crash = await gradeSource({ exercise: "fix-the-race", source: process.argv[2] });
      console.log(JSON.stringify({ loaded: loaded.length, codes: [...report.compile.diagnostics, ...crash.compile.diagnostics].map((d) => d.code) }));
      process.exit(0);`;
    const run = (mode: string) => {
      const r = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", "--input-type=module", "-e", script, mode, COMPILER_CRASH], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { loaded: number; codes: string[] };
    };
    expect(run("serving")).toEqual({ loaded: 0, codes: ["TS2322", "COMPILER-FAILED"] });
    // The check can see a load: without the thread (as the CLI runs) TypeScript is loaded here.
    const cli = run("cli");
    expect(cli.codes).toEqual(["TS2322", "COMPILER-FAILED"]);
    expect(cli.loaded).toBeGreaterThan(0);
  }, 120_000);
});

describe("prepared isolates grade exactly like fresh ones", () => {
  it("gives a buggy submission the same failures, counterexamples and replay tokens as the CLI", async () => {
    const mutant = path.join(ROOT, "exercises/fix-the-race/mutants/check-outside-the-lock.ts");
    await warmUpGrader();
    const served = await gradeSource({ exercise: "fix-the-race", source: fs.readFileSync(mutant, "utf8"), seed: 7 });
    const cli = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/grade.ts", "fix-the-race", mutant, "--json", "--seed", "7"], { cwd: ROOT, encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
    const fresh = JSON.parse(cli.stdout) as { score: number; schedulesExplored: number; tests: Array<{ id: string; passed: boolean; replay?: string }> };
    const summary = (r: typeof fresh) => ({ score: r.score, schedulesExplored: r.schedulesExplored, tests: r.tests.map((t) => [t.id, t.passed, t.replay ?? null]) });
    expect(served.tests.some((t) => t.replay)).toBe(true);
    expect(summary(served)).toEqual(summary(fresh));
  }, 60_000);
});
