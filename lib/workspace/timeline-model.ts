import type { TraceEvent } from "../kernel";
import { describeEvent } from "../grader/timeline/describe-event";

type TraceLike = {
  events: TraceEvent[];
  processes?: Array<{ pid: number; name: string }>;
  failure?: string | null;
  truncated?: boolean;
  outcome?: { kind: string };
  /** The step that caused the failure (the grader's failure class): an index into `events`. */
  cause?: { event: number } | null;
};

export type TimelineLane = { pid: number; name: string };
export type TimelineEvent = {
  step: number;
  pid: number;
  kind: TraceEvent["kind"];
  /** Short phrase, e.g. "load [0] → 100" (the grader's describeEvent). */
  text: string;
  /** The scheduler switched to this process although the previous one could have continued. */
  preempted: boolean;
  /** Shared-memory accesses, for highlighting the racing cells. */
  shm?: { index: number; value: unknown; write: boolean };
};
export type TimelineModel = {
  lanes: TimelineLane[];
  events: TimelineEvent[];
  /** Index into events where the run went wrong (the error, else the last event), or null if it passed. */
  failureIndex: number | null;
  /** Index into events of the step that caused the failure (e.g. the store that lost an update), when the grader found one. */
  causeIndex: number | null;
  failure: string | null;
  truncated: boolean;
};

/**
 * Turns a kernel trace (format v1) into what the interleaving view draws: one lane per
 * process in pid order, the events worth showing (kernel setup and bookkeeping dropped),
 * preemptions attached to the event that followed them, and the moment the run broke.
 */
export function buildTimeline(trace: TraceLike): TimelineModel {
  const names = new Map(trace.processes?.map((p) => [p.pid, p.name]));
  const events: TimelineEvent[] = [];
  let preemptedTo: number | null = null;
  let errorIndex: number | null = null;
  const causeEvent = typeof trace.cause?.event === "number" ? trace.cause.event : null;
  let causeIndex: number | null = null;
  for (let source = 0; source < trace.events.length; source++) {
    const e = trace.events[source];
    if (e.kind === "preempt") {
      preemptedTo = e.to ?? null;
      continue;
    }
    if (e.pid <= 0) continue;
    if (!names.has(e.pid) && (e.kind === "start" || e.kind === "spawn") && e.name) names.set(e.pid, e.name);
    const text = describeEvent(e);
    if (!text) continue;
    const shm = e.kind === "shm-read" || e.kind === "shm-write" ? { index: e.index ?? 0, value: e.value ?? null, write: e.kind === "shm-write" } : undefined;
    events.push({ step: e.step, pid: e.pid, kind: e.kind, text, preempted: preemptedTo === e.pid, shm });
    if (e.kind === "error" && errorIndex === null) errorIndex = events.length - 1;
    // The cause itself, or the first shown event after it when it is not shown (a preemption).
    if (causeEvent !== null && causeIndex === null && source >= causeEvent) causeIndex = events.length - 1;
    preemptedTo = null;
  }
  const pids = [...new Set(events.map((e) => e.pid))].sort((a, b) => a - b);
  const failure = trace.failure ?? null;
  return {
    lanes: pids.map((pid) => ({ pid, name: names.get(pid) ?? `pid ${pid}` })),
    events,
    failureIndex: failure === null || events.length === 0 ? null : (errorIndex ?? events.length - 1),
    causeIndex: failure === null ? null : causeIndex,
    failure,
    truncated: trace.truncated ?? false,
  };
}
