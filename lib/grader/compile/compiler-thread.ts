import { Worker } from "node:worker_threads";
import { wrap, type Remote } from "comlink";
// Comlink's adapter from worker_threads ports to its endpoint interface (the UMD build has types).
import nodeEndpoint from "comlink/dist/umd/node-adapter.js";
import type { SubmissionCompiler } from "./compile-typescript";

/** The calls a grader makes of the compiler. */
export type CompilerMethod = "transpile" | "typeDiagnostics" | "compile";

/** Posted by the thread once the compiler is loaded and warm: call deadlines start from here. */
export const COMPILER_READY = "ipclab:compiler-ready";

/** The compiler did not answer in time; its thread was stopped and a new one started. */
export class CompileTimeout extends Error {}

/** The compiler failed on this source (it threw, or its thread died while working on it). */
export class CompileFailed extends Error {}

/** Loading TypeScript and the standard library's types takes ~0.7 s on an idle machine. */
const STARTUP_LIMIT_MS = 60_000;
/** A type-level bomb may try to take the whole heap; the thread dies instead of the process. */
const HEAP_LIMIT_MB = 768;

type Thread = {
  worker: Worker;
  compiler: Remote<Pick<SubmissionCompiler, CompilerMethod>>;
  /** Resolves when the compiler is loaded; rejects if the thread never gets there. */
  ready: Promise<void>;
  /** Rejects when the thread ends, with the reason every call still waiting on it gets. */
  ended: Promise<never>;
  end: (reason: Error) => void;
  calls: number;
};

/**
 * The submission compiler on a thread of its own, called through Comlink. In a grader
 * worker the main thread serves the isolates' calls (their verdicts) and watches their time
 * limits; type-checking a large submission would hold both up. And TypeScript stays out of
 * the main thread altogether: loading and running it there cost ~150 MB per worker on top of
 * this thread's copy. A call's time limit runs from when the thread is ready, so a cold
 * start never counts against a student. The thread keeps the process alive only while a
 * call is pending, and a dead thread is replaced on the next call (ADR 013).
 */
export class CompilerThread {
  private thread: Thread | null = null;

  constructor() {
    this.start(); // loading TypeScript takes a while: begin before the first submission
  }

  /**
   * Runs `method` of the compiler on the thread. Rejects with CompileTimeout after
   * `timeoutMs` (a type-level bomb must not hang grading), with CompileFailed when the
   * compiler fails on this source, and with a plain Error when the thread cannot start.
   */
  async call<M extends CompilerMethod>(method: M, args: Parameters<SubmissionCompiler[M]>, timeoutMs = 10_000): Promise<ReturnType<SubmissionCompiler[M]>> {
    const thread = this.thread ?? this.start();
    if (thread.calls++ === 0) thread.worker.ref();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([thread.ready, thread.ended]);
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const current = this.thread === thread;
          reject(new CompileTimeout(`the compiler did not finish within ${timeoutMs} ms`));
          this.stop(thread, new CompileTimeout("the compiler was stopped after another call overran"));
          // The next submission should not wait for TypeScript to load (unless closed meanwhile).
          if (current) this.start();
        }, timeoutMs);
      });
      const answer = (thread.compiler[method] as unknown as (...a: typeof args) => Promise<ReturnType<SubmissionCompiler[M]>>)(...args).catch((error: unknown) => {
        throw new CompileFailed(String((error as Error)?.message ?? error));
      });
      return await Promise.race([answer, thread.ended, deadline]);
    } finally {
      clearTimeout(timer);
      if (--thread.calls === 0) thread.worker.unref();
    }
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    if (thread) this.stop(thread, new Error("the compiler was closed"));
  }

  private start(): Thread {
    // The thread runs TypeScript sources, as this process does.
    const worker = new Worker(new URL("./compiler-worker.ts", import.meta.url), { execArgv: ["--import", "tsx"], resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    worker.unref();
    let end!: (reason: Error) => void;
    const ended = new Promise<never>((_, reject) => (end = reject));
    ended.catch(() => {}); // observed by the calls that race it
    let isReady = false;
    const ready = new Promise<void>((resolve, reject) => {
      const limit = setTimeout(() => reject(new Error(`the compiler thread did not start within ${STARTUP_LIMIT_MS / 1000} s`)), STARTUP_LIMIT_MS).unref();
      worker.on("message", (message: unknown) => {
        if (message !== COMPILER_READY) return;
        isReady = true;
        clearTimeout(limit);
        resolve();
      });
    });
    const thread: Thread = { worker, compiler: wrap(nodeEndpoint(worker)), ready, ended, end, calls: 0 };
    ready.catch((error: Error) => this.stop(thread, error));
    // Dying before it was ready is the thread's fault; after, the source it was working on is to blame.
    const died = (why: string) => (isReady ? new CompileFailed(`the compiler crashed (${why})`) : new Error(`the compiler thread failed to start (${why})`));
    worker.on("error", (error) => this.stop(thread, died(error.message)));
    worker.on("exit", (code) => this.stop(thread, died(`exit code ${code}`)));
    this.thread = thread;
    return thread;
  }

  /** Fails the calls waiting on `thread` with `reason` (the first reason wins) and ends it. */
  private stop(thread: Thread, reason: Error): void {
    if (this.thread === thread) this.thread = null;
    thread.end(reason);
    void thread.worker.terminate();
  }
}
