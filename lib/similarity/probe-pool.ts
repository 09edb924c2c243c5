import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../grader/pool/worker-pool";
import { graderConfig } from "../grader/queue/grader-config";
import { workerEnvironment } from "../grader/pool/worker-environment";
import type { BehaviourFeatures } from "./behaviour-fingerprint";

export type ProbeRequest = { id: number; slug: string; source: string };
export type ProbeAnswer = { id: number; features: BehaviourFeatures | null; error?: string; ready?: boolean };

const NICE = ["/usr/bin/nice", "/bin/nice"].find((p) => fs.existsSync(p));
/** A probe that takes longer than this (the sandbox's own wall clock is 8–10 s) kills its worker: no behaviour. */
const PROBE_TIMEOUT_MS = 30_000;

type Job = { request: ProbeRequest; resolve: (f: BehaviourFeatures | null) => void };
type Worker = { child: ChildProcess; job: Job | null; timer?: NodeJS.Timeout; ready: boolean };

/**
 * Probe worker processes for one similarity run (probe-worker.ts), each recording one
 * submission's behaviour at a time: one per core by default, since the job waits for
 * them. They run at the grader's niceness, so pages stay fast meanwhile. A worker that
 * dies or overruns takes its submission with it (no behaviour) and is replaced.
 */
export class ProbePool {
  private readonly workers = new Set<Worker>();
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly size = 2,
    private readonly niceness = graderConfig().workerNiceness,
  ) {}

  probe(slug: string, source: string): Promise<BehaviourFeatures | null> {
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting.push({ request: { id: this.nextId++, slug, source }, resolve });
      while (this.workers.size < this.size && this.workers.size < this.waiting.length + this.busy()) this.startWorker();
      this.dispatch();
    });
  }

  close(): void {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.resolve(null);
    for (const w of this.workers) {
      w.job?.resolve(null);
      w.job = null;
      if (w.child.connected) w.child.disconnect();
      else w.child.kill();
    }
  }

  private busy(): number {
    let n = 0;
    for (const w of this.workers) if (w.job) n++;
    return n;
  }

  private startWorker(): void {
    const entry = path.join(PROJECT_ROOT, "lib/similarity/probe-worker.ts");
    const node = [process.execPath, "--no-node-snapshot", "--import", "tsx", entry];
    const [command, args] = this.niceness > 0 && NICE ? [NICE, ["-n", String(this.niceness), ...node]] : [node[0], node.slice(1)];
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: workerEnvironment(), stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const worker: Worker = { child, job: null, ready: false };
    this.workers.add(worker);
    child.on("message", (answer: ProbeAnswer) => {
      if (answer.ready) {
        worker.ready = true;
        return this.dispatch();
      }
      const job = worker.job;
      if (!job || job.request.id !== answer.id) return;
      clearTimeout(worker.timer);
      worker.job = null;
      job.resolve(answer.features);
      this.dispatch();
    });
    const gone = () => {
      if (!this.workers.delete(worker)) return;
      clearTimeout(worker.timer);
      worker.job?.resolve(null);
      worker.job = null;
      if (!this.closed && this.waiting.length) {
        this.startWorker();
        this.dispatch();
      }
    };
    child.on("exit", gone);
    child.on("error", gone);
  }

  private dispatch(): void {
    for (const w of this.workers) {
      if (!w.ready || w.job || !this.waiting.length) continue;
      const job = this.waiting.shift()!;
      w.job = job;
      w.timer = setTimeout(() => w.child.kill("SIGKILL"), PROBE_TIMEOUT_MS);
      w.child.send(job.request);
    }
  }
}
