/**
 * Pipe capacity: a writer issues blocking writes into a pipe whose buffer
 * holds exactly N bytes while a reader occasionally reads. When does the
 * writer block, and what has it written / what is buffered by then?
 *
 * Model (stated in the prompt): every write is at most PIPE_BUF bytes, so it
 * is atomic — it either fits completely (and returns at once, without
 * waiting for a reader) or the writer blocks without writing any of it.
 * A read of r bytes on a non-empty pipe returns min(r, buffered) at once.
 * Real Linux pipes account capacity in pages, not bytes; the question says
 * "in this model" for that reason.
 */
import { createRng } from "../rng";
import type { GeneratedNumericVariant, QuestionGenerator } from "./types";

export type PipeOp = { who: "writer"; n: number } | { who: "reader"; n: number };

export interface PipeTraceEntry {
  op: PipeOp;
  /** Bytes actually transferred (0 for the blocking write). */
  done: number;
  buffered: number;
  blocked: boolean;
}

export interface PipeRunResult {
  /** Total bytes the writer got into the pipe before it blocked (or finished). */
  written: number;
  /** Bytes in the buffer at the end. */
  buffered: number;
  /** 0-based index of the write that blocked, or -1 if none did. */
  blockedAt: number;
  trace: PipeTraceEntry[];
}

/** Runs the script until the writer's first blocking write (ops after it are not run). */
export function runPipeScript(capacity: number, ops: readonly PipeOp[]): PipeRunResult {
  let buffered = 0;
  let written = 0;
  const trace: PipeTraceEntry[] = [];
  for (const [i, op] of ops.entries()) {
    if (op.who === "writer") {
      if (op.n > capacity) throw new Error("a write larger than the pipe is not atomic; not modelled");
      if (buffered + op.n > capacity) {
        trace.push({ op, done: 0, buffered, blocked: true });
        return { written, buffered, blockedAt: i, trace };
      }
      buffered += op.n;
      written += op.n;
      trace.push({ op, done: op.n, buffered, blocked: false });
    } else {
      if (buffered === 0) throw new Error("a read on an empty pipe would block; not modelled");
      const got = Math.min(op.n, buffered);
      buffered -= got;
      trace.push({ op, done: got, buffered, blocked: false });
    }
  }
  return { written, buffered, blockedAt: -1, trace };
}

export interface PipeScenario {
  capacity: number;
  ops: PipeOp[];
  ask: "written" | "buffered";
}

export function pipeScenario(seed: number): PipeScenario {
  const rng = createRng(seed);
  const capacity = rng.pick([64, 100, 128, 200, 256]);
  const ops: PipeOp[] = [];
  let buffered = 0;
  let reads = 0;
  let writes = 0;
  for (;;) {
    const canRead = buffered > 0 && writes >= 1 && reads < 2;
    if (canRead && rng.next() < 0.35) {
      const n = rng.int(1, Math.ceil((buffered + 20) / 5)) * 5;
      ops.push({ who: "reader", n });
      buffered -= Math.min(n, buffered);
      reads++;
      continue;
    }
    const n = rng.int(2, Math.floor(capacity / 2 / 5)) * 5;
    ops.push({ who: "writer", n });
    writes++;
    if (buffered + n > capacity) break;
    buffered += n;
  }
  return { capacity, ops, ask: rng.next() < 0.5 ? "written" : "buffered" };
}

function renderOps(ops: readonly PipeOp[], lang: "ko" | "en"): string {
  return ops
    .map((op, i) =>
      lang === "ko"
        ? `${i + 1}. ${op.who === "writer" ? "쓰기 프로세스" : "읽기 프로세스"}: \`${op.who === "writer" ? "write" : "read"}(fd, buf, ${op.n})\``
        : `${i + 1}. ${op.who}: \`${op.who === "writer" ? "write" : "read"}(fd, buf, ${op.n})\``,
    )
    .join("\n");
}

export const pipeCapacityGenerator: QuestionGenerator<GeneratedNumericVariant> = {
  id: "pipe-capacity",
  type: "numeric",
  description: "Bytes written / buffered when a writer first blocks on a pipe of fixed capacity.",
  generate(seed) {
    const s = pipeScenario(seed);
    const run = runPipeScript(s.capacity, s.ops);
    const answer = s.ask === "written" ? run.written : run.buffered;
    const rows = run.trace
      .map(
        (t, i) =>
          `| ${i + 1} | ${t.op.who === "writer" ? "write" : "read"} ${t.op.n} | ${t.blocked ? "0 (blocks)" : t.done} | ${t.buffered} |`,
      )
      .join("\n");
    const question =
      s.ask === "written"
        ? {
            ko: "쓰기 프로세스가 처음으로 블록되는 순간, 지금까지 파이프에 성공적으로 쓴 바이트는 모두 몇 바이트입니까?",
            en: "At the moment the writer first blocks, how many bytes in total has it successfully written into the pipe?",
          }
        : {
            ko: "쓰기 프로세스가 처음으로 블록되는 순간, 파이프 버퍼에는 몇 바이트가 들어 있습니까?",
            en: "At the moment the writer first blocks, how many bytes are sitting in the pipe buffer?",
          };
    return {
      type: "numeric",
      params: { capacity: s.capacity, ops: s.ops, ask: s.ask },
      prompt: {
        ko:
          `이 모델에서 파이프 버퍼는 정확히 **${s.capacity}바이트**를 담을 수 있고 처음에는 비어 있습니다. ` +
          "모든 쓰기는 PIPE_BUF 이하이므로 원자적입니다. 즉 전부 들어갈 자리가 있으면 읽는 쪽을 기다리지 않고 바로 반환하고, " +
          "자리가 모자라면 한 바이트도 쓰지 않고 블록됩니다. 비어 있지 않은 파이프에서 `read(fd, buf, r)`는 " +
          "min(r, 버퍼에 있는 바이트 수)만큼 바로 읽어 옵니다. 호출은 다음 순서로 일어납니다.\n\n" +
          `${renderOps(s.ops, "ko")}\n\n${question.ko}`,
        en:
          `In this model the pipe buffer holds exactly **${s.capacity} bytes** and starts empty. ` +
          "Every write is at most PIPE_BUF bytes, so it is atomic: if all of it fits, it returns at once without waiting " +
          "for the reader; if not, the writer blocks without writing any of it. On a non-empty pipe `read(fd, buf, r)` " +
          "returns min(r, bytes buffered) at once. The calls happen in this order:\n\n" +
          `${renderOps(s.ops, "en")}\n\n${question.en}`,
      },
      explanation: {
        ko:
          "| # | 호출 | 옮긴 바이트 | 버퍼 |\n|---|---|---|---|\n" +
          rows.replaceAll("0 (blocks)", "0 (블록)") +
          `\n\n${run.trace.length}번째 호출에서 남은 공간(${s.capacity - run.buffered}바이트)이 쓰려는 크기보다 작아 블록됩니다. ` +
          `그때까지 쓴 양은 ${run.written}바이트, 버퍼에 남은 양은 ${run.buffered}바이트이므로 답은 **${answer}**입니다.`,
        en:
          "| # | call | bytes moved | buffered |\n|---|---|---|---|\n" +
          rows +
          `\n\nCall ${run.trace.length} blocks because the free space (${s.capacity - run.buffered} byte${s.capacity - run.buffered === 1 ? "" : "s"}) is smaller than the write. ` +
          `By then ${run.written} bytes have been written and ${run.buffered} are buffered, so the answer is **${answer}**.`,
      },
      answer,
      unit: { ko: "바이트", en: "bytes" },
    };
  },
};
