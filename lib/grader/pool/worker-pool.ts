import path from "node:path";
import type { GradeProgress, GradeReport, GradeRequest } from "../types";
import { failureReport } from "./failure-report";
import { silentLog, type GraderLog } from "./grader-log";
import { PoolWorker, describeExit, type JobOutcome } from "./pool-worker";

// Inside Next's server bundle import.meta.dirname is undefined; the app runs from the project root.
export const PROJECT_ROOT = import.meta.dirname ? path.resolve(import.meta.dirname, "../../..") : process.cwd();
export const DEFAULT_WORKER_ENTRY = path.join(PROJECT_ROOT, "lib/grader/worker-process.ts");

export type WorkerPoolOptions = {
  /** Number of worker processes (GRADER_WORKERS). */
  size: number;
  /** Jobs a worker runs before it is replaced by a fresh process (GRADER_JOBS_PER_WORKER). */
  jobsPerWorker: number;
  /** Worker entry module; defaults to lib/grader/worker-process.ts. */
  entry?: string;
  /** Hard wall-clock limit of one job, unless run() is given its own. */
  timeoutMs?: number;
  /** Heap cap of each worker process. */
  memoryMb?: number;
  /** CPU niceness of the worker processes (GRADER_NICE); 0 keeps the parent's priority. */
  niceness?: number;
  log?: GraderLog;
};

export type RunOptions = { onProgress?: (progress: GradeProgress) => void; timeoutMs?: number };

export type PoolStats = { size: number; busy: number; idle: number; starting: number; queued: number; recycled: number; killed: number; crashed: number };

/** run() was refused or abandoned because the pool is shutting down (not the student's fault). */
export class PoolClosedError extends Error {
  constructor() {
    super("The worker pool is closed.");
  }
}

type WaitingJob = { request: GradeRequest; options: RunOptions; resolve: (report: GradeReport) => void; reject: (error: Error) => void };

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MEMORY_MB = 256;
/** After this many workers in a row die before becoming ready, waiting jobs are failed. */
const MAX_START_FAILURES = 3;

/**
 * N worker processes, separate from the web server, grading one job each at a time.
 * Jobs wait FIFO for a free worker. A worker is replaced after `jobsPerWorker` jobs (so
 * leaks cannot accumulate), when it overruns the job's hard time limit (SIGKILL), or when
 * it dies. A student's fault never throws: it comes back as a `resource-limit` report.
 */
export class WorkerPool {
  readonly size: number;
  private readonly options: Required<Omit<WorkerPoolOptions, "log">> & { log: GraderLog };
  private readonly workers = new Set<PoolWorker>();
  private readonly idle: PoolWorker[] = [];
  private readonly busy = new Set<PoolWorker>();
  private readonly waiting: WaitingJob[] = [];
  private readonly counters = { recycled: 0, killed: 0, crashed: 0 };
  private startFailures = 0;
  private closing = false;
  private forced = false;
  private drained?: () => void;

  constructor(options: WorkerPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`WorkerPool size must be a positive integer, got ${options.size}`);
    this.size = options.size;
    this.options = {
      entry: DEFAULT_WORKER_ENTRY,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      memoryMb: DEFAULT_MEMORY_MB,
      niceness: 0,
      log: silentLog,
      ...options,
    };
    for (let i = 0; i < this.size; i++) this.spawnWorker();
  }

  /** Grades one request in a worker process. Rejects only with PoolClosedError. */
  run(request: GradeRequest, options: RunOptions = {}): Promise<GradeReport> {
    if (this.closing) return Promise.reject(new PoolClosedError());
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, options, resolve, reject });
      this.dispatch();
    });
  }

  stats(): PoolStats {
    return {
      size: this.size,
      busy: this.busy.size,
      idle: this.idle.length,
      starting: this.workers.size - this.busy.size - this.idle.length,
      queued: this.waiting.length,
      ...this.counters,
    };
  }

  /** Resolves once every current worker process has started (rejects if one failed to). */
  async ready(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.ready));
  }

  /** Process ids of the live workers (diagnostics and tests). */
  pids(): number[] {
    return [...this.workers].map((w) => w.pid).filter((pid): pid is number => pid !== undefined);
  }

  /**
   * Stops the pool. By default it drains: accepted jobs (running and waiting) finish first.
   * With `force`, waiting and running jobs are rejected with PoolClosedError at once.
   * Either way every worker process has exited when the promise resolves.
   */
  async close({ force = false } = {}): Promise<void> {
    this.closing = true;
    if (force) {
      this.forced = true;
      for (const job of this.waiting.splice(0)) job.reject(new PoolClosedError());
    } else if (this.waiting.length > 0 || this.busy.size > 0) {
      await new Promise<void>((resolve) => (this.drained = resolve));
    }
    const workers = [...this.workers];
    await Promise.all(workers.map((w) => (force ? (w.kill(), w.exited) : w.stop())));
  }

  private spawnWorker(): void {
    const worker = new PoolWorker({ entry: this.options.entry, cwd: PROJECT_ROOT, memoryMb: this.options.memoryMb, niceness: this.options.niceness });
    this.workers.add(worker);
    worker.ready.then(
      () => {
        this.startFailures = 0;
        if (this.closing && this.waiting.length === 0) return void worker.stop();
        this.idle.push(worker);
        this.dispatch();
      },
      (error: Error) => {
        this.startFailures++;
        this.options.log("grader.worker.start-failed", { pid: worker.pid, error: error.message, consecutive: this.startFailures });
        if (this.startFailures >= MAX_START_FAILURES) this.failWaitingJobs();
      },
    );
    void worker.exited.then(() => this.onWorkerExit(worker));
  }

  private onWorkerExit(worker: PoolWorker): void {
    this.workers.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    if (!this.needsWorkers()) return;
    // Back off when workers cannot even start (broken entry), instead of a tight fork loop.
    const delay = this.startFailures === 0 ? 0 : Math.min(250 * 2 ** this.startFailures, 10_000);
    setTimeout(() => this.needsWorkers() && this.spawnWorker(), delay).unref();
  }

  /** Below strength, and there is (or may still come) work: while open, or draining jobs. */
  private needsWorkers(): boolean {
    if (this.forced || this.workers.size >= this.size) return false;
    return !this.closing || this.waiting.length > 0;
  }

  private failWaitingJobs(): void {
    for (const job of this.waiting.splice(0)) {
      job.resolve(failureReport(job.request, "internal-error", "The grader could not start. Your submission will be graded again."));
    }
    this.checkDrained();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      void this.execute(this.idle.shift()!, this.waiting.shift()!);
    }
    this.checkDrained();
  }

  private async execute(worker: PoolWorker, job: WaitingJob): Promise<void> {
    this.busy.add(worker);
    const timeoutMs = job.options.timeoutMs ?? this.options.timeoutMs;
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<"overrun">((resolve) => (timer = setTimeout(() => resolve("overrun"), timeoutMs)));
    const outcome: JobOutcome | "overrun" = await Promise.race([worker.run(job.request, job.options.onProgress), overrun]);
    clearTimeout(timer);
    this.busy.delete(worker);
    const durationMs = Date.now() - started;

    if (this.forced) {
      job.reject(new PoolClosedError());
    } else if (outcome === "overrun") {
      worker.kill();
      this.counters.killed++;
      this.options.log("grader.worker.killed", { pid: worker.pid, reason: "time limit", timeoutMs });
      job.resolve(failureReport(job.request, "resource-limit", `Time limit exceeded: grading was stopped after ${formatSeconds(timeoutMs)}.`, { wallMs: timeoutMs, durationMs }));
    } else if (outcome.kind === "exit") {
      // The worker process died while running this submission. Worker code itself is
      // simple and stable, so the likely cause is what the submission did (typically
      // exhausting memory); we report it as a resource limit. See ADR 002.
      this.counters.crashed++;
      this.options.log("grader.worker.crashed", { pid: worker.pid, exit: describeExit(outcome.exit) });
      job.resolve(
        failureReport(job.request, "resource-limit", "The grading process stopped while running your code, most likely because it used too much memory.", {
          memoryMb: this.options.memoryMb,
          durationMs,
        }),
      );
    } else {
      job.resolve(outcome.report);
      worker.jobsDone++;
      if (worker.jobsDone >= this.options.jobsPerWorker) {
        this.counters.recycled++;
        void worker.stop(); // its exit spawns the replacement
      } else if (!this.closing || this.waiting.length > 0) {
        this.idle.push(worker);
      } else {
        void worker.stop();
      }
    }
    this.dispatch();
  }

  private checkDrained(): void {
    if (this.drained && this.waiting.length === 0 && this.busy.size === 0) {
      this.drained();
      this.drained = undefined;
    }
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
