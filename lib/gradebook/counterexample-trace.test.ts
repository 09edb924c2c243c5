import { describe, expect, it } from "vitest";
import { counterexampleTrace } from "./counterexample-trace";

describe("counterexampleTrace", () => {
  it("keeps what the timeline draws and drops the rest of the stored trace", () => {
    const events = [
      { step: 0, pid: 0, kind: "start" },
      { step: 1, pid: 1, kind: "shm-read", index: 0, value: 100 },
    ];
    const stored = {
      version: 1,
      seed: 7,
      strategy: "pct",
      choices: [1, 2, 1],
      events,
      truncated: true,
      droppedEvents: 12,
      outcome: { kind: "exited" },
      failure: "balance is 150, expected 100",
      counters: { syscalls: 3 },
      processes: [{ pid: 1, ppid: 0, name: "teller", uid: 0, gid: 0, state: "reaped", exit: null }],
      output: { "1": "hi\n" },
      cause: { event: 1, step: 1, pid: 1 },
    };
    expect(counterexampleTrace(JSON.stringify(stored))).toEqual({
      events,
      processes: [{ pid: 1, name: "teller" }],
      failure: "balance is 150, expected 100",
      truncated: true,
      output: { "1": "hi\n" },
      cause: { event: 1 },
    });
  });

  it("fills in optional parts and rejects what is not a trace", () => {
    expect(counterexampleTrace(JSON.stringify({ events: [] }))).toEqual({ events: [], processes: [], failure: null, truncated: false, output: {}, cause: null });
    expect(counterexampleTrace(JSON.stringify({ events: [], cause: { event: "3" } }))?.cause).toBeNull();
    expect(counterexampleTrace(null)).toBeNull();
    expect(counterexampleTrace('"nonsense"')).toBeNull();
    expect(counterexampleTrace("{not json")).toBeNull();
    expect(counterexampleTrace(JSON.stringify({ events: "many" }))).toBeNull();
  });
});
