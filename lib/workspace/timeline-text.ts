import type { TraceEvent } from "../kernel";

/**
 * The timeline's words for one trace event, in two lengths: `short` for the lane's cell
 * (compact, so four processes fit side by side) and `full` for the details of the current
 * step. The grader's describeEvent (lib/grader/timeline) serves the ASCII report; this one is
 * the interactive view's and knows which syscalls carry bytes.
 */
export type EventText = { short: string; full: string };

/** What the kernel's trace keeps of a Uint8Array: its first bytes (lib/kernel/trace.ts toTraceJson). */
const TRACE_BYTES = 64;
const SHORT_CHARS = 28;
const FULL_CHARS = 240;

/** Syscalls whose data the trace records as an array of bytes: argument index, or "result". */
const BYTE_POSITIONS: Record<string, number | "result"> = { write: 1, send: 1, sendto: 1, readBytes: "result" };

const isByteArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((b) => Number.isInteger(b) && b >= 0 && b <= 255);

/**
 * Bytes as a quoted string: UTF-8 decoded, with what isn't printable escaped (\n, \t, \r, \\,
 * \", \xNN for other control bytes and for bytes that are not valid UTF-8), so
 * `write(1, [104,105,10])` reads `write(1, "hi\n")`. `more` adds an ellipsis inside the quotes
 * when the trace kept only the beginning.
 */
export function bytesToText(bytes: readonly number[], more = false, max = Infinity): string {
  const units: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const sequence = length > 0 && i + length <= bytes.length ? bytes.slice(i, i + length) : null;
    const valid = sequence !== null && sequence.slice(1).every((c) => c >= 0x80 && c <= 0xbf);
    if (!valid) {
      // A cut or invalid multi-byte sequence: shown byte by byte.
      units.push(`\\x${b.toString(16).padStart(2, "0")}`);
      i += 1;
      continue;
    }
    const char = new TextDecoder("utf-8", { fatal: false }).decode(new Uint8Array(sequence));
    units.push(escapeChar(char));
    i += length;
  }
  return quoteUnits(units, more, max);
}

/** Escaped characters in quotes, cut between two of them (never inside an escape) to fit `max`. */
function quoteUnits(units: readonly string[], more: boolean, max: number): string {
  let out = "";
  let cut = more;
  for (const unit of units) {
    if (out.length + unit.length + 3 > max) {
      cut = true;
      break;
    }
    out += unit;
  }
  return `"${out}${cut ? "…" : ""}"`;
}

function escapeChar(c: string): string {
  switch (c) {
    case "\n":
      return "\\n";
    case "\t":
      return "\\t";
    case "\r":
      return "\\r";
    case "\\":
      return "\\\\";
    case '"':
      return '\\"';
  }
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || c === "\ufffd") return `\\x${code.toString(16).padStart(2, "0")}`;
  return c;
}

/** A string as the timeline quotes it: escaped like bytes, cut (with an ellipsis) at `max` characters. */
export function quoteText(text: string, max: number): string {
  // The kernel cuts long strings itself and says so: "…(812 chars)".
  const cutByKernel = /…\(\d+ chars\)$/.exec(text);
  let kept = cutByKernel ? text.slice(0, cutByKernel.index) : text;
  const cut = cutByKernel !== null || kept.endsWith("…");
  if (kept.endsWith("…")) kept = kept.slice(0, -1);
  return quoteUnits(Array.from(kept, escapeChar), cut, max);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * A JSON value in at most about `max` characters, cut between elements (never mid-value):
 * `{pid: 2, status: {exited: true, code: 0}}`, `[3, 4]`, `[1, 2, 3, …]`.
 */
export function compactValue(v: Json | undefined, max: number): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "string") return quoteText(v, max);
  if (typeof v !== "object") return String(v);
  const parts: string[] = [];
  const entries: Array<[string | null, Json]> = Array.isArray(v) ? v.map((x) => [null, x]) : Object.entries(v);
  const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
  let used = 2;
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k];
    const room = Math.max(8, max - used - (key ? key.length + 2 : 0));
    const text = `${key ? `${key}: ` : ""}${compactValue(value, room)}`;
    if (used + text.length > max && parts.length > 0) {
      parts.push("…");
      break;
    }
    parts.push(text);
    used += text.length + 2;
  }
  return `${open}${parts.join(", ")}${close}`;
}

/** A wait/waitpid result, `{pid, status}`, as `pid 2 exited 0` (null: nothing to reap with nohang). */
function waitResult(result: Json | undefined): string | null {
  if (result === null) return "null";
  if (typeof result !== "object" || Array.isArray(result) || result === undefined || typeof result.pid !== "number") return null;
  const status = result.status as { exited?: boolean; code?: number; signaled?: boolean; signal?: string } | null;
  if (!status || typeof status !== "object") return `pid ${result.pid}`;
  return status.exited ? `pid ${result.pid} exit(${status.code})` : `pid ${result.pid} killed by ${status.signal ?? "?"}`;
}

function syscallText(e: TraceEvent, max: number): string {
  const args = (e.args ?? []) as Json[];
  const bytesAt = e.name ? BYTE_POSITIONS[e.name] : undefined;
  const argText = args.map((a, i) => {
    if (bytesAt === i && isByteArray(a)) {
      // write's result is how many bytes went out; the trace kept at most 64 of them.
      const total = typeof e.result === "number" ? e.result : a.length;
      return bytesToText(a, a.length >= TRACE_BYTES && total > a.length, max);
    }
    return compactValue(a, Math.max(8, Math.floor(max / Math.max(1, args.length))));
  });
  let result = "";
  if (e.errno) result = ` ✗ ${e.errno}`;
  else if (e.result !== undefined && e.result !== null) {
    const r = e.result as Json;
    if (bytesAt === "result" && isByteArray(r)) result = ` = ${bytesToText(r, r.length >= TRACE_BYTES, max)}`;
    else if (e.name === "wait" || e.name === "waitpid") result = ` = ${waitResult(r) ?? compactValue(r, max)}`;
    else result = ` = ${compactValue(r, max)}`;
  } else if ((e.name === "wait" || e.name === "waitpid") && e.result === null && !e.errno) result = " = null";
  return `${e.name}(${argText.join(", ")})${result}`;
}

function text(e: TraceEvent, max: number, full: boolean): string | null {
  switch (e.kind) {
    case "shm-read":
      return `${e.name ?? "load"} [${e.index}] → ${compactValue(e.value as Json, max)}`;
    case "shm-write":
      return `${e.name ?? "store"} [${e.index}] ← ${compactValue(e.value as Json, max)}`;
    case "syscall":
      return syscallText(e, max);
    case "block":
      // The lane says what blocks; what it waits for ("waitpid for child 2 (running: 2)") is
      // long, and widened the whole lane: it goes to the step's details.
      // ‖, not ⏸: the fonts Debian's Chromium has (DejaVu, Noto, Nanum) lack U+23F8.
      return full && e.on ? `‖ blocks: ${e.name} — ${e.on}` : `‖ blocks: ${e.name}`;
    case "wake":
      return `▶ wakes (${e.name})`;
    case "signal":
      return `⚡ ${e.signal} ${e.action ?? ""}`.trim();
    case "exit": {
      const st = e.status as { exited?: boolean; code?: number; signal?: string } | undefined;
      return st?.exited ? `exit(${st.code})` : `killed by ${st?.signal ?? "?"}`;
    }
    case "print":
      return `print ${quoteText(e.text ?? "", max)}`;
    case "spawn":
    case "start":
    case "preempt":
      // The parent's spawn syscall event already says it; preemptions mark the next event.
      return null;
    default:
      return `${e.kind}${e.name ? ` ${e.name}` : ""}${e.message ? `: ${e.message}` : ""}`;
  }
}

/** Both texts of an event, or null for events the timeline doesn't show as a row. */
export function describeTimelineEvent(e: TraceEvent): EventText | null {
  const short = text(e, SHORT_CHARS, false);
  if (short === null) return null;
  return { short, full: text(e, FULL_CHARS, true) ?? short };
}
