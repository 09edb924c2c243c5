import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../kernel";
import { bytesToText, compactValue, describeTimelineEvent, quoteText } from "./timeline-text";

const bytes = (s: string) => Array.from(new TextEncoder().encode(s));

describe("bytesToText", () => {
  it("shows bytes as quoted text, escaping what isn't printable", () => {
    expect(bytesToText(bytes("hi\n"))).toBe('"hi\\n"');
    expect(bytesToText([0, 7, 9, 13, 92, 34, 127])).toBe('"\\x00\\x07\\t\\r\\\\\\"\\x7f"');
    expect(bytesToText(bytes("파이프"))).toBe('"파이프"');
  });

  it("escapes invalid or cut UTF-8 byte by byte, and marks a kept beginning", () => {
    expect(bytesToText([0xff, 0x41])).toBe('"\\xff A"'.replace(" ", ""));
    // The trace kept the first two bytes of a three-byte character.
    expect(bytesToText([0x41, 0xed, 0x8c], true)).toBe('"A\\xed\\x8c…"');
  });

  it("cuts between characters to fit, never inside an escape", () => {
    const text = bytesToText(bytes("ab\ncd"), false, 7);
    expect(text).toBe('"ab\\n…"');
  });
});

describe("compactValue and quoteText", () => {
  it("cuts between elements, never mid-JSON", () => {
    expect(compactValue({ pid: 2, status: { exited: true, code: 0 } }, 80)).toBe("{pid: 2, status: {exited: true, code: 0}}");
    const cut = compactValue([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 16);
    expect(cut).toMatch(/^\[1, 2, .*…\]$/);
    expect(cut.split("[").length).toBe(cut.split("]").length);
  });

  it("shows the kernel's own cut once", () => {
    expect(quoteText("abc…(812 chars)", 40)).toBe('"abc…"');
    expect(quoteText("abc…", 40)).toBe('"abc…"');
  });
});

describe("describeTimelineEvent", () => {
  const syscall = (name: string, args: TraceEvent["args"], result: TraceEvent["result"]): TraceEvent => ({ step: 1, pid: 2, kind: "syscall", name, args, result });

  it("renders written bytes as text, with an ellipsis when the trace kept only 64 of them", () => {
    const line = bytes("2026-03-14T09:00:00Z DEBUG GET /static/app.js ERROR_BUDGET=0.1% ok\n").slice(0, 64);
    const text = describeTimelineEvent(syscall("write", [1, line], 512))!;
    expect(text.full).toBe('write(1, "2026-03-14T09:00:00Z DEBUG GET /static/app.js ERROR_BUDGET=0.1% …") = 512');
    expect(text.short).not.toContain("[50,");
    expect(text.short.startsWith('write(1, "2026')).toBe(true);
    expect(describeTimelineEvent(syscall("readBytes", [7, 512], bytes("ok\n")))!.full).toBe('readBytes(7, 512) = "ok\\n"');
    // Arrays that aren't data stay arrays.
    expect(describeTimelineEvent(syscall("pipe", [], [3, 4]))!.full).toBe("pipe() = [3, 4]");
  });

  it("renders waitpid results whole", () => {
    const e = syscall("waitpid", [2], { pid: 2, status: { exited: true, code: 0 } });
    expect(describeTimelineEvent(e)!.short).toBe("waitpid(2) = pid 2 exit(0)");
    expect(describeTimelineEvent(syscall("waitpid", [3], { pid: 3, status: { signaled: true, signal: "SIGTERM" } }))!.short).toBe("waitpid(3) = pid 3 killed by SIGTERM");
  });

  it("keeps what a block waits for out of the lane, in the details", () => {
    const e: TraceEvent = { step: 5, pid: 1, kind: "block", name: "waitpid", on: "waitpid for child 2 (running: 2)" };
    expect(describeTimelineEvent(e)).toEqual({ short: "‖ blocks: waitpid", full: "‖ blocks: waitpid — waitpid for child 2 (running: 2)" });
  });

  it("drops bookkeeping events", () => {
    expect(describeTimelineEvent({ step: 0, pid: 1, kind: "start", name: "main" })).toBeNull();
  });
});
