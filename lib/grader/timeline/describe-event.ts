import type { TraceEvent } from "../../kernel";

const short = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s && s.length > 28 ? `${s.slice(0, 25)}…` : (s ?? "");
};

/** One trace event as a short human phrase ("load [0] → 100", "‖ blocks: waitpid"). */
export function describeEvent(e: TraceEvent): string | null {
  switch (e.kind) {
    case "shm-read":
      return `${e.name ?? "load"} [${e.index}] → ${short(e.value)}`;
    case "shm-write":
      return `${e.name ?? "store"} [${e.index}] ← ${short(e.value)}`;
    case "syscall":
      return `${e.name}(${(e.args ?? []).map(short).join(", ")})${e.errno ? ` ✗ ${e.errno}` : e.result !== undefined && e.result !== null ? ` = ${short(e.result)}` : ""}`;
    case "block":
      // ‖, not ⏸: the fonts Debian's Chromium has (DejaVu, Noto, Nanum) lack U+23F8.
      return `‖ blocks: ${e.name}${e.on ? ` (${e.on})` : ""}`;
    case "wake":
      return `▶ wakes (${e.name})`;
    case "signal":
      return `⚡ ${e.signal} ${e.action ?? ""}`.trim();
    case "exit": {
      const st = e.status as { exited?: boolean; code?: number; signal?: string } | undefined;
      return st?.exited ? `exit(${st.code})` : `killed by ${st?.signal ?? "?"}`;
    }
    case "spawn":
      // The parent's spawn syscall event already says it.
      return null;
    case "print":
      return `print ${short(e.text)}`;
    case "start":
    case "preempt":
      return null;
    default:
      return `${e.kind}${e.name ? ` ${e.name}` : ""}${e.message ? `: ${e.message}` : ""}`;
  }
}
