/**
 * Bank-balance race ("lost update").
 *
 * Two processes share one balance in shared memory. Each runs
 *   load   (reg ← balance)
 *   add k  (reg ← reg + k)      -- k < 0 for a withdrawal
 *   store  (balance ← reg)
 * and the question fixes the interleaving of those steps on one CPU.
 *
 * The answer is computed by a tiny step interpreter, `runRace`. It is kept
 * behind the `RaceInterpreter` type so that it can later be replaced by the
 * simulated kernel (`lib/kernel`) without touching the generators: pass
 * another interpreter to `createBankRaceGenerator`.
 */
import { createRng, type Rng } from "../rng";
import type { LocalizedText } from "../question-schema";
import type { GeneratedNumericVariant, QuestionGenerator } from "./types";

// ---------------------------------------------------------------- interpreter

export type RaceInstruction = { op: "load" } | { op: "add"; amount: number } | { op: "store" };

export interface RaceProgram {
  pid: string;
  instructions: readonly RaceInstruction[];
}

export interface RaceTraceEntry {
  pid: string;
  instruction: RaceInstruction;
  /** Every process's register after the step (undefined = not loaded yet). */
  registers: Record<string, number | undefined>;
  /** Shared balance after the step. */
  shared: number;
}

export interface RaceRunResult {
  final: number;
  trace: RaceTraceEntry[];
}

/**
 * Runs `programs` from `initial` in the order given by `schedule`: each
 * schedule entry is a pid and executes that process's next instruction.
 */
export type RaceInterpreter = (
  initial: number,
  programs: readonly RaceProgram[],
  schedule: readonly string[],
) => RaceRunResult;

export const runRace: RaceInterpreter = (initial, programs, schedule) => {
  const pc = new Map<string, number>();
  const reg: Record<string, number | undefined> = {};
  const byPid = new Map<string, RaceProgram>();
  for (const p of programs) {
    if (byPid.has(p.pid)) throw new Error(`duplicate pid ${p.pid}`);
    byPid.set(p.pid, p);
    pc.set(p.pid, 0);
    reg[p.pid] = undefined;
  }
  let shared = initial;
  const trace: RaceTraceEntry[] = [];
  for (const pid of schedule) {
    const prog = byPid.get(pid);
    if (!prog) throw new Error(`schedule names unknown pid ${pid}`);
    const i = pc.get(pid) ?? 0;
    const ins = prog.instructions[i];
    if (!ins) throw new Error(`${pid} has no instruction left at schedule step ${trace.length + 1}`);
    pc.set(pid, i + 1);
    if (ins.op === "load") {
      reg[pid] = shared;
    } else {
      const r = reg[pid];
      if (r === undefined) throw new Error(`${pid} uses its register before loading it`);
      if (ins.op === "add") reg[pid] = r + ins.amount;
      else shared = r;
    }
    trace.push({ pid, instruction: ins, registers: { ...reg }, shared });
  }
  for (const p of programs) {
    if (pc.get(p.pid) !== p.instructions.length) throw new Error(`${p.pid} did not finish`);
  }
  return { final: shared, trace };
};

// ---------------------------------------------------------------- scenario

export interface BankRaceScenario {
  initial: number;
  deposit: number;
  withdrawal: number;
  /** "P1"/"P2" per step; P1 deposits, P2 withdraws. */
  schedule: ("P1" | "P2")[];
}

export function bankRacePrograms(s: Pick<BankRaceScenario, "deposit" | "withdrawal">): RaceProgram[] {
  return [
    { pid: "P1", instructions: [{ op: "load" }, { op: "add", amount: s.deposit }, { op: "store" }] },
    { pid: "P2", instructions: [{ op: "load" }, { op: "add", amount: -s.withdrawal }, { op: "store" }] },
  ];
}

/** A uniformly random interleaving of two 3-step programs (20 possibilities). */
function randomInterleaving(rng: Rng): ("P1" | "P2")[] {
  const out: ("P1" | "P2")[] = [];
  let a = 3;
  let b = 3;
  while (a + b > 0) {
    // choose P1 with probability a/(a+b): uniform over all interleavings
    if (rng.int(1, a + b) <= a) {
      out.push("P1");
      a--;
    } else {
      out.push("P2");
      b--;
    }
  }
  return out;
}

export function bankRaceScenario(seed: number): BankRaceScenario {
  const rng = createRng(seed);
  const initial = rng.int(2, 18) * 50;
  const deposit = rng.int(1, 9) * 10;
  let withdrawal = rng.int(1, 9) * 10;
  if (withdrawal === deposit) withdrawal = deposit === 90 ? 40 : deposit + 10;
  return { initial, deposit, withdrawal, schedule: randomInterleaving(rng) };
}

export type LostUpdate = "none" | "deposit-lost" | "withdrawal-lost";

export function classifyOutcome(s: BankRaceScenario, final: number): LostUpdate {
  if (final === s.initial + s.deposit - s.withdrawal) return "none";
  if (final === s.initial - s.withdrawal) return "deposit-lost";
  if (final === s.initial + s.deposit) return "withdrawal-lost";
  throw new Error(`unexpected final balance ${final}`);
}

// ---------------------------------------------------------------- rendering

function stepLabel(ins: RaceInstruction): string {
  if (ins.op === "add") return ins.amount >= 0 ? `add ${ins.amount}` : `sub ${-ins.amount}`;
  return ins.op;
}

/** Numbered list "1. P1: load" … of the schedule. */
export function renderSchedule(s: BankRaceScenario, interpreter: RaceInterpreter = runRace): string {
  const { trace } = interpreter(s.initial, bankRacePrograms(s), s.schedule);
  return trace.map((t, i) => `${i + 1}. ${t.pid}: \`${stepLabel(t.instruction)}\``).join("\n");
}

export function renderScenarioPrompt(s: BankRaceScenario, interpreter: RaceInterpreter = runRace): LocalizedText {
  const list = renderSchedule(s, interpreter);
  return {
    ko:
      `공유 메모리에 있는 잔액의 초깃값은 **${s.initial}**입니다. 프로세스 P1은 ${s.deposit}을(를) 입금하고, ` +
      `프로세스 P2는 ${s.withdrawal}을(를) 출금합니다. 각 프로세스는 자기 레지스터를 써서 세 단계를 실행합니다: ` +
      "`load`(레지스터 ← 잔액), `add`/`sub`(레지스터 ← 레지스터 ± 금액), `store`(잔액 ← 레지스터). " +
      "동기화는 전혀 없고, CPU 하나가 단계를 정확히 다음 순서로 실행합니다.\n\n" +
      list,
    en:
      `The balance in shared memory starts at **${s.initial}**. Process P1 deposits ${s.deposit} and ` +
      `process P2 withdraws ${s.withdrawal}. Each process runs three steps using its own register: ` +
      "`load` (register ← balance), `add`/`sub` (register ← register ± amount), `store` (balance ← register). " +
      "There is no synchronisation, and a single CPU executes the steps in exactly this order:\n\n" +
      list,
  };
}

export function renderTrace(s: BankRaceScenario, interpreter: RaceInterpreter = runRace): LocalizedText {
  const { trace, final } = interpreter(s.initial, bankRacePrograms(s), s.schedule);
  const cell = (v: number | undefined) => (v === undefined ? "–" : String(v));
  const rows = trace
    .map((t, i) => `| ${i + 1} | ${t.pid}: \`${stepLabel(t.instruction)}\` | ${cell(t.registers.P1)} | ${cell(t.registers.P2)} | ${t.shared} |`)
    .join("\n");
  const serial = s.initial + s.deposit - s.withdrawal;
  const outcome = classifyOutcome(s, final);
  const why: LocalizedText =
    outcome === "none"
      ? {
          ko: `이번 순서에서는 한 프로세스의 \`store\`가 다른 프로세스의 \`load\`보다 먼저 끝나므로 결과가 직렬 실행과 같습니다(${serial}). 그래도 다른 순서에서는 갱신이 사라질 수 있으므로 이 코드는 여전히 경쟁 조건을 가집니다.`,
          en: `In this order one process's \`store\` completes before the other's \`load\`, so the result equals a serial run (${serial}). The code still has a race: other orders lose an update.`,
        }
      : outcome === "deposit-lost"
        ? {
            ko: `P2가 P1의 \`store\` 이전 값을 읽고 마지막에 저장해서 P1의 입금(${s.deposit})이 덮어써졌습니다(lost update). 직렬 실행이라면 ${serial}이었을 것입니다.`,
            en: `P2 loaded the balance before P1's \`store\` and stored last, overwriting P1's deposit of ${s.deposit} (a lost update). A serial run would give ${serial}.`,
          }
        : {
            ko: `P1이 P2의 \`store\` 이전 값을 읽고 마지막에 저장해서 P2의 출금(${s.withdrawal})이 덮어써졌습니다(lost update). 직렬 실행이라면 ${serial}이었을 것입니다.`,
            en: `P1 loaded the balance before P2's \`store\` and stored last, overwriting P2's withdrawal of ${s.withdrawal} (a lost update). A serial run would give ${serial}.`,
          };
  const header = "| # | step | P1 reg | P2 reg | balance |\n|---|---|---|---|---|";
  const headerKo = "| # | 단계 | P1 레지스터 | P2 레지스터 | 잔액 |\n|---|---|---|---|---|";
  return {
    ko: `${headerKo}\n${rows}\n\n최종 잔액은 **${final}**입니다. ${why.ko}`,
    en: `${header}\n${rows}\n\nThe final balance is **${final}**. ${why.en}`,
  };
}

// ---------------------------------------------------------------- generator

export function createBankRaceGenerator(
  interpreter: RaceInterpreter = runRace,
): QuestionGenerator<GeneratedNumericVariant> {
  return {
    id: "bank-race",
    type: "numeric",
    description: "Final balance after a given interleaving of two unsynchronised load/add/store sequences.",
    generate(seed) {
      const s = bankRaceScenario(seed);
      const { final } = interpreter(s.initial, bankRacePrograms(s), s.schedule);
      const p = renderScenarioPrompt(s, interpreter);
      return {
        type: "numeric",
        params: { initial: s.initial, deposit: s.deposit, withdrawal: s.withdrawal, schedule: s.schedule },
        prompt: {
          ko: `${p.ko}\n\n모든 단계가 끝난 뒤 최종 잔액은 얼마입니까?`,
          en: `${p.en}\n\nWhat is the final balance after all steps have run?`,
        },
        explanation: renderTrace(s, interpreter),
        answer: final,
      };
    },
  };
}

export const bankRaceGenerator = createBankRaceGenerator();
