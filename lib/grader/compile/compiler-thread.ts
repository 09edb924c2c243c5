import { Worker } from "node:worker_threads";
import type { SubmissionCompiler } from "./compile-typescript";
import type { CompilerCall, CompilerMethod, CompilerReply } from "./compiler-worker";

type Pending = { worker: Worker; resolve: (result: unknown) => void; reject: (error: Error) => void; timer?: NodeJS.Timeout };

/** The compiler did not answer in time; its thread was stopped and a new one started. */
export class CompileTimeout extends Error {}

/**
 * The submission compiler on a thread of its own. In a grader worker the main thread serves
 * the isolates' calls (their verdicts) and watches their time limits; type-checking a large
 * submission would hold both up. And TypeScript stays out of the main thread altogether:
 * loading and running it there cost ~150 MB per worker on top of this thread's copy.
 * The thread keeps the process alive only while a call is pending, and a dead thread is
 * replaced on the next call.
 */
export class CompilerThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.start(); // loading TypeScript takes a while: begin before the first submission
  }

  /**
   * Runs `method` of the compiler on the thread. Rejects with CompileTimeout after
   * `timeoutMs` (a type-level bomb must not hang grading), with another error if the thread died.
   */
  call<M extends CompilerMethod>(method: M, args: Parameters<SubmissionCompiler[M]>, timeoutMs = 10_000): Promise<ReturnType<SubmissionCompiler[M]>> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const current = this.worker === worker;
        this.stop(worker, new CompileTimeout(`the compiler did not finish within ${timeoutMs} ms`));
        // The next submission should not wait for TypeScript to load (unless closed meanwhile).
        if (current) this.start();
      }, timeoutMs);
      this.pending.set(id, { worker, resolve: resolve as (result: unknown) => void, reject, timer });
      worker.ref();
      worker.postMessage({ id, method, args } satisfies CompilerCall<M>);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    // The thread runs TypeScript sources, as this process does.
    const worker = new Worker(new URL("./compiler-worker.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
    worker.unref();
    worker.on("message", (reply: CompilerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.settle(reply.id, waiting);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.result);
    });
    worker.on("error", (error) => this.stop(worker, error));
    worker.on("exit", (code) => this.stop(worker, new Error(`the compiler thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, p: Pending): void {
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (![...this.pending.values()].some((q) => q.worker === p.worker)) p.worker.unref();
  }

  /** Fails the calls waiting on `worker` and ends it. */
  private stop(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null;
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.settle(id, p);
      p.reject(error);
    }
    void worker.terminate();
  }
}
