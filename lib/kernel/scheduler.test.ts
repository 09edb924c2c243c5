import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countSchedules, explore, replay, runOnce, type Program } from "./run";
import { decodeToken, encodeToken } from "./replay-token";
import type { Ipc } from "./ipc";
import { lostUpdate } from "./zoo/lost-update";

/** n processes each doing k shared-memory operations: the classic interleaving-count benchmark. */
function workers(n: number, k: number): Program {
  return {
    module: (ipc: Ipc) => ({
      async worker([id]: number[]) {
        const v = await ipc.shmat(id);
        for (let i = 1; i < k; i++) await v.store(0, i);
      },
    }),
    setup(s) {
      const id = s.shmget(1, 1, 0o1600);
      for (let i = 0; i < n; i++) s.spawn("worker", [id]);
    },
  };
}

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

const chatty: Program = {
  module: (ipc: Ipc) => ({
    async main() {
      const [rd, wr] = await ipc.pipe();
      const q = await ipc.msgget(ipc.IPC_PRIVATE, 0o600);
      for (let i = 0; i < 3; i++) await ipc.spawn("child", [wr, q, i]);
      await ipc.close(wr);
      let s = "";
      for (let c; (c = await ipc.read(rd, 7)) !== ""; ) s += c;
      for (let i = 0; i < 3; i++) s += (await ipc.msgrcv(q, 0)).data;
      ipc.print(s, ipc.random());
      for (let i = 0; i < 3; i++) await ipc.wait();
    },
    async child([wr, q, i]: number[]) {
      await ipc.write(wr, `child${i};`);
      await ipc.msgsnd(q, { type: i + 1, data: String(i) });
    },
  }),
  main: "main",
};

describe("scheduler", () => {
  it("exhaustive search enumerates exactly C(2k, k) interleavings of two k-step processes", async () => {
    for (let k = 1; k <= 4; k++) {
      const r = await countSchedules(workers(2, k));
      expect(r).toEqual({ schedules: binom(2 * k, k), complete: true, failures: 0 });
    }
  });

  it("three processes of two steps give the multinomial 6!/(2!2!2!) = 90", async () => {
    expect((await countSchedules(workers(3, 2))).schedules).toBe(90);
  });

  it("property: the same seed yields a byte-identical trace", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom("random" as const, "pct" as const), async (seed, strategy) => {
        const a = await runOnce(chatty, { seed, strategy });
        const b = await runOnce(chatty, { seed, strategy });
        expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
        expect(a.failure).toBeNull();
      }),
      { numRuns: 25 },
    );
  });

  it("property: replaying the token of any run reproduces its trace exactly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), async (seed) => {
        const a = await runOnce(lostUpdate.buggy, { seed });
        const b = await replay(lostUpdate.buggy, a.replayToken);
        expect(JSON.stringify(b.trace!.events)).toBe(JSON.stringify(a.trace!.events));
        expect(b.failure).toBe(a.failure);
      }),
      { numRuns: 25 },
    );
  });

  it("property: every failure explore finds replays to the same failure", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom("random" as const, "pct" as const, "mix" as const), async (seed, strategy) => {
        const e = await explore(lostUpdate.buggy, { seed, strategy, budget: 200 });
        expect(e.passed).toBe(false);
        if (e.passed) return;
        const again = await replay(lostUpdate.buggy, e.replayToken);
        expect(again.failure).toBe(e.failure);
        expect(JSON.stringify(again.trace)).toBe(JSON.stringify(e.trace));
      }),
      { numRuns: 15 },
    );
  });

  it("exhaustive search with preemption bounding finds the failure with the fewest preemptions", async () => {
    const e = await explore(lostUpdate.buggy, { strategy: "exhaustive" });
    expect(e.passed).toBe(false);
    if (e.passed) return;
    expect(e.trace.events.filter((x) => x.kind === "preempt").length).toBe(1);
  });

  it("explore reports passing programs with the number of schedules and exhaustion", async () => {
    const e = await explore(workers(2, 2), { strategy: "exhaustive" });
    expect(e).toMatchObject({ passed: true, exhausted: true });
    let t = 0;
    const e2 = await explore(workers(2, 3), { budget: 50, now: () => (t += 1) });
    expect(e2).toMatchObject({ passed: true, schedulesExplored: 50 });
    expect(e2.elapsedMs).toBeGreaterThan(0);
  });

  it("replay tokens round-trip and are compact", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 70 }), { maxLength: 200 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (choices, seed) => {
        const tok = encodeToken({ strategy: "pct", seed, choices });
        expect(decodeToken(tok)).toEqual({ strategy: "pct", seed, choices });
        expect(tok).toMatch(/^[A-Za-z0-9._-]+$/);
      }),
      { numRuns: 100 },
    );
    expect(encodeToken({ strategy: "random", seed: 35, choices: [2, 2, 2, 2, 2, 3, 2] })).toBe("k1.random.z.2_5-3-2");
    expect(() => decodeToken("garbage")).toThrow(/not a replay token/);
  });

  it("a replay that diverges is reported, not silently accepted", async () => {
    const r = await replay(lostUpdate.buggy, "k1.random.1.9-9-9");
    expect(r.outcome.kind).toBe("internal-error");
    expect(r.failure).toMatch(/replay diverged/);
  });

  it("trace has the documented version-1 envelope", async () => {
    const r = await runOnce(chatty, { seed: 5 });
    const t = r.trace!;
    expect(Object.keys(t).sort()).toEqual(["choices", "counters", "droppedEvents", "events", "failure", "outcome", "output", "processes", "seed", "strategy", "truncated", "version"]);
    expect(t.version).toBe(1);
    const kinds = new Set(t.events.map((e) => e.kind));
    for (const k of ["spawn", "start", "syscall", "exit", "print"]) expect(kinds.has(k as never)).toBe(true);
    const capped = await runOnce(chatty, { seed: 5, traceCap: 10 });
    expect(capped.trace!.events.length).toBe(10);
    expect(capped.trace!.truncated).toBe(true);
  });
});
