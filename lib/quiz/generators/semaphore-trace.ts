/**
 * Counting semaphore trace: initial value K, then a sequence of wait/post
 * calls by several processes. What is the value / how many processes are
 * blocked at the end?
 *
 * Semantics (POSIX-style, value never negative): wait on value > 0
 * decrements and continues; wait on 0 blocks the caller. post with blocked
 * waiters wakes the longest-waiting one (FIFO, stated in the prompt), whose
 * wait then completes, value unchanged; otherwise post increments. A
 * semaphore has no owner: any process may post.
 */
import { pluralEn } from "../../i18n/plural";
import { createRng } from "../rng";
import type { GeneratedNumericVariant, QuestionGenerator } from "./types";

export interface SemOp {
  pid: string;
  op: "wait" | "post";
}

export interface SemTraceEntry {
  op: SemOp;
  value: number;
  blocked: string[];
  /** What happened: continued, blocked, woke <pid>, or incremented. */
  effect: { kind: "acquired" } | { kind: "blocked" } | { kind: "woke"; pid: string } | { kind: "incremented" };
}

export interface SemRunResult {
  value: number;
  blocked: string[];
  trace: SemTraceEntry[];
}

export function runSemaphore(initial: number, ops: readonly SemOp[]): SemRunResult {
  let value = initial;
  const blocked: string[] = [];
  const trace: SemTraceEntry[] = [];
  for (const op of ops) {
    if (blocked.includes(op.pid)) throw new Error(`${op.pid} is blocked and cannot call ${op.op}`);
    let effect: SemTraceEntry["effect"];
    if (op.op === "wait") {
      if (value > 0) {
        value--;
        effect = { kind: "acquired" };
      } else {
        blocked.push(op.pid);
        effect = { kind: "blocked" };
      }
    } else if (blocked.length > 0) {
      effect = { kind: "woke", pid: blocked.shift() as string };
    } else {
      value++;
      effect = { kind: "incremented" };
    }
    trace.push({ op, value, blocked: [...blocked], effect });
  }
  return { value, blocked: [...blocked], trace };
}

export interface SemScenario {
  initial: number;
  ops: SemOp[];
  ask: "value" | "blocked";
}

export function semaphoreScenario(seed: number): SemScenario {
  const rng = createRng(seed);
  const pids = ["P1", "P2", "P3", "P4"];
  // Draw until the trace blocks someone at least once: traces where every
  // wait succeeds teach little. The rng stream makes this deterministic.
  for (;;) {
    const initial = rng.int(0, 2);
    const length = rng.int(6, 9);
    const ops: SemOp[] = [];
    let value = initial;
    let everBlocked = false;
    const blocked: string[] = [];
    while (ops.length < length) {
      const runnable = pids.filter((p) => !blocked.includes(p));
      if (runnable.length === 0) break;
      const pid = rng.pick(runnable);
      const op: SemOp["op"] = rng.next() < 0.65 ? "wait" : "post";
      ops.push({ pid, op });
      if (op === "wait") {
        if (value > 0) value--;
        else {
          blocked.push(pid);
          everBlocked = true;
        }
      } else if (blocked.length > 0) blocked.shift();
      else value++;
    }
    if (everBlocked) return { initial, ops, ask: rng.next() < 0.5 ? "value" : "blocked" };
  }
}

const effectText = {
  ko: (e: SemTraceEntry["effect"]) =>
    e.kind === "acquired" ? "값 감소, 계속 진행" : e.kind === "blocked" ? "값이 0 → 블록" : e.kind === "woke" ? `${e.pid} 깨움(값 그대로)` : "값 증가",
  en: (e: SemTraceEntry["effect"]) =>
    e.kind === "acquired" ? "decrement, continue" : e.kind === "blocked" ? "value 0 → blocks" : e.kind === "woke" ? `wakes ${e.pid} (value unchanged)` : "increment",
};

export const semaphoreTraceGenerator: QuestionGenerator<GeneratedNumericVariant> = {
  id: "semaphore-trace",
  type: "numeric",
  description: "Value of / number blocked on a counting semaphore after a sequence of wait/post calls.",
  generate(seed) {
    const s = semaphoreScenario(seed);
    const run = runSemaphore(s.initial, s.ops);
    const answer = s.ask === "value" ? run.value : run.blocked.length;
    const list = s.ops.map((o, i) => `${i + 1}. ${o.pid}: \`${o.op === "wait" ? "sem_wait" : "sem_post"}(&s)\``).join("\n");
    const table = (lang: "ko" | "en") =>
      run.trace
        .map((t, i) => `| ${i + 1} | ${t.op.pid} ${t.op.op} | ${effectText[lang](t.effect)} | ${t.value} | ${t.blocked.join(", ") || "–"} |`)
        .join("\n");
    const blockedList = run.blocked.join(", ") || "–";
    return {
      type: "numeric",
      params: { initial: s.initial, ops: s.ops, ask: s.ask },
      prompt: {
        ko:
          `계수 세마포어 \`s\`의 초깃값은 **${s.initial}**입니다. 값은 음수가 되지 않습니다. 값이 0일 때 \`sem_wait\`를 부른 프로세스는 블록되고, ` +
          "`sem_post`는 블록된 프로세스가 있으면 가장 오래 기다린 하나를 깨우며(그 프로세스의 `sem_wait`가 완료되고 값은 그대로), 없으면 값을 1 올립니다. " +
          "블록된 프로세스는 깨어나기 전까지 다음 호출을 하지 못합니다. 호출 순서는 다음과 같습니다.\n\n" +
          `${list}\n\n` +
          (s.ask === "value" ? "모든 호출이 끝난 뒤 세마포어의 값은 얼마입니까?" : "모든 호출이 끝난 뒤 블록되어 있는 프로세스는 몇 개입니까?"),
        en:
          `Counting semaphore \`s\` starts at **${s.initial}**; its value never goes negative. A process calling \`sem_wait\` when the value is 0 blocks; ` +
          "`sem_post` wakes the longest-waiting blocked process if there is one (its `sem_wait` completes and the value stays the same), otherwise it adds 1. " +
          "A blocked process makes no further calls until it is woken. The calls happen in this order:\n\n" +
          `${list}\n\n` +
          (s.ask === "value" ? "What is the semaphore's value after all the calls?" : "How many processes are blocked after all the calls?"),
      },
      explanation: {
        ko:
          "| # | 호출 | 효과 | 값 | 블록된 프로세스 |\n|---|---|---|---|---|\n" +
          table("ko") +
          `\n\n끝난 뒤 값은 ${run.value}, 블록된 프로세스는 ${run.blocked.length}개(${blockedList})입니다. ` +
          `질문은 ${s.ask === "value" ? "세마포어의 값" : "블록된 프로세스 수"}이므로 답은 **${answer}**입니다. ` +
          "세마포어에는 소유자가 없으므로 `sem_wait`를 하지 않은 프로세스도 `sem_post`를 할 수 있다는 점에 주의하세요.",
        en:
          "| # | call | effect | value | blocked |\n|---|---|---|---|---|\n" +
          table("en") +
          `\n\nAt the end the value is ${run.value} and ${pluralEn(run.blocked.length, "1 process is", `${run.blocked.length} processes are`)} blocked (${blockedList}). ` +
          `The question asks for ${s.ask === "value" ? "the value" : "the number of blocked processes"}, so the answer is **${answer}**. ` +
          "Note that a semaphore has no owner: a process that never waited may post.",
      },
      answer,
    };
  },
};
