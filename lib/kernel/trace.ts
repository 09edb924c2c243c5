import type { JsonValue } from "./clone";

export const TRACE_VERSION = 1;

export type EventKind =
  | "start"
  | "syscall"
  | "block"
  | "wake"
  | "spawn"
  | "exit"
  | "signal"
  | "shm-read"
  | "shm-write"
  | "preempt"
  | "print"
  | "error";

/** One trace event; which optional fields appear depends on `kind` (see docs/kernel.md). */
export interface TraceEvent {
  step: number;
  pid: number;
  kind: EventKind;
  name?: string;
  args?: JsonValue[];
  result?: JsonValue;
  errno?: string;
  on?: string;
  child?: number;
  status?: JsonValue;
  signal?: string;
  action?: string;
  from?: number;
  to?: number;
  shmid?: number;
  index?: number;
  value?: JsonValue;
  old?: JsonValue;
  text?: string;
  message?: string;
  /** For an `error` event: the student's source line it was thrown from, when known. */
  line?: number;
}

const MAX_STRING = 200;

/** Lossy, always-JSON rendering of syscall arguments and results for the trace. */
export function toTraceJson(v: unknown, depth = 0): JsonValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : String(v);
    case "boolean":
      return v;
    case "string":
      return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…(${v.length} chars)` : v;
    case "function":
      return `[function ${(v as { name?: string }).name || "anonymous"}]`;
    case "bigint":
    case "symbol":
      return String(v);
  }
  if (depth > 4) return "[…]";
  // new Uint8Array(v) reads v through its internal slots: a subclass's species, iterator or length getter never runs here.
  if (v instanceof Uint8Array) return toTraceJson(Array.from(new Uint8Array(v).subarray(0, 64)), depth);
  if (Array.isArray(v)) return v.slice(0, 64).map((x) => toTraceJson(x, depth + 1));
  const tag = (v as { traceTag?: unknown }).traceTag;
  if (typeof tag === "string") return tag;
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(v as object).slice(0, 32)) out[k] = toTraceJson((v as Record<string, unknown>)[k], depth + 1);
  return out;
}

/** Bounded event log; exploration runs with it disabled and replays the failing schedule with it on. */
export class TraceRecorder {
  readonly events: TraceEvent[] = [];
  dropped = 0;

  constructor(readonly cap: number) {}

  push(e: TraceEvent): void {
    if (this.events.length < this.cap) this.events.push(e);
    else this.dropped++;
  }
}
