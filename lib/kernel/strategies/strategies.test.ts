import { describe, expect, it } from "vitest";
import type { Ipc } from "../ipc";
import { countSchedules, explore, replay, type Program } from "../run";
import type { Snapshot } from "../snapshot";
import { ZOO } from "../zoo/index";
import { lostUpdate } from "../zoo/lost-update";
import {
  pctConfigurations,
  pctDistinctRunsFor,
  pctMissProbability,
  pctMissProbabilityDistinct,
  pctRunProbability,
  pctRunsFor,
} from "./coverage";
import { dependent, GLOBAL, type Footprint } from "./footprint";

/** Preemptions in the schedule of a replay token (lost update programs). */
async function replayPreemptions(token: string): Promise<number> {
  const r = await replay(lostUpdate.buggy, token);
  return r.trace!.events.filter((e) => e.kind === "preempt").length;
}

/** What a run leaves behind that partial-order reduction must preserve (not the cost counters or the kernel's timing records). */
function finalState(s: Snapshot): string {
  return JSON.stringify({
    outcome: s.outcome.kind,
    exits: s.exitStatuses,
    errors: s.errors.map((e) => [e.pid, e.message]),
    output: s.output,
    shm: s.shm.map((x) => x.data),
    queues: s.msgQueues.map((q) => q.messages),
    sems: s.semaphores.map((x) => x.values),
    mutexes: s.mutexes.map((m) => m.owner),
  });
}

/** The program with its check replaced by one that records every final state it is shown (and never fails a run). */
function recording(program: Program): { program: Program; states: Set<string> } {
  const states = new Set<string>();
  const check = (s: Snapshot) => {
    states.add(finalState(s));
    return null;
  };
  return { states, program: { ...program, checkMany: undefined, check } };
}

/** n processes, each storing k times to a segment of its own: steps of different processes are independent (but exits). */
function independentWorkers(n: number, k: number): Program {
  return {
    module: (ipc: Ipc) => ({
      async worker([id]: number[]) {
        const v = await ipc.shmat(id);
        for (let i = 1; i <= k; i++) await v.store(0, i);
      },
    }),
    setup(s) {
      for (let i = 0; i < n; i++) s.spawn("worker", [s.shmget(1 + i, 1, 0o1600)]);
    },
    check: (s) => (s.shm.every((seg) => seg.data[0] === k) ? null : "a store was lost"),
  };
}

describe("partial-order reduction (sleep sets)", () => {
  it("footprints: two loads, or objects with different ids, commute; a write and an access to one object, or anything global, do not", () => {
    const fp = (key: string, write: boolean): Footprint => ({ global: false, keys: [key], writes: [write] });
    expect(dependent(fp("ipc:3#0", true), fp("ipc:3#1", true))).toBe(false);
    expect(dependent(fp("ipc:3#0", false), fp("ipc:3#0", false))).toBe(false);
    expect(dependent(fp("ipc:3#0", true), fp("ipc:3#0", false))).toBe(true);
    expect(dependent(fp("ipc:3", true), fp("ipc:3#5", false))).toBe(true);
    expect(dependent(fp("ipc:3", true), fp("ipc:31#5", true))).toBe(false);
    expect(dependent(fp("pipe 2", true), fp("ipc:2", true))).toBe(false);
    expect(dependent(fp("ipc:3@attach", true), fp("ipc:3#0", true))).toBe(false);
    expect(dependent(fp("ipc:3@attach", true), fp("ipc:3", true))).toBe(true);
    expect(dependent(GLOBAL, fp("ipc:9", false))).toBe(true);
  });

  it("never misses a bug the unreduced search finds in the bug zoo, with the same fewest preemptions", async () => {
    for (const z of ZOO) {
      for (const maxPreemptions of [0, 1, 2, 3]) {
        const plain = await explore(z.buggy, { strategy: "exhaustive", maxPreemptions, reduction: false, budget: 100_000 });
        const reduced = await explore(z.buggy, { strategy: "exhaustive", maxPreemptions, reduction: true, budget: 100_000 });
        expect(reduced.passed, `${z.name}, ≤ ${maxPreemptions} preemptions`).toBe(plain.passed);
        if (!plain.passed && !reduced.passed) {
          expect(reduced.preemptions, z.name).toBe(plain.preemptions);
          expect(reduced.outcome.kind, z.name).toBe(plain.outcome.kind);
        }
      }
    }
  });

  it("reaches exactly the final states the unreduced search reaches, in fewer schedules", async () => {
    let plainTotal = 0;
    let reducedTotal = 0;
    const programs = [...ZOO.flatMap((z) => [z.buggy, z.fixed]), independentWorkers(3, 2)];
    for (const program of programs) {
      for (const maxPreemptions of [1, 2]) {
        const a = recording(program);
        const b = recording(program);
        const plain = await explore(a.program, { strategy: "exhaustive", maxPreemptions, reduction: false, budget: 100_000 });
        const reduced = await explore(b.program, { strategy: "exhaustive", maxPreemptions, reduction: true, budget: 100_000 });
        expect(reduced.passed).toBe(plain.passed);
        if (!plain.passed) continue; // a kernel failure (deadlock) ended both searches: compared above
        expect([...b.states].sort()).toEqual([...a.states].sort());
        const [p, r] = [plain.coverage, reduced.coverage];
        if (p?.kind !== "exhaustive" || r?.kind !== "exhaustive") throw new Error("expected exhaustive coverage");
        expect(r.complete && p.complete).toBe(true);
        expect(r.schedules).toBeLessThanOrEqual(p.schedules);
        plainTotal += p.schedules;
        reducedTotal += r.schedules;
      }
    }
    expect(reducedTotal).toBeLessThan(plainTotal);
  });

  it("with full sleep sets, runs one schedule per class of equivalent ones (unbounded search)", async () => {
    for (const program of [lostUpdate.fixed, ZOO[1].fixed, independentWorkers(2, 3)]) {
      const a = recording(program);
      const b = recording(program);
      const plain = await countSchedules(a.program);
      const reduced = await countSchedules(b.program, { reduction: true });
      expect(plain.complete && reduced.complete).toBe(true);
      expect([...b.states].sort()).toEqual([...a.states].sort());
      expect(reduced.schedules).toBeLessThanOrEqual(plain.schedules);
    }
    // Independent stores: C(8, 4) = 70 interleavings, far fewer classes (a process's exit, which
    // closes its descriptors and wakes its parent, counts as touching everything).
    expect((await countSchedules(independentWorkers(2, 3))).schedules).toBe(70);
    expect((await countSchedules(independentWorkers(2, 3), { reduction: true })).schedules).toBeLessThan(35);
  });

  it("drops the schedule count of a bounded search over independent processes", async () => {
    const plain = await explore(independentWorkers(3, 4), { strategy: "exhaustive", maxPreemptions: 2, reduction: false, budget: 100_000 });
    const reduced = await explore(independentWorkers(3, 4), { strategy: "exhaustive", maxPreemptions: 2, reduction: true, budget: 100_000 });
    if (plain.coverage?.kind !== "exhaustive" || reduced.coverage?.kind !== "exhaustive") throw new Error("expected exhaustive coverage");
    expect(reduced.coverage.schedules).toBeLessThan(plain.coverage.schedules);
    expect(reduced.coverage).toMatchObject({ complete: true, preemptionBound: 2, reduction: "sleep-sets" });
  });
});

describe("PCT's stated bound", () => {
  it("is 1/(n·k^(d−1)) per run, (1 − p)^R after R independent runs", () => {
    expect(pctRunProbability(4, 50, 2)).toBeCloseTo(1 / 200, 12);
    expect(pctRunProbability(3, 10, 3)).toBeCloseTo(1 / 300, 12);
    expect(pctRunProbability(5, 0, 2)).toBeCloseTo(1 / 5, 12); // at least one step
    expect(pctMissProbability(4, 50, 2, 600)).toBeCloseTo(Math.pow(1 - 1 / 200, 600), 12);
    expect(pctMissProbability(4, 50, 2, 0)).toBe(1);
    expect(pctMissProbability(1, 1, 2, 1)).toBe(0);
    const runs = pctRunsFor(0.01, 4, 50, 2);
    expect(pctMissProbability(4, 50, 2, runs)).toBeLessThanOrEqual(0.01);
    expect(pctMissProbability(4, 50, 2, runs - 1)).toBeGreaterThan(0.01);
    expect(runs).toBe(919);
  });

  it("is smaller with distinct configurations, and 0 once all n!·k^(d−1) were run", () => {
    expect(pctConfigurations(3, 10, 2)).toBe(60);
    expect(pctConfigurations(4, 5, 3)).toBe(600);
    // 2 of the 60 configurations find a given bug: missing it after R draws is C(58, R)/C(60, R).
    const exact = (r: number) => ((60 - r) * (59 - r)) / (60 * 59);
    for (const r of [1, 10, 30, 58]) expect(pctMissProbabilityDistinct(3, 10, 2, r)).toBeCloseTo(exact(r), 12);
    expect(pctMissProbabilityDistinct(3, 10, 2, 59)).toBe(0);
    for (const r of [1, 10, 30]) expect(pctMissProbabilityDistinct(3, 10, 2, r)).toBeLessThanOrEqual(pctMissProbability(3, 10, 2, r));
    const runs = pctDistinctRunsFor(0.01, 4, 50, 2);
    expect(pctMissProbabilityDistinct(4, 50, 2, runs)).toBeLessThanOrEqual(0.01);
    expect(pctMissProbabilityDistinct(4, 50, 2, runs - 1)).toBeGreaterThan(0.01);
    expect(runs).toBeLessThan(pctRunsFor(0.01, 4, 50, 2));
  });

  it("counts only runs whose change points could reach the longest run seen", async () => {
    // The first run has no change points (nothing is known of the program yet) and counts for nothing.
    const first = await explore(lostUpdate.fixed, { strategy: "pct", pctDepth: 2, budget: 1 });
    expect(first.coverage).toMatchObject({ kind: "pct", runs: 0, missProbability: 1 });
    const more = await explore(lostUpdate.fixed, { strategy: "pct", pctDepth: 2, budget: 50 });
    const c = more.coverage!;
    if (c.kind !== "pct") throw new Error("expected PCT");
    expect(c.runs).toBeGreaterThan(0);
    expect(c.runs).toBeLessThan(50);
    expect(c.missProbability).toBeCloseTo(pctMissProbability(c.processes, c.steps, 2, c.runs), 12);
  });

  it("finds the lost update at least as often as the bound promises", async () => {
    let found = 0;
    let promised = 1;
    const seeds = 40;
    for (let seed = 1; seed <= seeds; seed++) {
      const r = await explore(lostUpdate.buggy, { strategy: "pct", pctDepth: 2, budget: 12, seed, shrink: false });
      if (!r.passed) found++;
      // 11 counted runs at most (the first one learns the run length), each finding it with probability ≥ 1/(n·k).
      const c = (await explore(lostUpdate.fixed, { strategy: "pct", pctDepth: 2, budget: 12, seed })).coverage;
      if (c?.kind === "pct") promised = Math.min(promised, 1 - pctMissProbability(c.processes, c.steps, 2, c.runs));
    }
    expect(promised).toBeGreaterThan(0.3);
    expect(found / seeds).toBeGreaterThanOrEqual(promised);
  });
});

describe("explore's coverage and determinism", () => {
  it('"auto" finishes the bounded search when it fits, and states it', async () => {
    const r = await explore(lostUpdate.fixed, { strategy: "auto", budget: 200 });
    expect(r.passed).toBe(true);
    expect(r.coverage).toMatchObject({ kind: "exhaustive", preemptionBound: 2, complete: true, reduction: "sleep-sets" });
  });

  it('"auto" falls back to PCT with a computed miss probability when the search cannot finish', async () => {
    const r = await explore(independentWorkers(4, 4), { strategy: "auto", budget: 300, missTarget: 1e-9 });
    expect(r.passed).toBe(true);
    const c = r.coverage!;
    expect(c.kind).toBe("pct");
    if (c.kind !== "pct") return;
    expect(c).toMatchObject({ depth: 2, distinct: true, processes: 4 });
    expect(c.runs).toBeGreaterThan(0);
    expect(c.runs).toBeLessThanOrEqual(300);
    expect(c.missProbability).toBeCloseTo(pctMissProbabilityDistinct(c.processes, c.steps, 2, c.runs), 12);
  });

  it('"auto" stops PCT as soon as the target miss probability is reached', async () => {
    const r = await explore(independentWorkers(4, 4), { strategy: "auto", budget: 5000, missTarget: 0.05 });
    const c = r.coverage!;
    if (c.kind !== "pct") throw new Error("expected PCT");
    expect(c.missProbability).toBeLessThanOrEqual(0.05);
    expect(pctMissProbabilityDistinct(c.processes, c.steps, 2, c.runs - 1)).toBeGreaterThan(0.05);
  });

  it("depends on the seed only: the same seed gives the same result, coverage and counterexample", async () => {
    const comparable = (r: Awaited<ReturnType<typeof explore>>) => JSON.stringify(r.passed ? { ...r, elapsedMs: null } : { ...r, trace: r.trace.choices, snapshot: null, elapsedMs: null });
    for (const strategy of ["auto", "pct", "mix", "random", "exhaustive"] as const) {
      for (const program of [lostUpdate.buggy, lostUpdate.fixed, ZOO[3].buggy, independentWorkers(3, 3)]) {
        for (const seed of [1, 99]) {
          const a = await explore(program, { strategy, seed, budget: 150 });
          const b = await explore(program, { strategy, seed, budget: 150 });
          expect(comparable(b)).toBe(comparable(a));
        }
      }
    }
  });

  it("shrinks a counterexample to fewer preemptions, for the same failure, and it replays to that failure", async () => {
    let shrunk = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const raw = await explore(lostUpdate.buggy, { strategy: "random", seed, budget: 50, shrink: false });
      const r = await explore(lostUpdate.buggy, { strategy: "random", seed, budget: 50 });
      if (raw.passed || r.passed) {
        expect(r.passed).toBe(raw.passed);
        continue;
      }
      expect(r.failure).toBe(raw.failure);
      expect(r.schedulesExplored).toBe(raw.schedulesExplored);
      const before = (await replayPreemptions(raw.replayToken)) ?? Infinity;
      expect(r.preemptions!).toBeLessThanOrEqual(before);
      if (r.preemptions! < before) shrunk++;
      const again = await replay(lostUpdate.buggy, r.replayToken);
      expect(again.failure).toBe(r.failure);
    }
    expect(shrunk).toBeGreaterThan(0);
  });

  it("finds the failure with the fewest preemptions by exhaustive search", async () => {
    for (const strategy of ["exhaustive", "auto"] as const) {
      const r = await explore(lostUpdate.buggy, { strategy });
      expect(r.passed).toBe(false);
      if (!r.passed) expect(r.preemptions).toBe(1);
    }
  });
});
