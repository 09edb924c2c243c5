import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../kernel";
import { describeEvent } from "./describe-event";

/**
 * Symbols the phrases may use: each is in DejaVu Sans and the Nanum fonts, which is what
 * Debian's Chromium renders with (⏸ is not, it showed as a box). Check a new one with
 * `fc-list ":charset=XXXX"` before adding it here.
 */
const FONT_SAFE = new Set(["→", "←", "✗", "‖", "▶", "⚡", "…"]);

const events: TraceEvent[] = [
  { step: 1, pid: 1, kind: "shm-read", index: 0, value: 100 },
  { step: 2, pid: 1, kind: "shm-write", index: 0, value: 150 },
  { step: 3, pid: 1, kind: "syscall", name: "read", args: [3, 4], errno: "EAGAIN" },
  { step: 4, pid: 1, kind: "syscall", name: "write", args: [4, "a string longer than twenty-eight characters"], result: 1 },
  { step: 5, pid: 1, kind: "block", name: "sem_wait", on: "semaphore /mutex" },
  { step: 6, pid: 1, kind: "wake", name: "sem_post" },
  { step: 7, pid: 1, kind: "signal", signal: "SIGTERM", action: "terminate" },
  { step: 8, pid: 1, kind: "exit", status: { exited: true, code: 0 } },
  { step: 9, pid: 1, kind: "print", text: "hi" },
  { step: 10, pid: 1, kind: "error", message: "deadlock" },
];

describe("describeEvent", () => {
  it("says that a process blocks, and on what", () => {
    expect(describeEvent({ step: 5, pid: 1, kind: "block", name: "sem_wait", on: "semaphore /mutex" })).toBe("‖ blocks: sem_wait (semaphore /mutex)");
    expect(describeEvent({ step: 5, pid: 1, kind: "block", name: "waitpid" })).toBe("‖ blocks: waitpid");
  });

  it("uses only symbols the browsers' fonts have", () => {
    for (const e of events) {
      const text = describeEvent(e);
      expect(text, e.kind).toBeTruthy();
      const symbols = [...text!].filter((c) => c.codePointAt(0)! > 0x7e);
      expect(symbols.filter((c) => !FONT_SAFE.has(c)), `${e.kind}: ${text}`).toEqual([]);
    }
  });
});
