import ivm from "isolated-vm";
import { JUDGE_MEMORY_MB } from "../limits";
import type { JudgeAnswer } from "./judge-batch";
import { JUDGE_GLOBAL, type JudgeScript } from "./judge-bundle";

/**
 * The judge isolate: one per process, long-lived, trusted (it runs exercise code only, never
 * student code), apart from both the student's sandbox and the host's own heap. The host
 * calls it synchronously from inside the sandbox's judge callback, with a timeout, so a slow
 * or memory-hungry check costs at most the job's remaining time and this isolate's heap.
 */

export type SuiteIds = { hidden: string[]; public: string[] };

/** How one call went: verdicts, or the limit that stopped it (the isolate is then replaced). */
export type JudgeCall = { kind: "ok"; answer: JudgeAnswer } | { kind: "timeout" } | { kind: "memory" } | { kind: "error"; detail: string };

type JudgeContext = { context: ivm.Context; judge: ivm.Reference<(suite: string, index: number, snapshotsJson: string) => string>; ids: SuiteIds };

/** Trusted set-up (evaluating an exercise's tests) gets this long. */
const SETUP_TIMEOUT_MS = 5000;
/** The longest timeout passed to isolated-vm (a 32-bit count of ms); an unbounded one made each call ~2 ms slower. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** Contexts kept (one per exercise version); the oldest is released past this. */
const MAX_CONTEXTS = 32;

let isolate: ivm.Isolate | null = null;
const contexts = new Map<string, JudgeContext>();

function liveIsolate(): ivm.Isolate {
  if (!isolate || isolate.isDisposed) {
    contexts.clear(); // they died with their isolate
    isolate = new ivm.Isolate({ memoryLimit: JUDGE_MEMORY_MB });
  }
  return isolate;
}

/** Disposes the judge isolate (after a limit, or in tests); the next call builds a new one. */
export function resetJudgeIsolate(): void {
  contexts.clear();
  if (isolate && !isolate.isDisposed) isolate.dispose();
  isolate = null;
}

function releaseOldest(): void {
  const [key, oldest] = contexts.entries().next().value!;
  contexts.delete(key);
  oldest.judge.release();
  oldest.context.release();
}

/**
 * The context running `script`, created on first use. Synchronous, because the sandbox's
 * judge callback is: a call after a reset rebuilds it there (a few ms, once).
 */
export function judgeContext(script: JudgeScript): JudgeContext {
  const iso = liveIsolate();
  const existing = contexts.get(script.key);
  if (existing) return existing;
  const context = iso.createContextSync();
  try {
    iso.compileScriptSync(script.code, { filename: script.filename }).runSync(context, { timeout: SETUP_TIMEOUT_MS });
    const api = context.global.getSync(JUDGE_GLOBAL, { reference: true }) as ivm.Reference<{ ids: SuiteIds; judge: unknown }>;
    const judge = api.getSync("judge", { reference: true }) as unknown as JudgeContext["judge"];
    const ids = api.getSync("ids", { copy: true }) as SuiteIds;
    context.global.deleteSync(JUDGE_GLOBAL);
    if (contexts.size >= MAX_CONTEXTS) releaseOldest();
    const created = { context, judge, ids };
    contexts.set(script.key, created);
    return created;
  } catch (error) {
    context.release();
    throw error;
  }
}

function parseAnswer(json: unknown): JudgeAnswer | null {
  if (typeof json !== "string") return null;
  const answer = JSON.parse(json) as Partial<JudgeAnswer> | null;
  const verdicts = answer?.verdicts;
  const errors = answer?.errors;
  if (!Array.isArray(verdicts) || !verdicts.every((v) => v === null || typeof v === "string")) return null;
  if (!Array.isArray(errors) || !errors.every((e) => typeof e === "string")) return null;
  return { verdicts, errors };
}

/**
 * Judges a batch of runs of test `index` of `suite` in the judge isolate, stopping after
 * `timeoutMs`. A timeout or a heap overflow replaces the isolate: a check stopped midway may
 * have left its context in any state.
 */
export function callJudge(script: JudgeScript, suite: "hidden" | "public", index: number, snapshotsJson: string, timeoutMs: number): JudgeCall {
  let json: unknown;
  try {
    const { judge } = judgeContext(script);
    json = judge.applySync(undefined, [suite, index, snapshotsJson], { timeout: Math.min(MAX_TIMEOUT_MS, Math.max(1, Math.ceil(timeoutMs))) });
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    const outOfMemory = isolate?.isDisposed || /memory limit|out of memory|Array buffer allocation failed/i.test(message);
    resetJudgeIsolate();
    if (outOfMemory) return { kind: "memory" };
    if (/Script execution timed out/i.test(message)) return { kind: "timeout" };
    return { kind: "error", detail: message };
  }
  try {
    const answer = parseAnswer(json);
    return answer ? { kind: "ok", answer } : { kind: "error", detail: "the judge returned a malformed answer" };
  } catch (error) {
    return { kind: "error", detail: `the judge returned a malformed answer: ${String((error as Error)?.message ?? error)}` };
  }
}
