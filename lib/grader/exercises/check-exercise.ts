import fs from "node:fs";
import path from "node:path";
import type { Coverage } from "../../kernel/strategies/coverage";
import { coverageSufficient, describeCoverage } from "../coverage-text";
import { gradeSource } from "../grade-source";
import type { GradeReport } from "../types";
import { loadExercise } from "./load-exercise";

export const SOLUTION_SEEDS = [1, 7, 1234];
/** Every known-buggy mutant must fail some hidden test on each of these seeds. */
export const MUTANT_SEEDS = [1, 2, 3, 4, 5];
export const MIN_MUTANTS = 5;
/** Gradings run at once (each in its own isolate, on its own thread). */
const PARALLEL_GRADINGS = 2;

/** One hidden test's coverage under the reference solution (seed 1), with its sentence and whether it meets the authoring rules. */
export type TestCoverage = { id: string; coverage: Coverage | null; text: string; sufficient: boolean; schedules: number };

/** For one mutant (or the starter): on how many of MUTANT_SEEDS each hidden test failed it. */
export type KillRow = { file: string; kills: Record<string, number>; seeds: number };

export type ExerciseCheck = {
  slug: string;
  /** The hidden tests, in order. */
  testIds: string[];
  problems: string[];
  /** Said but not a failure: e.g. coverage below what the authoring rules ask. */
  warnings: string[];
  timings: { solutionMs: number[] };
  coverage: TestCoverage[];
  killTable: KillRow[];
};

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);
const failedTests = (r: GradeReport) => r.tests.filter((t) => !t.passed).map((t) => t.id);

/** What must come out the same when the same file is graded twice: score, failing tests, counterexamples and coverage. */
function gradingFingerprint(r: GradeReport): string {
  return JSON.stringify({ score: r.score, verdict: r.verdict, tests: r.tests.map((t) => ({ id: t.id, passed: t.passed, replay: t.replay ?? null, coverage: t.coverage ?? null, schedules: t.schedulesExplored })) });
}

/** The first difference between two gradings of one file, in words. */
function gradingDifference(a: GradeReport, b: GradeReport): string {
  if (a.score !== b.score) return `score ${a.score} then ${b.score}`;
  for (let i = 0; i < a.tests.length; i++) {
    const [x, y] = [a.tests[i], b.tests[i]];
    if (!y) break;
    if (x.passed !== y.passed) return `test ${x.id} ${x.passed ? "passed" : "failed"} then ${y.passed ? "passed" : "failed"}`;
    if ((x.replay ?? null) !== (y.replay ?? null)) return `test ${x.id}: counterexample ${x.replay} then ${y.replay}`;
    if (JSON.stringify(x.coverage ?? null) !== JSON.stringify(y.coverage ?? null)) return `test ${x.id}: coverage ${JSON.stringify(x.coverage)} then ${JSON.stringify(y.coverage)}`;
    if (x.schedulesExplored !== y.schedulesExplored) return `test ${x.id}: ${x.schedulesExplored} then ${y.schedulesExplored} schedules`;
  }
  return "the reports differ";
}

/** Runs `jobs` at most `limit` at a time, keeping their order. */
async function inParallel<T>(jobs: Array<() => Promise<T>>, limit = PARALLEL_GRADINGS): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/**
 * The authoring rules of docs/authoring-exercises.md, checked by running the real grader on
 * the reference solution, the starter and every mutant:
 *  - the solution scores full marks on several seeds, within the time limit, and every hidden
 *    test states its coverage (a warning when it is below the rules: a finished search with
 *    ≥ 2 preemptions, or PCT missing a depth-2 bug with probability ≤ 1%);
 *  - every mutant fails some hidden test on every one of MUTANT_SEEDS, and the starter fails;
 *  - grading the same file twice gives the same score, failing tests, counterexamples and
 *    coverage (the solution, which explores every schedule its budget allows, and the starter,
 *    whose failures are shrunk and replayed; with seed 1);
 *  - every hidden test fails the starter or some mutant (no dead test).
 */
export async function checkExercise(slug: string, root?: string, onStep?: (what: string) => void): Promise<ExerciseCheck> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const timings = { solutionMs: [] as number[] };
  const coverage: TestCoverage[] = [];
  const killTable: KillRow[] = [];
  let exercise;
  try {
    exercise = await loadExercise(slug, root);
  } catch (error) {
    return { slug, testIds: [], problems: [`manifest or tests invalid: ${(error as Error).message}`], warnings, timings, coverage, killTable };
  }
  const { dir, manifest } = exercise;
  for (const lang of ["ko", "en"]) {
    if (!read(path.join(dir, `prompt.${lang}.md`))?.trim()) problems.push(`prompt.${lang}.md is missing or empty`);
  }
  if (exercise.hidden.length === 0) problems.push("tests/hidden.ts defines no tests");
  const publicIds = exercise.public.map((t) => t.id).sort();
  if (JSON.stringify(publicIds) !== JSON.stringify([...manifest.publicTests].sort())) {
    problems.push(`exercise.json publicTests (${manifest.publicTests.join(", ")}) must list exactly the tests in tests/public.ts (${publicIds.join(", ")})`);
  }

  const solution = read(path.join(dir, "solution.ts"));
  const starter = read(path.join(dir, "starter.ts"));
  if (!solution) problems.push("solution.ts is missing");
  if (!starter) problems.push("starter.ts is missing");
  const grade = (source: string, seed = 1, suite: "hidden" | "public" = "hidden") => gradeSource({ exercise: slug, source, seed, suite }, undefined, { root });
  /** Grades `source` a second time with seed 1 and reports any difference from `first`. */
  const sameTwice = async (name: string, source: string, first: GradeReport) => {
    const again = await grade(source);
    if (gradingFingerprint(again) !== gradingFingerprint(first)) problems.push(`grading ${name} twice gave different results: ${gradingDifference(first, again)}`);
  };

  if (solution) {
    onStep?.("solution");
    const reports = await inParallel(SOLUTION_SEEDS.map((seed) => () => grade(solution, seed)));
    reports.forEach((r, i) => {
      const seed = SOLUTION_SEEDS[i];
      timings.solutionMs.push(r.durationMs);
      if (r.score !== r.maxScore) problems.push(`the solution scores ${r.score}/${r.maxScore} with seed ${seed} (failing: ${failedTests(r).join(", ") || r.error || r.verdict})`);
      if (r.compile.diagnostics.some((d) => d.severity === "error")) problems.push(`the solution has type errors: ${r.compile.diagnostics[0].message}`);
      if (r.durationMs > manifest.limits.wallMs) problems.push(`grading the solution took ${r.durationMs} ms, over the ${manifest.limits.wallMs} ms limit`);
    });
    const first = reports[0];
    for (const t of first.tests) {
      const c = t.coverage ?? null;
      const sufficient = c !== null && coverageSufficient(c, manifest.explore.missTarget);
      coverage.push({ id: t.id, coverage: c, text: c ? describeCoverage(c, "en") : "no coverage stated", sufficient, schedules: t.schedulesExplored });
      if (!c) problems.push(`hidden test "${t.id}" states no coverage`);
      else if (!sufficient) warnings.push(`hidden test "${t.id}": coverage below the rules (${describeCoverage(c, "en")})`);
    }
    onStep?.("solution, graded twice");
    await sameTwice("the solution", solution, first);
    onStep?.("solution, public tests");
    const pub = await grade(solution, 1, "public");
    if (pub.tests.some((t) => !t.passed)) problems.push(`the solution fails public tests: ${failedTests(pub).join(", ")}`);
  }

  const killers = new Map<string, number>(exercise.hidden.map((t) => [t.id, 0]));
  const count = (r: GradeReport) => failedTests(r).forEach((id) => killers.set(id, (killers.get(id) ?? 0) + 1));
  if (starter) {
    onStep?.("starter");
    const [r, again] = await inParallel([() => grade(starter), () => grade(starter)]);
    if (r.verdict === "compile-error") problems.push(`the starter does not compile: ${r.compile.diagnostics[0]?.message}`);
    else if (r.score >= r.maxScore) problems.push("the starter scores 100%: it must fail for the reason the exercise is about");
    if (gradingFingerprint(again) !== gradingFingerprint(r)) problems.push(`grading the starter twice gave different results: ${gradingDifference(r, again)}`);
    count(r);
    killTable.push({ file: "starter.ts", kills: Object.fromEntries(failedTests(r).map((id) => [id, 1])), seeds: 1 });
  }
  const mutantDir = path.join(dir, "mutants");
  const mutants = fs.existsSync(mutantDir) ? fs.readdirSync(mutantDir).filter((f) => f.endsWith(".ts")).sort() : [];
  if (mutants.length < MIN_MUTANTS) problems.push(`has ${mutants.length} mutants; at least ${MIN_MUTANTS} are required`);
  for (const m of mutants) {
    onStep?.(`mutant ${m}`);
    const source = fs.readFileSync(path.join(mutantDir, m), "utf8");
    const reports = await inParallel(MUTANT_SEEDS.map((seed) => () => grade(source, seed)));
    const row: KillRow = { file: m, kills: {}, seeds: MUTANT_SEEDS.length };
    reports.forEach((r, i) => {
      if (r.verdict === "compile-error") {
        if (i === 0) problems.push(`mutant ${m} does not compile (a mutant must be a plausible, compiling mistake): ${r.compile.diagnostics[0]?.message}`);
        return;
      }
      const failed = failedTests(r);
      if (r.verdict === "graded" && failed.length === 0) problems.push(`mutant ${m} passes every hidden test with seed ${MUTANT_SEEDS[i]}`);
      for (const id of failed) row.kills[id] = (row.kills[id] ?? 0) + 1;
    });
    for (const id of Object.keys(row.kills)) killers.set(id, (killers.get(id) ?? 0) + 1);
    killTable.push(row);
  }
  for (const [id, kills] of killers) if (kills === 0) problems.push(`hidden test "${id}" fails neither the starter nor any mutant (a dead test)`);
  return { slug, testIds: exercise.hidden.map((t) => t.id), problems, warnings, timings, coverage, killTable };
}

/** The kill table as text: one row per mutant, one column per hidden test, "5/5" = failed it on every seed, "." = never. */
export function formatKillTable(testIds: readonly string[], rows: readonly KillRow[]): string {
  const width = Math.max(...rows.map((r) => r.file.length), 6);
  const header = `${"".padEnd(width)}  ${testIds.map((id, i) => `T${i + 1}`.padStart(5)).join("")}`;
  const legend = testIds.map((id, i) => `T${i + 1} = ${id}`).join(", ");
  const lines = rows.map((r) => `${r.file.padEnd(width)}  ${testIds.map((id) => (r.kills[id] ? `${r.kills[id]}/${r.seeds}` : ".").padStart(5)).join("")}`);
  return [legend, header, ...lines].join("\n");
}
