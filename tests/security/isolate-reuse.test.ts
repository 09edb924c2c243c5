import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInIsolate, sandboxStats, type SandboxOutcome } from "@/lib/grader/sandbox/run-in-isolate";

/**
 * ADR 018: an isolate serves submission after submission, each in a compartment of its own,
 * as long as each ends within every limit and leaves nothing running. These tests are the
 * reasons it is safe: what one submission does to everything it can reach is invisible to the
 * next, work it leaves queued retires the isolate instead of slowing the next student, and an
 * isolate stopped by a limit is never used again.
 */

const LIMITS = { memoryMb: 64, cpuMs: 5_000, wallMs: 10_000 };

type Snapshot = { output: Record<string, string>; errors: unknown[] };

async function runJob(js: string): Promise<{ outcome: SandboxOutcome; snapshots: Snapshot[] }> {
  const snapshots: Snapshot[] = [];
  const outcome = await runInIsolate({
    js,
    seed: 1,
    limits: LIMITS,
    tests: [{ id: "t", scenario: { main: "main" }, explore: { strategy: "random", budget: 1 } }],
    judge: (_i, json) => {
      const batch = JSON.parse(json) as Snapshot[];
      snapshots.push(...batch);
      return JSON.stringify(batch.map(() => null));
    },
  });
  return { outcome, snapshots };
}

/** Prints what a submission can see of everything an earlier one could have written to. */
const OBSERVER = `
const ipc = require("ipc");
exports.main = async function main() {
  const seen = {};
  const names = ["globalThis", "Object.prototype", "Array.prototype", "Function.prototype", "Promise", "JSON", "Date", "Math", "Reflect", "ipc", "console", "harden"];
  const targets = [globalThis, Object.prototype, Array.prototype, Function.prototype, Promise, JSON, Date, Math, Reflect, ipc, console, typeof harden === "function" ? harden : {}];
  targets.forEach((t, i) => { seen[names[i]] = Object.getOwnPropertyNames(t).filter((n) => /leak/i.test(n)); });
  seen.globals = Object.getOwnPropertyNames(globalThis).sort().join(",");
  seen.registered = Symbol.keyFor(Symbol.for("ipclab-leak"));
  ipc.print(JSON.stringify(seen));
};
`;

/** Tries every place a submission might leave something for the next one. */
const POLLUTER = `
const attempts = [];
const tryTo = (what, f) => { try { f(); attempts.push(what + ": done"); } catch (e) { attempts.push(what + ": refused"); } };
const ipc = require("ipc");
exports.main = async function main() {
  tryTo("global", () => { globalThis.leak = "A"; });
  tryTo("Object.prototype", () => { Object.prototype.leak = "A"; });
  tryTo("Array.prototype", () => { Array.prototype.leak = "A"; });
  tryTo("Function.prototype", () => { Function.prototype.leak = "A"; });
  tryTo("Promise", () => { Promise.leak = "A"; });
  tryTo("JSON", () => { JSON.leak = "A"; });
  tryTo("Date", () => { Date.leak = "A"; });
  tryTo("Math", () => { Math.leak = "A"; });
  tryTo("ipc", () => { ipc.leak = "A"; });
  tryTo("console", () => { console.leak = "A"; });
  tryTo("defineProperty on global", () => Object.defineProperty(globalThis, "leakDefined", { value: "A" }));
  Symbol.for("ipclab-leak");
  // Work queued behind the run: finite, so the isolate is free again soon after.
  let n = 0;
  const tail = () => { if (++n < 20000) Promise.resolve().then(tail); };
  tail();
  ipc.print(attempts.join("\\n"));
};
`;

/** Leaves a promise chain that never ends: the isolate's thread never becomes free again. */
const ENDLESS_TAIL = `
const ipc = require("ipc");
exports.main = async function main() {
  const spin = () => { Promise.resolve().then(spin); };
  spin();
  ipc.print("left a chain behind");
};
`;

const SPIN_FOREVER = `exports.main = async function main() { for (;;) {} };`;

describe("an isolate serving one submission after another (ADR 018)", () => {
  it("shows a submission nothing an earlier one wrote anywhere it could reach", async () => {
    const before = await runJob(OBSERVER);
    expect(before.outcome.kind).toBe("ok");
    const polluter = await runJob(POLLUTER);
    expect(polluter.outcome.kind).toBe("ok");
    expect(polluter.snapshots[0].errors).toEqual([]);
    const reused = sandboxStats.jobsOnReusedIsolates;
    const after = await runJob(OBSERVER);
    expect(sandboxStats.jobsOnReusedIsolates, "the observer ran on the polluter's isolate").toBe(reused + 1);
    expect(after.outcome.kind).toBe("ok");
    expect(after.snapshots[0].errors).toEqual([]);
    const seen = JSON.parse(Object.values(after.snapshots[0].output)[0]) as Record<string, unknown>;
    for (const [where, names] of Object.entries(seen)) if (Array.isArray(names)) expect(names, where).toEqual([]);
    // Everything the observer saw is exactly what it saw on an isolate no submission had used.
    expect(after.snapshots[0].output).toEqual(before.snapshots[0].output);
  }, 60_000);

  it("charges work a submission leaves running to that submission, and gives the next one a fresh isolate", async () => {
    await runJob(OBSERVER); // an isolate that may be reused
    // The isolate cannot even hand back the results while the chain runs: the job ends at its
    // limit, as the submission's own resource-limit, and its isolate is disposed.
    const left = await runJob(ENDLESS_TAIL);
    expect(left.outcome.kind).toBe("resource-limit");
    const loaded = sandboxStats.isolatesLoaded;
    const reused = sandboxStats.jobsOnReusedIsolates;
    const next = await runJob(OBSERVER);
    expect(next.outcome.kind).toBe("ok");
    expect(sandboxStats.jobsOnReusedIsolates, "the next submission got a fresh isolate").toBe(reused);
    expect(sandboxStats.isolatesLoaded).toBe(loaded + 1);
    // The chain left behind is not charged to the next submission.
    expect(next.outcome.cpuMs).toBeLessThan(LIMITS.cpuMs / 2);
  }, 60_000);

  it("never reuses an isolate a limit stopped", async () => {
    await runJob(OBSERVER);
    const stopped = await runJob(SPIN_FOREVER);
    expect(stopped.outcome.kind).toBe("resource-limit");
    const loaded = sandboxStats.isolatesLoaded;
    const reused = sandboxStats.jobsOnReusedIsolates;
    const next = await runJob(OBSERVER);
    expect(next.outcome.kind).toBe("ok");
    expect(sandboxStats.jobsOnReusedIsolates).toBe(reused);
    expect(sandboxStats.isolatesLoaded).toBe(loaded + 1);
  }, 60_000);

  it("keeps the reachability invariants on a reused isolate", async () => {
    await runJob(POLLUTER);
    const reused = sandboxStats.jobsOnReusedIsolates;
    const probe = fs.readFileSync(path.join(import.meta.dirname, "reachability-probe.js"), "utf8");
    const snapshots: Array<{ output: Record<string, string>; errors: unknown[] }> = [];
    const outcome = await runInIsolate({
      js: probe,
      seed: 1,
      limits: LIMITS,
      tests: [{ id: "probe", scenario: { main: "main", args: [1, { two: [2] }] }, explore: { strategy: "random", budget: 1 } }],
      judge: (_i, json) => {
        const batch = JSON.parse(json) as typeof snapshots;
        snapshots.push(...batch);
        return JSON.stringify(batch.map(() => null));
      },
    });
    expect(outcome.kind).toBe("ok");
    expect(sandboxStats.jobsOnReusedIsolates).toBe(reused + 1);
    const reports = Object.values(snapshots[0].output)
      .flatMap((text) => text.split("\n"))
      .filter((line) => line.startsWith("REACH "))
      .map((line) => JSON.parse(line.slice(6)) as { label: string; unfrozen: string[]; kernelish: string[]; shared: string[] });
    expect(reports.length).toBe(2);
    for (const r of reports) {
      expect(r.unfrozen, r.label).toEqual([]);
      expect(r.kernelish, r.label).toEqual([]);
      expect(r.shared, r.label).toEqual([]);
    }
  }, 60_000);
});
