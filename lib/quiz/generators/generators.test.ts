import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { bankRaceLostUpdateGenerator } from "./bank-race-lost-update";
import {
  bankRacePrograms,
  bankRaceScenario,
  classifyOutcome,
  createBankRaceGenerator,
  runRace,
  type BankRaceScenario,
  type RaceInterpreter,
} from "./bank-race";
import { GENERATORS, getGenerator } from "./index";
import { pipeCapacityGenerator, pipeScenario, runPipeScript } from "./pipe-capacity";
import { runSemaphore, semaphoreScenario, semaphoreTraceGenerator } from "./semaphore-trace";
import { GeneratedVariantSchema } from "./types";

const progs = bankRacePrograms({ deposit: 50, withdrawal: 30 });

describe("runRace (bank-race interpreter)", () => {
  it("serial runs apply both updates", () => {
    expect(runRace(100, progs, ["P1", "P1", "P1", "P2", "P2", "P2"]).final).toBe(120);
    expect(runRace(100, progs, ["P2", "P2", "P2", "P1", "P1", "P1"]).final).toBe(120);
  });
  it("both load before either stores: the last store wins", () => {
    // P1 load 100, P2 load 100, P1 add → 150, P1 store 150, P2 sub → 70, P2 store 70
    expect(runRace(100, progs, ["P1", "P2", "P1", "P1", "P2", "P2"]).final).toBe(70);
    // P2 stores 70 first, P1 stores 150 last
    expect(runRace(100, progs, ["P1", "P2", "P2", "P2", "P1", "P1"]).final).toBe(150);
  });
  it("records a trace of registers and the shared value", () => {
    const { trace } = runRace(100, progs, ["P1", "P2", "P1", "P1", "P2", "P2"]);
    expect(trace.map((t) => t.shared)).toEqual([100, 100, 100, 150, 150, 70]);
    expect(trace[2]?.registers).toEqual({ P1: 150, P2: 100 });
  });
  it("rejects impossible schedules", () => {
    expect(() => runRace(100, progs, ["P1", "P1"])).toThrow(/did not finish/);
    expect(() => runRace(100, progs, ["P1", "P1", "P1", "P1", "P2", "P2", "P2"])).toThrow(/no instruction left/);
    expect(() => runRace(100, progs, ["P3"])).toThrow(/unknown pid/);
  });
});

/** Independent rule: the last storer's result survives; it includes the other's update iff it loaded after the other's store. */
function expectedFinal(s: BankRaceScenario): number {
  const pos = (pid: string, k: number) => s.schedule.map((p, i) => [p, i] as const).filter(([p]) => p === pid)[k]![1];
  const store1 = pos("P1", 2);
  const store2 = pos("P2", 2);
  const last = store1 > store2 ? "P1" : "P2";
  const loadOfLast = pos(last, 0);
  const storeOfOther = last === "P1" ? store2 : store1;
  const own = last === "P1" ? s.deposit : -s.withdrawal;
  return loadOfLast > storeOfOther ? s.initial + s.deposit - s.withdrawal : s.initial + own;
}

describe("bank-race generators", () => {
  it("agree with an independent rule over 2,000 seeds", () => {
    for (let seed = 0; seed < 2000; seed++) {
      const s = bankRaceScenario(seed * 7919);
      const v = createBankRaceGenerator().generate(seed * 7919);
      expect(v.answer).toBe(expectedFinal(s));
      const single = bankRaceLostUpdateGenerator.generate(seed * 7919);
      expect(single.answer).toBe(classifyOutcome(s, expectedFinal(s)));
    }
  });
  it("produces all three outcomes and all interleavings over many seeds", () => {
    const outcomes = new Set<string>();
    const schedules = new Set<string>();
    for (let seed = 0; seed < 2000; seed++) {
      outcomes.add(bankRaceLostUpdateGenerator.generate(seed).answer);
      schedules.add(bankRaceScenario(seed).schedule.join(""));
    }
    expect(outcomes).toEqual(new Set(["none", "deposit-lost", "withdrawal-lost"]));
    expect(schedules.size).toBe(20); // C(6,3)
  });
  it("deposit and withdrawal always differ and are positive", () => {
    for (let seed = 0; seed < 500; seed++) {
      const s = bankRaceScenario(seed);
      expect(s.deposit).toBeGreaterThan(0);
      expect(s.withdrawal).toBeGreaterThan(0);
      expect(s.deposit).not.toBe(s.withdrawal);
    }
  });
  it("uses the injected interpreter (so it can be swapped for lib/kernel)", () => {
    const calls: number[] = [];
    const fake: RaceInterpreter = (initial, programs, schedule) => {
      calls.push(initial);
      return runRace(initial, programs, schedule);
    };
    const v = createBankRaceGenerator(fake).generate(3);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c === bankRaceScenario(3).initial)).toBe(true);
    expect(v.answer).toBe(expectedFinal(bankRaceScenario(3)));
  });
});

describe("runPipeScript (pipe-capacity interpreter)", () => {
  it("blocks on the first write that does not fit, writing none of it", () => {
    const r = runPipeScript(100, [{ who: "writer", n: 40 }, { who: "writer", n: 40 }, { who: "writer", n: 30 }]);
    expect(r).toMatchObject({ written: 80, buffered: 80, blockedAt: 2 });
  });
  it("a read frees space; short reads return what is there", () => {
    const r = runPipeScript(64, [
      { who: "writer", n: 30 },
      { who: "writer", n: 30 },
      { who: "reader", n: 100 }, // gets 60, not 100
      { who: "writer", n: 50 },
      { who: "writer", n: 20 },
    ]);
    expect(r.trace[2]?.done).toBe(60);
    expect(r).toMatchObject({ written: 110, buffered: 50, blockedAt: 4 });
  });
  it("an exactly filling write succeeds", () => {
    expect(runPipeScript(64, [{ who: "writer", n: 64 }, { who: "writer", n: 1 }])).toMatchObject({ written: 64, blockedAt: 1 });
  });
  it("generated scenarios always end with the blocking write", () => {
    for (let seed = 0; seed < 1000; seed++) {
      const s = pipeScenario(seed);
      const r = runPipeScript(s.capacity, s.ops);
      expect(r.blockedAt).toBe(s.ops.length - 1);
      const v = pipeCapacityGenerator.generate(seed);
      expect(v.answer).toBe(s.ask === "written" ? r.written : r.buffered);
    }
  });
});

describe("runSemaphore (semaphore-trace interpreter)", () => {
  it("wait decrements, blocks at zero; post wakes the oldest waiter before incrementing", () => {
    const r = runSemaphore(1, [
      { pid: "P1", op: "wait" }, // 0
      { pid: "P2", op: "wait" }, // blocks
      { pid: "P3", op: "wait" }, // blocks
      { pid: "P4", op: "post" }, // wakes P2, value stays 0
      { pid: "P4", op: "post" }, // wakes P3
      { pid: "P4", op: "post" }, // 1
    ]);
    expect(r.trace.map((t) => t.value)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(r.trace[3]?.effect).toEqual({ kind: "woke", pid: "P2" });
    expect(r).toMatchObject({ value: 1, blocked: [] });
  });
  it("has no owner: a process that never waited may post", () => {
    expect(runSemaphore(0, [{ pid: "P9", op: "post" }]).value).toBe(1);
  });
  it("a blocked process cannot make calls", () => {
    expect(() => runSemaphore(0, [{ pid: "P1", op: "wait" }, { pid: "P1", op: "post" }])).toThrow(/blocked/);
  });
  it("generated scenarios are valid traces that block someone, and the answer matches the ask", () => {
    for (let seed = 0; seed < 1000; seed++) {
      const s = semaphoreScenario(seed);
      const r = runSemaphore(s.initial, s.ops);
      expect(r.trace.some((t) => t.effect.kind === "blocked")).toBe(true);
      expect(semaphoreTraceGenerator.generate(seed).answer).toBe(s.ask === "value" ? r.value : r.blocked.length);
    }
  });
});

describe("generator registry", () => {
  it("finds every generator by id and nothing else", () => {
    for (const [id, g] of GENERATORS) expect(getGenerator(id)).toBe(g);
    expect(getGenerator("nope")).toBeUndefined();
    expect([...GENERATORS.keys()].sort()).toEqual(["bank-race", "bank-race-lost-update", "pipe-capacity", "semaphore-trace"]);
  });
  it("every generator is deterministic and produces schema-valid variants", async () => {
    for (const g of GENERATORS.values()) {
      for (let seed = 0; seed < 300; seed++) {
        await g.prepare?.(seed);
        const a = g.generate(seed);
        expect(GeneratedVariantSchema.safeParse(a).success).toBe(true);
        expect(a.type).toBe(g.type);
        expect(isDeepStrictEqual(a, g.generate(seed))).toBe(true);
      }
    }
  });
  it("different seeds give different variants", async () => {
    for (const g of GENERATORS.values()) {
      const seen = new Set<string>();
      for (let seed = 0; seed < 50; seed++) {
        await g.prepare?.(seed);
        seen.add(JSON.stringify(g.generate(seed).params));
      }
      expect(seen.size).toBeGreaterThan(40);
    }
  });
});
