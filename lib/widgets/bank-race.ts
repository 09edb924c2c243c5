/**
 * "You are the scheduler": the bank race of the quiz, run on the kernel.
 * The person picks which process takes the next step; every state is
 * obtained by replaying the choices made so far (`strategy: "replay"`) and
 * pausing at the next decision (`stopAfterChoices`). Pure: runs in a Web Worker.
 */
import { bankRacePrograms, classifyOutcome, type LostUpdate } from "@/lib/quiz/generators/bank-race";
import { runRaceOnKernel } from "@/lib/quiz/generators/kernel-race";

export interface BankRaceSetup {
  initial: number;
  deposit: number;
  withdrawal: number;
}

export interface RaceProcessView {
  pid: number;
  label: "P1" | "P2";
  /** Instructions done: 0 = none, 1 = load (+ add, which is user code right after it), 2 = store. */
  done: number;
  loaded: number | null;
  local: number | null;
}

export interface BankRaceState {
  /** Choices the person made (pids), excluding the two attach steps the widget takes for them. */
  choices: number[];
  finished: boolean;
  /** Pids that can take the next step (empty when finished). */
  ready: number[];
  shared: number;
  processes: RaceProcessView[];
  log: { pid: number; text: string }[];
  outcome: LostUpdate | null;
  final: number | null;
}

/** Both processes attach the shared segment first; these choices are taken for the person. */
const ATTACH = [1, 2];

export async function bankRaceState(setup: BankRaceSetup, choices: number[]): Promise<BankRaceState> {
  const programs = bankRacePrograms(setup);
  const all = [...ATTACH, ...choices];
  const run = await runRaceOnKernel(setup.initial, programs, { choices: all, stopAfterChoices: all.length });
  const events = run.trace?.events ?? [];
  const processes: RaceProcessView[] = programs.map((p, i) => ({ pid: i + 1, label: p.pid as "P1" | "P2", done: 0, loaded: null, local: null }));
  const log: BankRaceState["log"] = [];
  let shared = setup.initial;
  for (const e of events) {
    const proc = processes[e.pid - 1];
    if (!proc) continue;
    if (e.kind === "shm-read") {
      proc.loaded = Number(e.value);
      proc.local = proc.loaded;
      proc.done = 1;
      log.push({ pid: e.pid, text: `load → ${proc.loaded}` });
    } else if (e.kind === "print") {
      proc.local = Number(e.text);
      log.push({ pid: e.pid, text: `add → ${proc.local}` });
    } else if (e.kind === "shm-write") {
      shared = Number(e.value);
      proc.done = 2;
      log.push({ pid: e.pid, text: `store ${shared} (was ${String(e.old)})` });
    }
  }
  const finished = run.outcome.kind === "completed";
  const final = finished ? (run.snapshot.shm[0]?.data[0] ?? shared) : null;
  return {
    choices,
    finished,
    ready: run.outcome.kind === "paused" ? run.outcome.ready : [],
    shared,
    processes,
    log,
    outcome: final === null ? null : classifyOutcome({ ...setup, schedule: [] }, final),
    final,
  };
}

/**
 * Runs every schedule of the two processes' load/store steps on the kernel
 * and returns the first that loses an update (the person-visible choices).
 */
export async function losingSchedule(setup: BankRaceSetup): Promise<number[]> {
  const schedules = [[1, 1], [1, 2, 2], [1, 2, 1], [2, 1, 1], [2, 1, 2], [2, 2]];
  for (const choices of schedules) {
    const s = await bankRaceState(setup, choices);
    if (s.finished && s.outcome !== "none") return choices;
  }
  throw new Error("no losing schedule found");
}
