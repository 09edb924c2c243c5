import type { GradeProgress, GradeReport, GradeRequest } from "../types";
import { failureReport } from "./failure-report";
import { throttleLatest } from "./throttle-latest";
import { isParentMessage, type WorkerMessage } from "./worker-messages";

export type GradeFunction = (request: GradeRequest, onProgress: (progress: GradeProgress) => void) => Promise<GradeReport>;

const PROGRESS_INTERVAL_MS = 100;

function send(message: WorkerMessage): void {
  // The parent may be gone (killed grader); the disconnect handler ends this process.
  if (process.connected) process.send!(message, undefined, undefined, () => {});
}

/**
 * The worker-process side of the pool protocol: announce readiness, grade each job with
 * `grade`, stream throttled progress, answer with exactly one result per job. A grader that
 * throws is our bug, not the student's: it becomes an internal-error report (retried by
 * the queue). Used by lib/grader/worker-process.ts and by the test fixtures.
 */
export function serveGrader(grade: GradeFunction): void {
  if (!process.send) throw new Error("serveGrader() must run in a process forked with an IPC channel (child_process.fork).");

  process.on("message", async (message: unknown) => {
    if (!isParentMessage(message)) return;
    const { id, request } = message;
    const progress = throttleLatest((p: GradeProgress) => send({ type: "progress", id, progress: p }), PROGRESS_INTERVAL_MS);
    let report: GradeReport;
    try {
      report = await grade(request, (p) => progress.call(p));
    } catch (error) {
      console.error(`[grader worker ${process.pid}] grading failed:`, error);
      report = failureReport(request, "internal-error", "The grader failed while grading this submission. It will be graded again.");
    }
    progress.cancel();
    send({ type: "result", id, report });
  });

  // Never outlive the pool's owner: a SIGKILLed grader must not leave workers behind.
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready" });
}
