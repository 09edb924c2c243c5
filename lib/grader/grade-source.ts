import { submissionCompiler } from "./compile/submission-compiler";
import { judgeRun } from "./exercises/judge-run";
import { loadExercise, type LoadedExercise } from "./exercises/load-exercise";
import type { TestDefinition } from "./exercises/test-definition";
import { runTestsInParallel } from "./sandbox/run-tests-in-parallel";
import type { CompileReport, GradeProgress, GradeReport, GradeRequest, Lang, TestReport } from "./types";
import { MAX_SOURCE_BYTES } from "./limits";

function reportTests(exercise: LoadedExercise, tests: TestDefinition[], hidden: boolean, results: Array<{ passed: boolean; failure: string | null; schedulesExplored: number; replay?: string; trace?: unknown }>, lang: Lang): TestReport[] {
  return tests.map((t, i) => {
    const r = results[i];
    const maxPoints = hidden ? t.points : 0;
    return {
      id: t.id,
      title: t.title[lang],
      passed: r.passed,
      points: r.passed ? maxPoints : 0,
      maxPoints,
      message: r.passed ? "" : `${t.message[lang]}${r.failure ? `\n→ ${r.failure}` : ""}`,
      hidden,
      schedulesExplored: r.schedulesExplored,
      replay: r.replay,
      trace: r.trace,
    };
  });
}

/**
 * Grades one source file against an exercise: compile, run every test's exploration in a
 * fresh isolate, judge each run on the host. Everything the student did wrong, including
 * exhausting a limit, becomes a report; only a broken exercise throws.
 */
export async function gradeSource(
  request: GradeRequest,
  onProgress?: (p: GradeProgress) => void,
  { lang = "en", root }: { lang?: Lang; root?: string } = {},
): Promise<GradeReport> {
  const started = performance.now();
  const exercise = await loadExercise(request.exercise, root);
  const { manifest } = exercise;
  const suite = request.suite ?? "hidden";
  const tests = suite === "hidden" ? exercise.hidden : exercise.public;
  const maxScore = tests.reduce((sum, t) => sum + (suite === "hidden" ? t.points : 0), 0);
  const base = {
    exercise: manifest.slug,
    maxScore,
    testsHash: exercise.testsHash,
    limits: manifest.limits,
  };
  const finish = (r: Omit<GradeReport, keyof typeof base | "durationMs">): GradeReport => ({ ...base, ...r, durationMs: Math.round(performance.now() - started) });

  if (Buffer.byteLength(request.source) > MAX_SOURCE_BYTES) {
    return finish({ verdict: "compile-error", score: 0, compile: { ok: false, diagnostics: [{ severity: "error", line: 1, column: 1, code: "SIZE", message: `The source is larger than ${MAX_SOURCE_BYTES / 1024} KiB.` }] }, tests: [], schedulesExplored: 0 });
  }
  const compiler = submissionCompiler();
  const blocking = manifest.typecheck === "block";
  let compile: CompileReport;
  let js: string;
  if (blocking) {
    const compiled = compiler.compile(request.source, { typecheck: true });
    if (!compiled.report.ok || compiled.js === null) return finish({ verdict: "compile-error", score: 0, compile: compiled.report, tests: [], schedulesExplored: 0 });
    ({ report: compile, js } = { report: compiled.report, js: compiled.js });
  } else {
    const emitted = compiler.transpile(request.source);
    if (emitted.syntaxErrors.length) return finish({ verdict: "compile-error", score: 0, compile: { ok: false, diagnostics: emitted.syntaxErrors }, tests: [], schedulesExplored: 0 });
    js = emitted.js;
    compile = { ok: true, diagnostics: [] };
  }

  const running = runTestsInParallel({
    js,
    seed: request.seed ?? 1,
    limits: manifest.limits,
    tests: tests.map((t) => ({ id: t.id, scenario: t.scenario, explore: { ...manifest.explore, ...t.explore } })),
    check: (i, snapshotJson) => judgeRun(tests[i].check, snapshotJson),
    onProgress: (done, total, explored) => onProgress?.({ testsDone: done, testsTotal: total, schedulesExplored: explored }),
  });
  // Type errors that do not block grading are computed on this thread while the isolates
  // run on theirs, so they cost the student no waiting.
  if (!blocking) compile = { ok: true, diagnostics: compiler.typeDiagnostics(request.source, "warning") };
  const outcome = await running;
  if (outcome.kind !== "ok") {
    const failed = tests.map(() => ({ passed: false, failure: outcome.reason, schedulesExplored: 0 }));
    return finish({
      verdict: outcome.kind === "resource-limit" ? "resource-limit" : "internal-error",
      score: 0,
      compile,
      tests: reportTests(exercise, tests, suite === "hidden", failed, lang),
      schedulesExplored: 0,
      error: outcome.reason,
    });
  }
  const reported = reportTests(exercise, tests, suite === "hidden", outcome.results, lang);
  return finish({
    verdict: "graded",
    score: reported.reduce((s, t) => s + t.points, 0),
    compile,
    tests: reported,
    schedulesExplored: outcome.results.reduce((s, r) => s + r.schedulesExplored, 0),
  });
}

/**
 * Loads what every grading needs (the TypeScript standard library, the kernel bundle, the
 * isolate machinery) so that a worker's first student does not pay for it.
 */
export async function warmUpGrader(): Promise<void> {
  submissionCompiler().warmUp();
  const { harnessBundle } = await import("./sandbox/harness-bundle");
  harnessBundle();
}
