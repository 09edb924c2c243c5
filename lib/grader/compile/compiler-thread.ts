import { Worker } from "node:worker_threads";
import type { SubmissionCompiler } from "./compile-typescript";
import type { CompilerCall, CompilerMethod, CompilerReply } from "./compiler-worker";

/** The compiler did not answer in time; its thread was stopped and a new one started. */
export class CompileTimeout extends Error {}

/** The compiler failed on this source (it threw, or its thread died while working on it). */
export class CompileFailed extends Error {}

/** Loading TypeScript and the standard library's types takes ~0.7 s on an idle machine. */
const STARTUP_LIMIT_MS = 60_000;
/** A type-level bomb may try to take the whole heap; the thread dies instead of the process. */
const HEAP_LIMIT_MB = 768;

type Thread = { worker: Worker; ready: boolean; startup: NodeJS.Timeout };
type Pending = { thread: Thread; timeoutMs: number; resolve: (result: unknown) => void; reject: (error: Error) => void; timer?: NodeJS.Timeout };

/**
 * The submission compiler on a thread of its own. In a grader worker the main thread serves
 * the isolates' calls (their verdicts) and watches their time limits; type-checking a large
 * submission would hold both up. And TypeScript stays out of the main thread altogether:
 * loading and running it there cost ~150 MB per worker on top of this thread's copy.
 * A call's time limit runs from when the thread is ready, so a cold start never counts
 * against a student. The thread keeps the process alive only while a call is pending, and a
 * dead thread is replaced on the next call.
 */
export class CompilerThread {
  private thread: Thread | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.start(); // loading TypeScript takes a while: begin before the first submission
  }

  /**
   * Runs `method` of the compiler on the thread. Rejects with CompileTimeout after
   * `timeoutMs` (a type-level bomb must not hang grading), with CompileFailed when the
   * compiler fails on this source, and with a plain Error when the thread cannot start.
   */
  call<M extends CompilerMethod>(method: M, args: Parameters<SubmissionCompiler[M]>, timeoutMs = 10_000): Promise<ReturnType<SubmissionCompiler[M]>> {
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const p: Pending = { thread, timeoutMs, resolve: resolve as (result: unknown) => void, reject };
      this.pending.set(id, p);
      if (thread.ready) this.startTimer(p);
      thread.worker.ref();
      thread.worker.postMessage({ id, method, args } satisfies CompilerCall<M>);
    });
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    if (thread) clearTimeout(thread.startup);
    await thread?.worker.terminate();
  }

  private start(): Thread {
    // The thread runs TypeScript sources, as this process does.
    const worker = new Worker(new URL("./compiler-worker.ts", import.meta.url), { execArgv: ["--import", "tsx"], resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    const thread: Thread = {
      worker,
      ready: false,
      startup: setTimeout(() => this.stop(thread, new Error(`the compiler thread did not start within ${STARTUP_LIMIT_MS / 1000} s`)), STARTUP_LIMIT_MS).unref(),
    };
    worker.unref();
    worker.on("message", (reply: CompilerReply) => {
      if ("ready" in reply) {
        thread.ready = true;
        clearTimeout(thread.startup);
        for (const p of this.pending.values()) if (p.thread === thread) this.startTimer(p);
        return;
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.settle(reply.id, waiting);
      if ("error" in reply) waiting.reject(new CompileFailed(reply.error));
      else waiting.resolve(reply.result);
    });
    // Dying before it was ready is the thread's fault; after, the source it was working on is to blame.
    const died = (why: string) => (thread.ready ? new CompileFailed(`the compiler crashed (${why})`) : new Error(`the compiler thread failed to start (${why})`));
    worker.on("error", (error) => this.stop(thread, died(error.message)));
    worker.on("exit", (code) => this.stop(thread, died(`exit code ${code}`)));
    this.thread = thread;
    return thread;
  }

  private startTimer(p: Pending): void {
    p.timer = setTimeout(() => {
      const current = this.thread === p.thread;
      this.stop(p.thread, new CompileTimeout(`the compiler did not finish within ${p.timeoutMs} ms`));
      // The next submission should not wait for TypeScript to load (unless closed meanwhile).
      if (current) this.start();
    }, p.timeoutMs);
  }

  private settle(id: number, p: Pending): void {
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (![...this.pending.values()].some((q) => q.thread === p.thread)) p.thread.worker.unref();
  }

  /** Fails the calls waiting on `thread` and ends it. */
  private stop(thread: Thread, error: Error): void {
    if (this.thread === thread) this.thread = null;
    clearTimeout(thread.startup);
    for (const [id, p] of this.pending) {
      if (p.thread !== thread) continue;
      this.settle(id, p);
      p.reject(error);
    }
    void thread.worker.terminate();
  }
}
