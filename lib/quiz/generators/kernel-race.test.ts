import { describe, expect, it } from "vitest";
import { bankRacePrograms, bankRaceScenario, runRace } from "./bank-race";
import { createKernelRaceInterpreter, raceChoices } from "./kernel-race";
import { getGenerator } from "./index";

describe("kernel-backed bank race", () => {
  it("maps a schedule to kernel choices: both attaches first, adds need no choice", () => {
    const programs = bankRacePrograms({ deposit: 10, withdrawal: 20 });
    expect(raceChoices(programs, ["P1", "P1", "P2", "P2", "P2", "P1"])).toEqual([1, 2, 1, 2, 2, 1]);
  });

  it("agrees with the step interpreter on final balance and per-step trace for every interleaving", async () => {
    const k = createKernelRaceInterpreter();
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const s = bankRaceScenario(seed);
      const programs = bankRacePrograms(s);
      const viaKernel = await k.prepare(s.initial, programs, s.schedule);
      expect(viaKernel).toEqual(runRace(s.initial, programs, s.schedule));
      expect(k.interpreter(s.initial, programs, s.schedule)).toEqual(viaKernel);
      seen.add(s.schedule.join());
    }
    expect(seen.size).toBe(20);
  });

  it("refuses to answer for a scenario the kernel has not run", () => {
    const k = createKernelRaceInterpreter();
    const s = bankRaceScenario(5);
    expect(() => k.interpreter(s.initial, bankRacePrograms(s), s.schedule)).toThrow(/prepare/);
  });

  it("the registry's bank-race generator is the kernel-backed one, checked against runRace", async () => {
    const g = getGenerator("bank-race")!;
    expect(g.reference).toBeDefined();
    expect(() => g.generate(987_654)).toThrow(/prepare/);
    await g.prepare!(987_654);
    expect(g.generate(987_654).answer).toBe(g.reference!.generate(987_654).answer);
  });
});
