import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type { GradeProgress, GradeReport, GradeRequest } from "../types";
import { isWorkerMessage, type ParentMessage } from "./worker-messages";
import { workerEnvironment } from "./worker-environment";

export type WorkerSpawnOptions = {
  /** Absolute path of the worker entry module (it must call serveGrader). */
  entry: string;
  /** Project root: tsx and the `@/` path alias resolve from here. */
  cwd: string;
  /** V8 heap cap of the worker process (isolates have their own, smaller limits). */
  memoryMb: number;
  /**
   * CPU niceness (0–19) of the process and every thread it starts, so that on a shared
   * machine the web server stays responsive while graders saturate the cores. 0 = as the parent.
   */
  niceness?: number;
};

/** nice(1), where the platform has it (Linux, macOS); elsewhere workers run at normal priority. */
const NICE = ["/usr/bin/nice", "/bin/nice"].find((p) => fs.existsSync(p));

/**
 * The worker's command line. Niceness is set by exec'ing through nice(1) rather than by the
 * worker itself: on Linux it is per thread, and V8's and isolated-vm's threads would keep
 * the priority they were born with.
 */
function workerCommand(options: WorkerSpawnOptions): [string, string[]] {
  // tsx runs our TypeScript directly; isolated-vm requires --no-node-snapshot.
  const node = [process.execPath, "--no-node-snapshot", "--import", "tsx", `--max-old-space-size=${options.memoryMb}`, options.entry];
  if (!options.niceness || !NICE) return [node[0], node.slice(1)];
  return [NICE, ["-n", String(options.niceness), ...node]];
}

export type WorkerExit = { code: number | null; signal: NodeJS.Signals | null };

/** How one job on one worker ended: a report, or the process went away first. */
export type JobOutcome = { kind: "report"; report: GradeReport } | { kind: "exit"; exit: WorkerExit };

type RunningJob = { id: number; onProgress?: (progress: GradeProgress) => void; settle: (outcome: JobOutcome) => void };

let nextJobId = 1;

/** One forked worker process, running at most one job at a time. */
export class PoolWorker {
  readonly process: ChildProcess;
  /** Resolves when the worker announced it is ready; rejects if it exited before that. */
  readonly ready: Promise<void>;
  /** Resolves when the process has exited, for whatever reason. */
  readonly exited: Promise<WorkerExit>;
  jobsDone = 0;
  private job?: RunningJob;
  private hasExited = false;

  constructor(options: WorkerSpawnOptions) {
    const [command, args] = workerCommand(options);
    // spawn with an "ipc" channel is what fork() does, but lets nice(1) come first.
    this.process = spawn(command, args, { cwd: options.cwd, env: workerEnvironment(), stdio: ["ignore", "inherit", "inherit", "ipc"] });

    let markReady!: () => void;
    let failStart!: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failStart = reject)));
    this.ready.catch(() => {}); // callers that never await readiness must not see an unhandled rejection

    this.exited = new Promise<WorkerExit>((resolve) => {
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.hasExited) return;
        this.hasExited = true;
        const exit = { code, signal };
        failStart(new Error(`worker process exited before it was ready (${describeExit(exit)})`));
        this.job?.settle({ kind: "exit", exit });
        this.job = undefined;
        resolve(exit);
      };
      this.process.on("exit", onExit);
      // fork() reports spawn failures as 'error' without an 'exit' event.
      this.process.on("error", () => onExit(this.process.exitCode, this.process.signalCode));
    });

    this.process.on("message", (message: unknown) => {
      if (!isWorkerMessage(message)) return;
      if (message.type === "ready") return markReady();
      if (!this.job || message.id !== this.job.id) return; // late message of a job already settled
      if (message.type === "progress") this.job.onProgress?.(message.progress);
      else this.job.settle({ kind: "report", report: message.report });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get alive(): boolean {
    return !this.hasExited;
  }

  /** Sends one job; resolves with its report, or with the exit if the process dies first. */
  run(request: GradeRequest, onProgress?: (progress: GradeProgress) => void): Promise<JobOutcome> {
    if (this.job) throw new Error("PoolWorker.run() called while a job is running");
    if (this.hasExited) return Promise.resolve({ kind: "exit", exit: { code: this.process.exitCode, signal: this.process.signalCode } });
    const id = nextJobId++;
    return new Promise<JobOutcome>((resolve) => {
      this.job = {
        id,
        onProgress,
        settle: (outcome) => {
          this.job = undefined;
          resolve(outcome);
        },
      };
      const message: ParentMessage = { type: "grade", id, request };
      this.process.send(message, (error) => {
        // A failed send means the channel closed: the 'exit' handler settles the job.
        if (error && this.alive) this.kill();
      });
    });
  }

  /** Ends the process at once (overrun, crash clean-up, forced shutdown). */
  kill(): void {
    if (this.alive) this.process.kill("SIGKILL");
  }

  /** Asks an idle worker to exit by closing its IPC channel; SIGKILL if it lingers. */
  async stop(graceMs = 2000): Promise<WorkerExit> {
    if (this.alive && this.process.connected) this.process.disconnect();
    const timer = setTimeout(() => this.kill(), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}

export function describeExit({ code, signal }: WorkerExit): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}
