/**
 * A process ended by an error it did not catch (a TypeError, an ipc call's errno, a value
 * thrown on purpose) or that returned with an ipc call still pending (a missing await). Its
 * first error is the cause: the others usually follow from it (a waiter that never got the
 * message, a parent reaping a child that died early). The line is the student's, when the
 * grader's loader could map the stack (KernelOptions.sourceLine).
 */
import { firstIndex, processRef, refTo } from "./trace-facts";
import type { FailingRun, FailureClass } from "./types";

const MAX_ERROR_CHARS = 300;

export function classifyRuntimeError(run: FailingRun): FailureClass | null {
  const i = firstIndex(run.events, (e) => e.kind === "error");
  const event = run.events[i];
  const first = event ? { pid: event.pid, message: event.message ?? "" } : run.snapshot.errors[0];
  if (!first) return null;
  const message = first.message.length > MAX_ERROR_CHARS ? `${first.message.slice(0, MAX_ERROR_CHARS - 1)}…` : first.message;
  const thrownAt = refTo(run.events, i);
  return {
    kind: "runtime-error",
    evidence: { process: processRef(run, first.pid), error: message, line: typeof event?.line === "number" ? event.line : null, thrownAt },
    causeStep: thrownAt,
  };
}
