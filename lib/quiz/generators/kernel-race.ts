/**
 * The bank race run on the simulated kernel (`lib/kernel`): every process is
 * a real kernel process sharing one shared-memory cell, `load`/`store` are
 * shared-memory accesses (scheduling points), `add` is user code between
 * them. Used by the `bank-race` quiz generators (so the answer is computed
 * by the kernel) and by the "you are the scheduler" lesson widget.
 */
import { runOnce, type Program, type RunOptions, type RunResult } from "@/lib/kernel";
import type { TraceEvent } from "@/lib/kernel";
import type { RaceInstruction, RaceInterpreter, RaceProgram, RaceRunResult, RaceTraceEntry } from "./bank-race";

const SHM_KEY = 0x42a;

/**
 * Kernel program: pid i+1 runs `programs[i]`. Each process attaches the
 * shared balance, then executes its instructions; after an `add` it prints
 * its register, so the register is visible in the trace.
 */
export function raceProgram(initial: number, programs: readonly RaceProgram[]): Program {
  return {
    module: (ipc) => ({
      async racer([shmid, instructions]: [number, RaceInstruction[]]) {
        const mem = await ipc.shmat(shmid);
        let reg = 0;
        for (const ins of instructions) {
          if (ins.op === "load") reg = await mem.load(0);
          else if (ins.op === "add") {
            reg += ins.amount;
            ipc.print(reg);
          } else await mem.store(0, reg);
        }
      },
    }),
    setup(k) {
      const id = k.shmget(SHM_KEY, 1, 0o1600);
      k.poke(id, 0, initial);
      for (const p of programs) k.spawn("racer", [id, p.instructions.map((i) => ({ ...i }))]);
    },
  };
}

/**
 * The kernel choices that make the processes step in `schedule` order. Both
 * `shmat` calls go first (pid order); an `add` needs no choice because it is
 * user code that runs right after the process's previous step and touches no
 * shared state. Trailing choices after one process has finished are ignored
 * by the kernel (no decision is left).
 */
export function raceChoices(programs: readonly RaceProgram[], schedule: readonly string[]): number[] {
  const pidOf = new Map(programs.map((p, i) => [p.pid, i + 1]));
  const pcs = new Map(programs.map((p) => [p.pid, 0]));
  const choices = programs.map((_, i) => i + 1);
  for (const label of schedule) {
    const prog = programs.find((p) => p.pid === label);
    const pc = pcs.get(label);
    if (!prog || pc === undefined) throw new Error(`schedule names unknown pid ${label}`);
    const ins = prog.instructions[pc];
    if (!ins) throw new Error(`${label} has no instruction left`);
    pcs.set(label, pc + 1);
    if (ins.op !== "add") choices.push(pidOf.get(label) as number);
  }
  return choices;
}

/** Runs the race on the kernel with the given choices (replay) and options. */
export function runRaceOnKernel(initial: number, programs: readonly RaceProgram[], options: RunOptions): Promise<RunResult> {
  return runOnce(raceProgram(initial, programs), { strategy: "replay", ...options });
}

/** Turns a kernel trace back into the per-step table of the quiz (labels, registers, shared cell). */
function traceToEntries(initial: number, programs: readonly RaceProgram[], schedule: readonly string[], events: readonly TraceEvent[]): RaceTraceEntry[] {
  const byPid = new Map<number, TraceEvent[]>();
  for (const e of events) {
    if (e.kind !== "shm-read" && e.kind !== "shm-write" && e.kind !== "print") continue;
    const list = byPid.get(e.pid) ?? [];
    list.push(e);
    byPid.set(e.pid, list);
  }
  const regs: Record<string, number | undefined> = Object.fromEntries(programs.map((p) => [p.pid, undefined]));
  const pcs = new Map(programs.map((p) => [p.pid, 0]));
  let shared = initial;
  return schedule.map((label) => {
    const idx = programs.findIndex((p) => p.pid === label);
    const prog = programs[idx] as RaceProgram;
    const pc = pcs.get(label) as number;
    pcs.set(label, pc + 1);
    const ins = prog.instructions[pc] as RaceInstruction;
    const e = byPid.get(idx + 1)?.shift();
    const expected = ins.op === "load" ? "shm-read" : ins.op === "store" ? "shm-write" : "print";
    if (!e || e.kind !== expected) throw new Error(`kernel trace diverged from the schedule at ${label} ${ins.op}`);
    if (ins.op === "load") regs[label] = Number(e.value);
    else if (ins.op === "add") regs[label] = Number(e.text);
    else shared = Number(e.value);
    return { pid: label, instruction: ins, registers: { ...regs }, shared };
  });
}

/** Checks that the kernel's shared-memory accesses happened in schedule order. */
function checkOrder(programs: readonly RaceProgram[], schedule: readonly string[], events: readonly TraceEvent[]): void {
  const accesses = events.filter((e) => e.kind === "shm-read" || e.kind === "shm-write").map((e) => programs[e.pid - 1]?.pid);
  const wanted = schedule.filter((label, i) => {
    const pc = schedule.slice(0, i).filter((l) => l === label).length;
    return programs.find((p) => p.pid === label)?.instructions[pc]?.op !== "add";
  });
  if (accesses.join() !== wanted.join()) throw new Error(`kernel ran ${accesses.join(",")} instead of ${wanted.join(",")}`);
}

/**
 * A `RaceInterpreter` backed by the kernel. The kernel is asynchronous while
 * quiz generation is synchronous, so results are computed ahead of time by
 * `prepare` (awaited by `prepareQuestions` before a question is shown or
 * graded) and the interpreter only reads them; an unprepared call throws.
 */
export function createKernelRaceInterpreter(maxEntries = 50_000): {
  interpreter: RaceInterpreter;
  prepare: (initial: number, programs: readonly RaceProgram[], schedule: readonly string[]) => Promise<RaceRunResult>;
} {
  const cache = new Map<string, RaceRunResult>();
  const key = (initial: number, programs: readonly RaceProgram[], schedule: readonly string[]) => JSON.stringify([initial, programs, schedule]);
  return {
    interpreter(initial, programs, schedule) {
      const hit = cache.get(key(initial, programs, schedule));
      if (!hit) throw new Error("bank race not prepared on the kernel: await prepareQuestions() first");
      return structuredClone(hit);
    },
    async prepare(initial, programs, schedule) {
      const k = key(initial, programs, schedule);
      const hit = cache.get(k);
      if (hit) return hit;
      const run = await runRaceOnKernel(initial, programs, { choices: raceChoices(programs, schedule) });
      if (run.outcome.kind !== "completed" || !run.trace) throw new Error(`kernel race run ended with ${run.outcome.kind}: ${run.failure}`);
      checkOrder(programs, schedule, run.trace.events);
      const result: RaceRunResult = { final: run.snapshot.shm[0]?.data[0] as number, trace: traceToEntries(initial, programs, schedule, run.trace.events) };
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(k, result);
      return result;
    },
  };
}
