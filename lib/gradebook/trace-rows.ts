import type { TraceEvent } from "../kernel";
import { describeEvent } from "../grader/timeline/describe-event";

export type TraceTable = { pids: Array<{ pid: number; name: string }>; rows: Array<{ step: number; pid: number; text: string }>; truncated: boolean };

/**
 * A stored counterexample trace as table rows (one per meaningful event, by step and
 * process), for the instructor's view of a failed test. Unknown shapes give an empty table.
 */
export function traceRows(trace: unknown, maxRows = 400): TraceTable {
  const t = trace as { events?: TraceEvent[]; processes?: Array<{ pid: number; name: string }>; truncated?: boolean } | null;
  if (!t || !Array.isArray(t.events)) return { pids: [], rows: [], truncated: false };
  const names = new Map((t.processes ?? []).map((p) => [p.pid, p.name]));
  const rows: TraceTable["rows"] = [];
  for (const e of t.events) {
    if (e.pid === 0) continue;
    const text = describeEvent(e);
    if (text) rows.push({ step: e.step, pid: e.pid, text });
  }
  const pids = [...new Set(rows.map((r) => r.pid))].sort((a, b) => a - b).map((pid) => ({ pid, name: names.get(pid) ?? "" }));
  return { pids, rows: rows.slice(0, maxRows), truncated: Boolean(t.truncated) || rows.length > maxRows };
}
