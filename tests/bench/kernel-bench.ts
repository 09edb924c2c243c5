/**
 * Kernel benchmark: prints one JSON object to stdout.
 * Run with `npx tsx tests/bench/kernel-bench.ts` (add `--quick` for a shorter run).
 */
import { performance } from "node:perf_hooks";
import { explore, runOnce, type Ipc, type Program } from "../../lib/kernel/index";
import { ZOO, bankAccount } from "../../lib/kernel/zoo/index";

const quick = process.argv.includes("--quick");
const now = () => performance.now();

/** Many cheap scheduling steps: 4 processes each doing `n` sched_yield calls. */
async function stepsPerSecond(n: number): Promise<{ steps: number; ms: number; stepsPerSecond: number }> {
  const prog: Program = {
    module: (ipc: Ipc) => ({
      async spin([count]: number[]) {
        for (let i = 0; i < count; i++) await ipc.sched_yield();
      },
    }),
    processes: [0, 1, 2, 3].map(() => ({ entry: "spin", args: [n] })),
  };
  await runOnce(prog, { trace: false, maxSteps: 1e9 }); // warm-up
  const t0 = now();
  const r = await runOnce(prog, { trace: false, maxSteps: 1e9, seed: 7 });
  const ms = now() - t0;
  return { steps: r.steps, ms: round(ms), stepsPerSecond: Math.round(r.steps / (ms / 1000)) };
}

/** Shared-memory load/store steps (the path data races exercise). */
async function shmStepsPerSecond(n: number): Promise<{ steps: number; ms: number; stepsPerSecond: number }> {
  const prog: Program = {
    module: (ipc: Ipc) => ({
      async inc([id, count]: number[]) {
        const m = await ipc.shmat(id);
        for (let i = 0; i < count; i++) await m.store(0, (await m.load(0)) + 1);
      },
    }),
    setup(k) {
      const id = k.shmget(1, 1, 0o1600);
      for (let i = 0; i < 4; i++) k.spawn("inc", [id, n]);
    },
  };
  const t0 = now();
  const r = await runOnce(prog, { trace: false, maxSteps: 1e9, seed: 7 });
  const ms = now() - t0;
  return { steps: r.steps, ms: round(ms), stepsPerSecond: Math.round(r.steps / (ms / 1000)) };
}

/** Whole schedules per second on the two-process bank account (locked version, so every schedule runs to the end). */
async function schedulesPerSecond(budget: number): Promise<{ schedules: number; ms: number; schedulesPerSecond: number }> {
  const fixed = bankAccount(true);
  await explore(fixed, { budget: 50, strategy: "random" }); // warm-up
  const t0 = now();
  const r = await explore(fixed, { budget, strategy: "random", seed: 1 });
  const ms = now() - t0;
  return { schedules: r.schedulesExplored, ms: round(ms), schedulesPerSecond: Math.round(r.schedulesExplored / (ms / 1000)) };
}

async function zoo(): Promise<Record<string, Record<string, { found: boolean; schedules: number; ms: number }>>> {
  const out: Record<string, Record<string, { found: boolean; schedules: number; ms: number }>> = {};
  for (const z of ZOO) {
    out[z.name] = {};
    for (const strategy of ["mix", "random", "pct", "exhaustive"] as const) {
      const samples = quick ? 1 : 5;
      let ms = 0;
      let schedules = 0;
      let found = true;
      for (let seed = 1; seed <= samples; seed++) {
        const t0 = now();
        const r = await explore(z.buggy, { strategy, seed, budget: 2000 });
        ms += now() - t0;
        schedules += r.schedulesExplored;
        found &&= !r.passed;
      }
      out[z.name][strategy] = { found, schedules: round(schedules / samples), ms: round(ms / samples) };
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

const result = {
  node: process.version,
  quick,
  yieldSteps: await stepsPerSecond(quick ? 25_000 : 250_000),
  shmSteps: await shmStepsPerSecond(quick ? 10_000 : 100_000),
  bankAccount: await schedulesPerSecond(quick ? 500 : 5000),
  zoo: await zoo(),
};
console.log(JSON.stringify(result, null, 2));
