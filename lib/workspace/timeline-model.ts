import type { TraceEvent } from "../kernel";
import type { FailureClass } from "../kernel/failure-class/types";
import { describeTimelineEvent } from "./timeline-text";

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
  /** Short phrase for the lane, e.g. "load [0] → 100", "write(1, \"ERROR …\")". */
  text: string;
  /** The whole phrase, for the details of the current step. */
  full: string;
  /** The first row of its scheduler step: later rows of the same step don't repeat the number. */
  firstOfStep: boolean;
  /** The scheduler switched to this process although the previous one could have continued. */
  preempted: boolean;
  /** Shared-memory accesses, for highlighting the racing cells. */
  shm?: { index: number; value: unknown; write: boolean };
};
export type TimelineModel = {
  lanes: TimelineLane[];
  events: TimelineEvent[];
  /**
   * Index into events where the failure is marked, or null if the run passed: the error, else
   * the step the failure class names as the cause, else the last event.
   */
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
export function buildTimeline(trace: TraceLike, failureClass?: Pick<FailureClass, "kind" | "evidence"> | null): TimelineModel {
  const fds = pipeDescriptors(failureClass);
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
    const text = describeTimelineEvent(e);
    if (!text) continue;
    const shm = e.kind === "shm-read" || e.kind === "shm-write" ? { index: e.index ?? 0, value: e.value ?? null, write: e.kind === "shm-write" } : undefined;
    const full = e.kind === "block" ? withDescriptors(text.full, e.pid, fds) : text.full;
    const firstOfStep = events.length === 0 || events[events.length - 1].step !== e.step;
    events.push({ step: e.step, pid: e.pid, kind: e.kind, text: text.short, full, firstOfStep, preempted: preemptedTo === e.pid, shm });
    if (e.kind === "error" && errorIndex === null) errorIndex = events.length - 1;
    // The cause itself, or the first shown event after it when it is not shown (a preemption).
    if (causeEvent !== null && causeIndex === null && source >= causeEvent) causeIndex = events.length - 1;
    preemptedTo = null;
  }
  const pids = [...new Set(events.map((e) => e.pid))].sort((a, b) => a - b);
  const failure = trace.failure ?? null;
  const cause = failure === null ? null : causeIndex;
  return {
    lanes: pids.map((pid) => ({ pid, name: names.get(pid) ?? `pid ${pid}` })),
    events,
    // Not main's exit(0) when the failure class found the step that lost the update or closed the deadlock.
    failureIndex: failure === null || events.length === 0 ? null : (errorIndex ?? cause ?? events.length - 1),
    causeIndex: cause,
    failure: failure === null ? null : failureWithDescriptors(failure, fds),
    truncated: trace.truncated ?? false,
  };
}

/** For a deadlock's failure class: which descriptor each blocked process used for each pipe, and which the holders keep open. */
type PipeFds = Map<string, { fd: number; heldBy: Array<{ pid: number; fd?: number }> }>;

function pipeDescriptors(failureClass: Pick<FailureClass, "kind" | "evidence"> | null | undefined): PipeFds {
  const fds: PipeFds = new Map();
  if (failureClass?.kind !== "deadlock") return fds;
  const evidence = failureClass.evidence as Extract<FailureClass, { kind: "deadlock" }>["evidence"];
  for (const wait of evidence.waits) {
    if (wait.object.kind === "pipe") fds.set(`${wait.process.pid}:${wait.object.id}`, { fd: wait.object.fd, heldBy: wait.heldBy });
  }
  return fds;
}

/**
 * The kernel names pipes by object ("read on pipe 1 (write end open in pids 3, 4)") while the
 * student's code and the timeline's syscalls use descriptors: where the failure class knows
 * them, both are shown ("pipe 1 (fd 0) (write end open in pid 3 (fd 4), pid 4 (fd 4))").
 */
export function withDescriptors(text: string, pid: number, fds: PipeFds): string {
  if (fds.size === 0) return text;
  return text.replace(/pipe (\d+)( \(write end open in pids? ([\d, ]+)\))?/g, (whole, id: string, holders: string | undefined) => {
    const known = fds.get(`${pid}:${id}`);
    if (!known) return whole;
    const held = holders ? ` (write end open in ${known.heldBy.map((h) => `pid ${h.pid}${h.fd === undefined ? "" : ` (fd ${h.fd})`}`).join(", ")})` : "";
    return `pipe ${id} (fd ${known.fd})${held}`;
  });
}

/** The kernel's deadlock report, one clause per process ("pid 3 waits for …; pid 4 waits for …"), with descriptors. */
function failureWithDescriptors(failure: string, fds: PipeFds): string {
  if (fds.size === 0) return failure;
  return failure
    .split("; ")
    .map((clause) => {
      const pid = /pid (\d+) waits/.exec(clause);
      return pid ? withDescriptors(clause, Number(pid[1]), fds) : clause;
    })
    .join("; ");
}
