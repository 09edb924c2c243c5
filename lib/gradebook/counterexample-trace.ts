import type { TraceEvent } from "../kernel";

/** What the shared timeline view draws of a failed test's stored trace (see ShownTrace). */
export type CounterexampleTrace = {
  events: TraceEvent[];
  processes: Array<{ pid: number; name: string }>;
  failure: string | null;
  truncated: boolean;
  output: Record<string, string>;
  /** The step that caused the failure (an index into events), set by the grader from the failure class. */
  cause: { event: number } | null;
};

/**
 * A test result's stored trace (the kernel's Trace as JSON) reduced to what the timeline
 * needs: the page ships it to the browser, so the choices, counters and process details stay
 * behind. Events are passed as stored (the grader caps their number). Unknown shapes give null.
 */
export function counterexampleTrace(stored: string | null): CounterexampleTrace | null {
  if (!stored) return null;
  let t: { events?: unknown; processes?: Array<{ pid: number; name: string }>; failure?: string | null; truncated?: boolean; output?: Record<string, string>; cause?: { event?: unknown } } | null;
  try {
    t = JSON.parse(stored) as typeof t;
  } catch {
    return null;
  }
  if (!t || typeof t !== "object" || !Array.isArray(t.events)) return null;
  return {
    events: t.events as TraceEvent[],
    processes: Array.isArray(t.processes) ? t.processes.map((p) => ({ pid: p.pid, name: p.name })) : [],
    failure: typeof t.failure === "string" ? t.failure : null,
    truncated: t.truncated === true,
    output: t.output && typeof t.output === "object" ? t.output : {},
    cause: t.cause && typeof t.cause === "object" && Number.isInteger(t.cause.event) ? { event: t.cause.event as number } : null,
  };
}
