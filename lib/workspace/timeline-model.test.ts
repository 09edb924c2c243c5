import { describe, expect, it } from "vitest";
import { explore } from "../kernel";
import { lostUpdate } from "../kernel/zoo/lost-update";
import { buildTimeline } from "./timeline-model";

describe("buildTimeline", () => {
  it("puts each process in its own lane, drops kernel setup events and marks preemptions", () => {
    const model = buildTimeline({
      processes: [
        { pid: 1, name: "main" },
        { pid: 2, name: "teller" },
      ],
      failure: null,
      events: [
        { step: 0, pid: 0, kind: "spawn", child: 1, name: "main" },
        { step: 0, pid: 1, kind: "start", name: "main" },
        { step: 1, pid: 1, kind: "shm-read", name: "load", index: 0, value: 100 },
        { step: 2, pid: 1, kind: "preempt", to: 2 },
        { step: 2, pid: 2, kind: "shm-write", name: "store", index: 0, value: 150, old: 100 },
        { step: 3, pid: 1, kind: "exit", status: { exited: true, code: 0 } },
      ],
    });
    expect(model.lanes).toEqual([
      { pid: 1, name: "main" },
      { pid: 2, name: "teller" },
    ]);
    expect(model.events.map((e) => [e.pid, e.text, e.preempted])).toEqual([
      [1, "load [0] → 100", false],
      [2, "store [0] ← 150", true],
      [1, "exit(0)", false],
    ]);
    expect(model.events[1].shm).toEqual({ index: 0, value: 150, write: true });
    expect(model.failureIndex).toBeNull();
  });

  it("highlights the error event, else the last event, when the run failed", () => {
    const base = { processes: [{ pid: 1, name: "main" }], events: [
      { step: 1, pid: 1, kind: "syscall" as const, name: "getpid", args: [], result: 1 },
      { step: 2, pid: 1, kind: "error" as const, message: "missing await?" },
      { step: 3, pid: 1, kind: "exit" as const, status: { exited: true, code: 1 } },
    ] };
    expect(buildTimeline({ ...base, failure: "pid 1: missing await?" }).failureIndex).toBe(1);
    expect(buildTimeline({ ...base, events: [base.events[0], base.events[2]], failure: "wrong balance" }).failureIndex).toBe(1);
  });

  it("opens on the step that caused the failure, or the first shown event after it", () => {
    const base = {
      processes: [{ pid: 1, name: "main" }, { pid: 2, name: "teller" }],
      failure: "lost update",
      events: [
        { step: 0, pid: 1, kind: "start" as const, name: "main" },
        { step: 1, pid: 1, kind: "shm-read" as const, name: "load", index: 0, value: 100 },
        { step: 2, pid: 1, kind: "preempt" as const, to: 2 },
        { step: 2, pid: 2, kind: "shm-write" as const, name: "store", index: 0, value: 150, old: 100 },
        { step: 3, pid: 1, kind: "exit" as const, status: { exited: true, code: 0 } },
      ],
    };
    expect(buildTimeline({ ...base, cause: { event: 3 } }).causeIndex).toBe(1);
    expect(buildTimeline({ ...base, cause: { event: 2 } }).causeIndex).toBe(1);
    expect(buildTimeline(base).causeIndex).toBeNull();
    // Cut off with the end of a truncated trace: no cause to open on.
    expect(buildTimeline({ ...base, cause: { event: 40 } }).causeIndex).toBeNull();
    expect(buildTimeline({ ...base, failure: null, cause: { event: 3 } }).causeIndex).toBeNull();
  });

  it("marks the failure on the cause, not on main's exit, and numbers each step once", () => {
    const model = buildTimeline({
      processes: [{ pid: 1, name: "main" }, { pid: 2, name: "teller" }],
      failure: "wrong balance",
      cause: { event: 2 },
      events: [
        { step: 1, pid: 1, kind: "shm-read", name: "load", index: 0, value: 100 },
        { step: 2, pid: 1, kind: "preempt", to: 2 },
        { step: 2, pid: 2, kind: "shm-write", name: "store", index: 0, value: 150, old: 100 },
        { step: 3, pid: 2, kind: "syscall", name: "close", args: [3], result: 0 },
        { step: 3, pid: 2, kind: "exit", status: { exited: true, code: 0 } },
        { step: 4, pid: 1, kind: "exit", status: { exited: true, code: 0 } },
      ],
    });
    expect(model.causeIndex).toBe(1);
    expect(model.failureIndex).toBe(1);
    expect(model.events.map((e) => e.firstOfStep)).toEqual([true, true, true, false, true]);
  });

  it("names pipes by object and descriptor when the failure class knows the descriptors", () => {
    const failure = "deadlock: pid 3 waits for read on pipe 1 (write end open in pids 3, 4) (held by pid 4); pid 4 waits for read on pipe 2 (write end open in pids 3, 4) (held by pid 3)";
    const model = buildTimeline(
      {
        processes: [{ pid: 3, name: "grep" }, { pid: 4, name: "wc" }],
        failure,
        events: [{ step: 24, pid: 3, kind: "block", name: "read", on: "read on pipe 1 (write end open in pids 3, 4)" }],
      },
      {
        kind: "deadlock",
        evidence: {
          cycle: true,
          waits: [{ process: { pid: 3, name: "grep" }, object: { kind: "pipe", id: 1, end: "read", fd: 0 }, heldBy: [{ pid: 3, fd: 4 }, { pid: 4, fd: 4 }], blockedAt: null }],
        },
      },
    );
    expect(model.events[0].full).toBe("‖ blocks: read — read on pipe 1 (fd 0) (write end open in pid 3 (fd 4), pid 4 (fd 4))");
    expect(model.events[0].text).toBe("‖ blocks: read");
    expect(model.failure).toBe("deadlock: pid 3 waits for read on pipe 1 (fd 0) (write end open in pid 3 (fd 4), pid 4 (fd 4)) (held by pid 4); pid 4 waits for read on pipe 2 (write end open in pids 3, 4) (held by pid 3)");
    // Without the failure class, the kernel's text is kept.
    expect(buildTimeline({ processes: [], failure, events: [] }).failure).toBe(failure);
  });

  it("models a real counterexample from the kernel (the lost-update bug)", async () => {
    const result = await explore(lostUpdate.buggy, { budget: 200, seed: 1 });
    expect(result.passed).toBe(false);
    if (result.passed) return;
    const model = buildTimeline(result.trace);
    expect(model.lanes.length).toBeGreaterThanOrEqual(2);
    expect(model.failure).toBe(result.failure);
    expect(model.failureIndex).toBe(model.causeIndex ?? model.events.length - 1);
    expect(model.events.some((e) => e.preempted)).toBe(true);
    expect(model.events.some((e) => e.kind === "shm-write")).toBe(true);
  });
});
