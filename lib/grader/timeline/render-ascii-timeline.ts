import type { TraceEvent } from "../../kernel";
import { describeEvent } from "./describe-event";

type TraceLike = { events: TraceEvent[]; processes?: Array<{ pid: number; name: string }>; failure?: string | null; truncated?: boolean };

const LANE_WIDTH = 30;

function pad(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? chars.slice(0, width - 1).join("") + "…" : text + " ".repeat(width - chars.length);
}

/**
 * Renders a counterexample as lanes, one column per process, one row per event, with `»`
 * marking where the scheduler preempted a process (the interesting switches in a race).
 */
export function renderAsciiTimeline(trace: TraceLike, maxRows = 80): string {
  const pids = [...new Set(trace.events.map((e) => e.pid).filter((p) => p > 0))].sort((a, b) => a - b);
  const names = new Map(trace.processes?.map((p) => [p.pid, p.name]));
  const header = "step  " + pids.map((p) => pad(`pid ${p} ${names.get(p) ?? ""}`, LANE_WIDTH)).join(" │ ");
  const lines = [header, "─".repeat(header.length)];
  let preemptedTo: number | null = null;
  let rows = 0;
  for (const e of trace.events) {
    if (e.kind === "preempt") {
      preemptedTo = e.to ?? null;
      continue;
    }
    const text = describeEvent(e);
    if (!text || e.pid === 0) continue;
    if (rows++ >= maxRows) {
      lines.push(`… ${trace.events.length} events in all`);
      break;
    }
    const marker = preemptedTo === e.pid ? "» " : "  ";
    preemptedTo = null;
    lines.push(String(e.step).padStart(4) + "  " + pids.map((p) => pad(p === e.pid ? marker + text : "", LANE_WIDTH)).join(" │ "));
  }
  if (trace.truncated) lines.push("(trace truncated)");
  if (trace.failure) lines.push(`✗ ${trace.failure}`);
  return lines.join("\n");
}
