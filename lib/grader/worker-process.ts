/**
 * Entry module of a grader worker process (forked by lib/grader/pool/worker-pool.ts with
 * `--no-node-snapshot --import tsx` and an environment without secrets). It grades with
 * gradeSource() from ./grade-source.ts, which runs the submission in isolated-vm.
 *
 * The grading module is loaded once per process, before announcing readiness, so each job
 * pays no start-up cost. If it is missing or fails to load, every job gets an
 * internal-error report (the queue retries those, then marks the submission FAILED):
 * there is deliberately no fallback grader.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { GradeProgress, GradeReport, GradeRequest } from "./types";
import { failureReport } from "./pool/failure-report";
import { serveGrader, type GradeFunction } from "./pool/serve-grader";

type GradeSource = (request: GradeRequest, onProgress?: (progress: GradeProgress) => void) => Promise<GradeReport>;

const GRADE_SOURCE = new URL("./grade-source.ts", import.meta.url);

async function loadGrader(): Promise<GradeFunction> {
  const unavailable = (reason: string): GradeFunction => {
    console.error(`[grader worker ${process.pid}] ${reason}`);
    return async (request) => failureReport(request, "internal-error", "The grader is not available right now. Your submission will be graded again.");
  };
  if (!fs.existsSync(fileURLToPath(GRADE_SOURCE))) return unavailable(`${fileURLToPath(GRADE_SOURCE)} does not exist`);
  try {
    // A computed specifier: the module is optional at type-check time (see above).
    const loaded = (await import(GRADE_SOURCE.href)) as { gradeSource?: GradeSource; warmUpGrader?: () => Promise<void>; prepareForServing?: () => void };
    const gradeSource = loaded.gradeSource;
    if (typeof gradeSource !== "function") return unavailable("grade-source.ts does not export gradeSource()");
    loaded.prepareForServing?.();
    // Before announcing readiness: the first job should not pay for loading the compiler.
    await loaded.warmUpGrader?.();
    return (request, onProgress) => gradeSource(request, onProgress);
  } catch (error) {
    return unavailable(`grade-source.ts failed to load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

serveGrader(await loadGrader());
