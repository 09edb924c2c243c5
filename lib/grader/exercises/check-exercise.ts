import fs from "node:fs";
import path from "node:path";
import { gradeSource } from "../grade-source";
import type { GradeReport } from "../types";
import { loadExercise } from "./load-exercise";

export const SOLUTION_SEEDS = [1, 7, 1234];
export const MIN_MUTANTS = 5;

export type ExerciseCheck = { slug: string; problems: string[]; timings: { solutionMs: number[] } };

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);
const failedTests = (r: GradeReport) => r.tests.filter((t) => !t.passed).map((t) => t.id);

/**
 * The authoring rules of docs/authoring-exercises.md, checked by running the real grader on
 * the reference solution, the starter and every mutant.
 */
export async function checkExercise(slug: string, root?: string, onStep?: (what: string) => void): Promise<ExerciseCheck> {
  const problems: string[] = [];
  const timings = { solutionMs: [] as number[] };
  let exercise;
  try {
    exercise = await loadExercise(slug, root);
  } catch (error) {
    return { slug, problems: [`manifest or tests invalid: ${(error as Error).message}`], timings };
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

  if (solution) {
    for (const seed of SOLUTION_SEEDS) {
      onStep?.(`solution, seed ${seed}`);
      const r = await grade(solution, seed);
      timings.solutionMs.push(r.durationMs);
      if (r.score !== r.maxScore) problems.push(`the solution scores ${r.score}/${r.maxScore} with seed ${seed} (failing: ${failedTests(r).join(", ") || r.error || r.verdict})`);
      if (r.compile.diagnostics.some((d) => d.severity === "error")) problems.push(`the solution has type errors: ${r.compile.diagnostics[0].message}`);
      if (r.durationMs > manifest.limits.wallMs) problems.push(`grading the solution took ${r.durationMs} ms, over the ${manifest.limits.wallMs} ms limit`);
    }
    onStep?.("solution, public tests");
    const pub = await grade(solution, 1, "public");
    if (pub.tests.some((t) => !t.passed)) problems.push(`the solution fails public tests: ${failedTests(pub).join(", ")}`);
  }

  const killers = new Map<string, number>(exercise.hidden.map((t) => [t.id, 0]));
  const count = (r: GradeReport) => failedTests(r).forEach((id) => killers.set(id, (killers.get(id) ?? 0) + 1));
  if (starter) {
    onStep?.("starter");
    const r = await grade(starter);
    if (r.verdict === "compile-error") problems.push(`the starter does not compile: ${r.compile.diagnostics[0]?.message}`);
    else if (r.score >= r.maxScore) problems.push("the starter scores 100%: it must fail for the reason the exercise is about");
    count(r);
  }
  const mutantDir = path.join(dir, "mutants");
  const mutants = fs.existsSync(mutantDir) ? fs.readdirSync(mutantDir).filter((f) => f.endsWith(".ts")).sort() : [];
  if (mutants.length < MIN_MUTANTS) problems.push(`has ${mutants.length} mutants; at least ${MIN_MUTANTS} are required`);
  for (const m of mutants) {
    onStep?.(`mutant ${m}`);
    const r = await grade(fs.readFileSync(path.join(mutantDir, m), "utf8"));
    if (r.verdict === "graded" && failedTests(r).length === 0) problems.push(`mutant ${m} passes every hidden test`);
    if (r.verdict === "compile-error") problems.push(`mutant ${m} does not compile (a mutant must be a plausible, compiling mistake): ${r.compile.diagnostics[0]?.message}`);
    count(r);
  }
  for (const [id, kills] of killers) if (kills === 0) problems.push(`hidden test "${id}" fails neither the starter nor any mutant (a dead test)`);
  return { slug, problems, timings };
}
