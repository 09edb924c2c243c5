import fs from "node:fs";
import path from "node:path";
import type { SubmissionCompiler } from "./compile/compile-typescript";
import { CompileFailed, CompilerThread, CompileTimeout, type CompilerMethod } from "./compile/compiler-thread";
import { EXERCISES_DIR, listExerciseSlugs, loadExercise } from "./exercises/load-exercise";
import type { TestDefinition } from "./exercises/test-definition";
import { boundReport } from "./judge/bound-report";
import { composeTestResults, type TestOutcome } from "./judge/compose-test-results";
import { exerciseJudge } from "./judge/exercise-judge";
import { createHostJudge } from "./judge/host-judge";
import { stderrJsonLineLog, type GraderLog } from "./pool/grader-log";
import { harnessBundle } from "./sandbox/harness-bundle";
import { prepareIsolatesAhead, runInIsolate } from "./sandbox/run-in-isolate";
import type { CompileReport, Diagnostic, GradeProgress, GradeReport, GradeRequest, Lang, Localized, TestReport } from "./types";
import { MAX_SOURCE_BYTES } from "./limits";
import { explainFailure, explainsFailure } from "./failure-class-text";

let compilerThread: CompilerThread | null = null;

/**
 * For a long-lived grader worker process (called once, before warmUpGrader):
 * - the compiler runs on a thread of its own, so the main thread stays free for the
 *   isolate's verdict calls and the limit watchdog while a large submission is
 *   type-checked, and never loads TypeScript;
 * - each next submission's isolate is prepared and warmed while the worker waits.
 */
export function prepareForServing(): void {
  compilerThread ??= new CompilerThread();
  prepareIsolatesAhead();
}

/**
 * One compiler call: on the compiler thread if there is one (bounded by `timeoutMs`), else on
 * this thread (the CLI and tests, which load TypeScript here). Either way the compiler
 * failing on the source is a CompileFailed, and it is not retried elsewhere: a source that
 * crashes the compiler would crash it again.
 */
async function compiler<M extends CompilerMethod>(method: M, args: Parameters<SubmissionCompiler[M]>, timeoutMs: number): Promise<ReturnType<SubmissionCompiler[M]>> {
  if (compilerThread) return compilerThread.call(method, args, timeoutMs);
  const local = (await import("./compile/submission-compiler")).submissionCompiler();
  try {
    return (local[method] as (...a: Parameters<SubmissionCompiler[M]>) => ReturnType<SubmissionCompiler[M]>).apply(local, args);
  } catch (error) {
    throw new CompileFailed(String((error as Error)?.message ?? error));
  }
}

/** Type errors as warnings; when the check overruns `timeoutMs` or the checker fails, one warning saying so. */
async function typeWarnings(source: string, timeoutMs: number): Promise<Diagnostic[]> {
  try {
    return await compiler("typeDiagnostics", [source, "warning"], timeoutMs);
  } catch (error) {
    const why =
      error instanceof CompileTimeout ? `The type check took longer than ${timeoutMs / 1000} s` : error instanceof CompileFailed ? `The type checker failed on this code (${error.message})` : null;
    if (!why) throw error;
    const code = error instanceof CompileTimeout ? "TYPECHECK-TIMEOUT" : "TYPECHECK-FAILED";
    return [{ severity: "warning", line: 1, column: 1, code, message: `${why}, so type errors are not reported. Grading is not affected.` }];
  }
}

const HINT_LABEL: Localized = { ko: "이 테스트의 힌트", en: "This test's hint" };

/**
 * A failed test's message: the failure class's explanation first, when it says more than the
 * test's hint (which describes the mistake the test was written for, not necessarily this
 * one), then the hint, then what went wrong in the kernel's or the check's words.
 */
function failureMessage(t: TestDefinition, r: TestOutcome, lang: Lang, explanation: { title: string; text: string } | null): string {
  const failure = r.failure ? `\n→ ${r.failure}` : "";
  if (!explanation) return `${t.message[lang]}${failure}`;
  return `${explanation.title}: ${explanation.text}\n${HINT_LABEL[lang]}: ${t.message[lang]}${failure}`;
}

function reportTests(tests: TestDefinition[], hidden: boolean, results: TestOutcome[], lang: Lang): TestReport[] {
  return tests.map((t, i) => {
    const r = results[i];
    const maxPoints = hidden ? t.points : 0;
    const fc = r.passed ? undefined : r.failureClass;
    const explained = fc ? explainFailure(fc, lang) : null;
    return {
      id: t.id,
      title: t.title[lang],
      passed: r.passed,
      points: r.passed ? maxPoints : 0,
      maxPoints,
      message: r.passed ? "" : failureMessage(t, r, lang, fc && explainsFailure(fc) ? explained : null),
      hidden,
      schedulesExplored: r.schedulesExplored,
      ...(r.coverage ? { coverage: r.coverage } : {}),
      replay: r.replay,
      trace: r.trace,
      ...(fc && explained ? { failureClass: { ...fc, title: explained.title, explanation: explained.text } } : {}),
    };
  });
}

/**
 * Grades one source file against an exercise: compile, run every test's exploration in a
 * fresh isolate, judge each run in the judge isolate on the host's behalf; the host decides
 * each test from its own record of those verdicts. Everything the student did wrong,
 * including exhausting a limit, becomes a report (of at most MAX_REPORT_BYTES); only a
 * broken exercise throws. `log` receives what only operators may see (why a check threw).
 */
export async function gradeSource(
  request: GradeRequest,
  onProgress?: (p: GradeProgress) => void,
  { lang = "en", root, log = stderrJsonLineLog }: { lang?: Lang; root?: string; log?: GraderLog } = {},
): Promise<GradeReport> {
  const started = performance.now();
  const exercise = await loadExercise(request.exercise, root);
  const { manifest } = exercise;
  const suite = request.suite ?? "hidden";
  const hidden = suite === "hidden";
  const tests = hidden ? exercise.hidden : exercise.public;
  const maxScore = tests.reduce((sum, t) => sum + (hidden ? t.points : 0), 0);
  const base = {
    exercise: manifest.slug,
    maxScore,
    testsHash: exercise.testsHash,
    limits: manifest.limits,
  };
  const finish = (r: Omit<GradeReport, keyof typeof base | "durationMs">): GradeReport => boundReport({ ...base, ...r, durationMs: Math.round(performance.now() - started) }, lang);

  if (Buffer.byteLength(request.source) > MAX_SOURCE_BYTES) {
    return finish({ verdict: "compile-error", score: 0, compile: { ok: false, diagnostics: [{ severity: "error", line: 1, column: 1, code: "SIZE", message: `The source is larger than ${MAX_SOURCE_BYTES / 1024} KiB.` }] }, tests: [], schedulesExplored: 0 });
  }
  const { wallMs } = manifest.limits;
  const blocking = manifest.typecheck === "block";
  let compile: CompileReport;
  let js: string;
  let lines: readonly number[] = [];
  try {
    if (blocking) {
      const compiled = await compiler("compile", [request.source, { typecheck: true }], wallMs);
      if (!compiled.report.ok || compiled.js === null) return finish({ verdict: "compile-error", score: 0, compile: compiled.report, tests: [], schedulesExplored: 0 });
      compile = compiled.report;
      js = compiled.js;
      lines = compiled.lines;
    } else {
      const emitted = await compiler("transpile", [request.source], wallMs);
      if (emitted.syntaxErrors.length) return finish({ verdict: "compile-error", score: 0, compile: { ok: false, diagnostics: emitted.syntaxErrors }, tests: [], schedulesExplored: 0 });
      js = emitted.js;
      lines = emitted.lines;
      compile = { ok: true, diagnostics: [] };
    }
  } catch (error) {
    const diagnostic: Diagnostic | null =
      error instanceof CompileTimeout
        ? { severity: "error", line: 1, column: 1, code: "COMPILE-TIMEOUT", message: `Compiling took longer than ${wallMs / 1000} s.` }
        : error instanceof CompileFailed
          ? { severity: "error", line: 1, column: 1, code: "COMPILER-FAILED", message: `The compiler failed on this code: ${error.message}` }
          : null;
    if (!diagnostic) throw error; // the compiler thread could not start: an internal error, retried
    return finish({ verdict: "compile-error", score: 0, compile: { ok: false, diagnostics: [diagnostic] }, tests: [], schedulesExplored: 0 });
  }

  // The checks run in the judge isolate, within what is left of the job's wall clock: the
  // sandbox calls the host synchronously, so this bounds how long the host's thread blocks.
  const testIds = tests.map((t) => t.id);
  const host = createHostJudge({
    testIds,
    call: exerciseJudge(exercise, suite),
    deadline: performance.now() + wallMs,
    wallMs,
    log,
    logFields: { exercise: manifest.slug, suite },
  });
  // One isolate runs all the tests: later tests run on code the JIT warmed up in earlier ones.
  // (Splitting them over two isolates took as long and nearly twice the CPU: ADR 007.)
  const running = runInIsolate({
    js,
    lines,
    seed: request.seed ?? 1,
    limits: manifest.limits,
    tests: tests.map((t) => ({ id: t.id, scenario: t.scenario, explore: { ...manifest.explore, ...t.explore } })),
    judge: host.judge,
    onProgress: (done, total, explored) => onProgress?.({ testsDone: done, testsTotal: total, schedulesExplored: explored }),
  });
  // Type errors that do not block grading are computed while the isolate runs on its
  // thread, so they cost the student no waiting.
  if (!blocking) compile = { ok: true, diagnostics: await typeWarnings(request.source, wallMs) };
  const outcome = await running;
  // Judging that hit a limit is the submission's (its runs made the checks that slow or that
  // large), and it usually ends the sandbox too, at the wall clock: say what really happened.
  const judgeLimit = host.limit();
  if (outcome.kind !== "ok" || judgeLimit) {
    const reason = judgeLimit ?? (outcome.kind === "ok" ? "" : outcome.reason);
    const failed = tests.map(() => ({ passed: false, failure: reason, schedulesExplored: 0 }));
    return finish({
      verdict: judgeLimit || outcome.kind === "resource-limit" ? "resource-limit" : "internal-error",
      score: 0,
      compile,
      tests: reportTests(tests, hidden, failed, lang),
      schedulesExplored: 0,
      error: reason,
    });
  }
  const results = composeTestResults(testIds, host.records, outcome.results);
  const reported = reportTests(tests, hidden, results, lang);
  return finish({
    verdict: "graded",
    score: reported.reduce((s, t) => s + t.points, 0),
    compile,
    tests: reported,
    schedulesExplored: results.reduce((s, r) => s + r.schedulesExplored, 0),
  });
}

/**
 * Loads what every grading needs (the TypeScript standard library, the kernel bundle, the
 * isolate machinery, every exercise's tests) and grades each exercise's starter code once,
 * so that no student pays for a cold path: the first grading of an exercise in a fresh
 * worker was ~40 ms slower. Starters are what students see anyway; reference solutions
 * never enter a sandbox. About half a second per worker process.
 */
export async function warmUpGrader(root = EXERCISES_DIR): Promise<void> {
  // With a compiler thread, TypeScript stays out of this thread (see `compiler`).
  if (!compilerThread) (await import("./compile/submission-compiler")).submissionCompiler().warmUp();
  harnessBundle();
  for (const slug of listExerciseSlugs(root)) {
    const starter = path.join(root, slug, "starter.ts");
    if (!fs.existsSync(starter)) continue;
    // A broken exercise shows up on its first real submission, as an internal error the queue retries.
    await gradeSource({ exercise: slug, source: fs.readFileSync(starter, "utf8") }, undefined, { root }).catch(() => {});
  }
}
