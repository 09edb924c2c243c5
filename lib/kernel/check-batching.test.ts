import { describe, expect, it } from "vitest";
import { explore, MAX_CHECK_BATCH, type Program } from "./run";
import type { Snapshot } from "./snapshot";
import { ZOO } from "./zoo/index";

/**
 * Each run draws a seeded number: below 0.25 the check fails, above 0.9 the process crashes
 * (a failure found without any check). Which comes first depends on the seed.
 */
function dice(): Program {
  return {
    module: (ipc) => ({
      async main() {
        const x = ipc.random();
        if (x > 0.9) throw new Error(`rolled ${x.toFixed(2)}`);
        ipc.print(x.toFixed(4));
      },
    }),
    main: "main",
    check: (s) => (Number(s.output["1"]) < 0.25 ? `rolled ${s.output["1"].trim()}` : null),
  };
}

function batched(program: Program, calls: Snapshot[][] = []): Program {
  return { ...program, checkMany: (snapshots) => (calls.push(snapshots), snapshots.map((s) => program.check?.(s) ?? null)) };
}

const comparable = (r: Awaited<ReturnType<typeof explore>>) =>
  r.passed ? { passed: true, schedulesExplored: r.schedulesExplored } : { passed: false, failure: r.failure, token: r.replayToken, schedulesExplored: r.schedulesExplored, strategy: r.strategy };

describe("explore with checkMany", () => {
  it("reports exactly what run-by-run checking reports, whichever kind of failure comes first", async () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const single = await explore(dice(), { seed, budget: 60, strategy: "random" });
      const many = await explore(batched(dice()), { seed, budget: 60, strategy: "random" });
      expect(comparable(many)).toEqual(comparable(single));
      if (!single.passed) kinds.add(single.failure.includes("pid") ? "crash" : "check");
    }
    expect(kinds).toEqual(new Set(["crash", "check"])); // both orders were exercised
  });

  it("finds the same counterexamples in the bug zoo", async () => {
    for (const z of ZOO) {
      const single = await explore(z.buggy, { budget: 300 });
      const many = await explore(batched(z.buggy), { budget: 300 });
      expect(comparable(many), z.name).toEqual(comparable(single));
    }
  });

  it("judges passing runs in batches growing to MAX_CHECK_BATCH, each run exactly once", async () => {
    const calls: Snapshot[][] = [];
    const fixed = ZOO.find((z) => z.name === "lost-update")!.fixed;
    const r = await explore(batched(fixed, calls), { budget: 100, strategy: "random" });
    expect(r.passed).toBe(true);
    expect(calls.map((c) => c.length)).toEqual([1, 2, 4, 8, 16, MAX_CHECK_BATCH, MAX_CHECK_BATCH, 100 - 63 - MAX_CHECK_BATCH]);
  });

  it("fails the runs when checkMany answers with the wrong number of verdicts", async () => {
    const broken: Program = { ...dice(), checkMany: () => [null] };
    const r = await explore(broken, { seed: 3, budget: 20, strategy: "random" });
    expect(r.passed).toBe(false);
    if (!r.passed) expect(r.failure).toMatch(/check returned 1 verdicts for 2 runs|rolled/);
  });
});
