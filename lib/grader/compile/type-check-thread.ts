import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../types";
import type { TypeCheckRequest, TypeCheckResponse } from "./type-check-worker";

type Pending = { worker: Worker; resolve: (diagnostics: Diagnostic[]) => void; reject: (error: Error) => void; timer?: NodeJS.Timeout };

/** The check did not finish in time; the thread was stopped (a new one starts on the next check). */
export class TypeCheckTimeout extends Error {}

/**
 * Type checks on a thread of their own. In a grader worker the main thread serves the
 * isolates' calls (their verdicts) and watches their time limits; a type check of a large
 * submission would hold both up. The thread keeps the process alive only while a check is
 * pending, and a dead thread is replaced on the next check.
 */
export class TypeCheckThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.start(); // loading TypeScript takes a while: begin before the first submission
  }

  /** Rejects with TypeCheckTimeout after `timeoutMs` (a type-level bomb must not hang grading). */
  typeDiagnostics(source: string, severity: Diagnostic["severity"], timeoutMs = 10_000): Promise<Diagnostic[]> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(worker, new TypeCheckTimeout(`the type check did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { worker, resolve, reject, timer });
      worker.ref();
      worker.postMessage({ id, source, severity } satisfies TypeCheckRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    // The thread runs TypeScript sources, as this process does.
    const worker = new Worker(new URL("./type-check-worker.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
    worker.unref();
    worker.on("message", (response: TypeCheckResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.settle(response.id, waiting);
      if ("error" in response) waiting.reject(new Error(response.error));
      else waiting.resolve(response.diagnostics);
    });
    worker.on("error", (error) => this.stop(worker, error));
    worker.on("exit", (code) => this.stop(worker, new Error(`the type-check thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, p: Pending): void {
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (![...this.pending.values()].some((q) => q.worker === p.worker)) p.worker.unref();
  }

  /** Fails the checks waiting on `worker` and ends it; the next check starts a new thread. */
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
