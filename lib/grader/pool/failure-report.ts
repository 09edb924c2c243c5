import type { GradeReport, GradeRequest } from "../types";

export type FailureVerdict = "resource-limit" | "internal-error";

/**
 * A GradeReport for a job that produced no report of its own: the worker overran its time
 * limit, died, or the grader could not run. `error` is shown to the student, so it says
 * what happened in plain words and never includes internals such as stack traces.
 * The compile step was not (or not known to be) reached, hence no diagnostics.
 */
export function failureReport(
  request: Pick<GradeRequest, "exercise">,
  verdict: FailureVerdict,
  error: string,
  details: { wallMs?: number; memoryMb?: number; durationMs?: number } = {},
): GradeReport {
  return {
    exercise: request.exercise,
    verdict,
    score: 0,
    maxScore: 0,
    compile: { ok: true, diagnostics: [] },
    tests: [],
    limits: { cpuMs: 0, wallMs: details.wallMs ?? 0, memoryMb: details.memoryMb ?? 0 },
    schedulesExplored: 0,
    testsHash: "",
    error,
    durationMs: details.durationMs ?? 0,
  };
}
