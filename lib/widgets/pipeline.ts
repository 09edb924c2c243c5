/**
 * `cat access.log | grep ERROR | wc -l` on the kernel: the shell process
 * makes two pipes, spawns the three builtins with their stdin/stdout
 * redirected (spawn's `stdin`/`stdout` options are posix_spawn's dup2 file
 * actions), closes its own copies and waits. With `forgetClose` it keeps the
 * write end of the first pipe open, so grep never sees EOF: deadlock.
 * The trace is turned into frames for a step-through view. Pure.
 */
import { runOnce, type Ipc, type TraceEvent, type WaitForEdge } from "@/lib/kernel";

export const ACCESS_LOG = [
  "10:00:01 INFO  GET /index.html 200",
  "10:00:02 INFO  GET /style.css 200",
  "10:00:02 ERROR GET /api/orders 500",
  "10:00:03 INFO  POST /login 302",
  "10:00:04 WARN  GET /old-page 301",
  "10:00:05 ERROR POST /api/pay 502",
  "10:00:06 INFO  GET /home 200",
  "10:00:07 INFO  GET /logo.png 200",
  "10:00:08 ERROR GET /api/cart 500",
  "10:00:09 INFO  GET /about 200",
].join("\n") + "\n";

/** Small pipes so that the writers visibly fill them and block. */
const OPTIONS = { pipeCapacity: 96, pipeBuf: 64 };

export const PIPELINE_NAMES: Record<number, string> = { 1: "sh", 2: "cat", 3: "grep", 4: "wc" };

export interface PipelineFrame {
  /** The event this frame shows (index into the run's events). */
  event: TraceEvent;
  /** Bytes buffered in pipe 1 (cat → grep) and pipe 2 (grep → wc) after the event. */
  buffered: [number, number];
  states: Record<number, "running" | "blocked" | "exited" | "not started">;
  /** What a blocked process waits for. */
  waiting: Record<number, string>;
}

export interface PipelineRun {
  frames: PipelineFrame[];
  output: string;
  outcome: "completed" | "deadlock" | "other";
  deadlock: WaitForEdge[] | null;
  message: string | null;
}

function pipelineProgram(forgetClose: boolean) {
  return {
    module: (ipc: Ipc) => ({
      async sh() {
        const [r1, w1] = await ipc.pipe();
        const [r2, w2] = await ipc.pipe();
        await ipc.spawn("cat", ["access.log"], { stdout: w1, close: [r1, r2, w2] });
        await ipc.spawn("grep", ["ERROR"], { stdin: r1, stdout: w2, close: [w1, r2] });
        await ipc.spawn("wc", ["-l"], { stdin: r2, close: [r1, w1, w2] });
        await ipc.close(r1);
        if (!forgetClose) await ipc.close(w1);
        await ipc.close(r2);
        await ipc.close(w2);
        for (let i = 0; i < 3; i++) await ipc.wait();
      },
    }),
    main: "sh",
    files: { "access.log": ACCESS_LOG },
    options: OPTIONS,
  };
}

/** Which pipe (0 or 1) a read/write by `pid` on `fd` uses, in this fixed program. */
function pipeOf(pid: number, fd: number, name: string): 0 | 1 | null {
  if (pid === 2 && fd === 1 && name === "write") return 0;
  if (pid === 3 && fd === 0 && name === "read") return 0;
  if (pid === 3 && fd === 1 && name === "write") return 1;
  if (pid === 4 && fd === 0 && name === "read") return 1;
  return null;
}

const byteLength = (v: unknown): number => (typeof v === "string" ? new TextEncoder().encode(v).length : typeof v === "number" ? v : 0);

export async function runPipeline(forgetClose: boolean): Promise<PipelineRun> {
  const run = await runOnce(pipelineProgram(forgetClose), { strategy: "random", seed: 7 });
  const events = run.trace?.events ?? [];
  const buffered: [number, number] = [0, 0];
  const states: PipelineFrame["states"] = { 1: "not started", 2: "not started", 3: "not started", 4: "not started" };
  const waiting: Record<number, string> = {};
  const frames: PipelineFrame[] = [];
  for (const event of events) {
    const pid = event.pid;
    if (event.kind === "start") states[pid] = "running";
    else if (event.kind === "block") {
      states[pid] = "blocked";
      waiting[pid] = event.on ?? "";
    } else if (event.kind === "wake") {
      states[pid] = "running";
      delete waiting[pid];
    } else if (event.kind === "exit") {
      states[pid] = "exited";
      delete waiting[pid];
    } else if (event.kind === "syscall" && (event.name === "read" || event.name === "write" || event.name === "readBytes") && event.errno === undefined) {
      const fd = Number(event.args?.[0]);
      const pipe = pipeOf(pid, fd, event.name === "readBytes" ? "read" : event.name);
      if (pipe !== null) buffered[pipe] += (event.name === "write" ? 1 : -1) * byteLength(event.result);
      if (states[pid] === "blocked") states[pid] = "running";
    } else continue;
    frames.push({ event, buffered: [buffered[0], buffered[1]], states: { ...states }, waiting: { ...waiting } });
  }
  const kind = run.outcome.kind;
  return {
    frames,
    output: run.snapshot.output["4"] ?? "",
    outcome: kind === "completed" ? "completed" : kind === "deadlock" ? "deadlock" : "other",
    deadlock: kind === "deadlock" ? run.outcome.waitFor : null,
    message: kind === "completed" ? null : run.outcome.message,
  };
}
