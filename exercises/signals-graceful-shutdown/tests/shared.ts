import type { Snapshot } from "../../../lib/kernel";
import { childrenOf, observed, timedLines } from "../../../lib/kernel/observations";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

/**
 * The supervisor (pid 1) runs `workers` workers; a driver sends `signal` to it after
 * `afterSeconds` virtual seconds. Jobs take one virtual second each and the clock only jumps
 * while everyone sleeps, so at 2.5 s every worker is in the middle of its third job.
 */
export function shutdownScenario(workers: number, signal: string, afterSeconds: number, extra?: { repeat?: number; afterYields?: number }): Scenario {
  return {
    main: "main",
    args: [workers],
    drivers: [{ kind: "signal", target: 1, signal, afterSeconds, ...extra }],
    // Workers that never stop would run forever: stop such runs early.
    options: { maxSteps: 3000 },
  };
}

/**
 * The signal comes right away, after `afterYields` CPU yields of the driver: depending on the
 * schedule, before the supervisor has set anything up, while it is spawning its workers, or once
 * they run. A signal that beats every handler kills the supervisor by its default action, and no
 * program can prevent that: it is expected, and judged acceptable only while no worker exists yet.
 */
export function startupScenario(workers: number, signal: string, afterYields: number): Scenario {
  return {
    main: "main",
    args: [workers],
    drivers: [{ kind: "signal", target: 1, signal, afterYields }],
    expectedSignals: [signal],
    options: { maxSteps: 3000 },
  };
}

/**
 * A second Ctrl-C after a worker has already been reaped. Worker 2 is frozen (SIGSTOP) in its
 * first job, so the two workers finish at different times: SIGINT at 1.5 s (worker 1 is in its
 * second job), SIGCONT at 1.8 s (worker 2 finishes its overdue first job, sees the forwarded
 * request and exits, and is reaped), the second SIGINT at 1.9 s, while worker 1 still works until
 * 2 s. The drivers are pids 2–5, so the workers are pids 6 and 7, in the order main spawns them.
 */
export function afterReapScenario(signal: string): Scenario {
  const second = 7;
  return {
    main: "main",
    args: [2],
    drivers: [
      { kind: "signal", target: 1, signal, afterSeconds: 1.5 },
      { kind: "signal", target: second, signal: "SIGSTOP", afterSeconds: 0.5 },
      { kind: "signal", target: second, signal: "SIGCONT", afterSeconds: 1.8 },
      { kind: "signal", target: 1, signal, afterSeconds: 1.9 },
    ],
    options: { maxSteps: 3000 },
  };
}

/** A job is one virtual second of work (with a little slack for a resumed wait's rounding). */
const JOB_NS = 1e9 - 1e6;

const exitedNormally = (s: Snapshot, pid: number) => {
  const e = s.exitStatuses[pid];
  return !!e && "exited" in e && e.code === 0;
};

/**
 * Everything a graceful shutdown promises, judged from what the kernel saw: the test's signal
 * reached the supervisor while everyone was working and its handler ran; the supervisor then
 * forwarded a stop request (kill) to every worker, which neither ignored it nor died of it;
 * each worker finished every job it had started (a `start N` line followed, at least a virtual
 * second later, by `done N`), started none once its handler had run, and exited normally;
 * everyone was reaped.
 */
export function checkGraceful(workers: number, opts: { startup?: boolean } = {}) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel reports deadlocks, step limits and killed processes
    const signals = observed(s).signals;
    const harness = new Set(observed(s).processes.filter((p) => p.program === "harness").map((p) => p.pid));
    const fromTest = signals.filter((e) => e.to === 1 && harness.has(e.from));
    const request = fromTest[0];
    if (opts.startup && request?.action === "terminated") {
      // Before the first spawn, nothing could have caught it yet; after, the handlers should have been there.
      const started = childrenOf(s, 1).length;
      return started === 0 ? null : `${request.signal} arrived after the supervisor had started ${started} worker(s) and killed it: install the handlers (or block the signals) before starting any worker`;
    }
    if (!exitedNormally(s, 1)) return `the supervisor did not exit normally (${JSON.stringify(s.exitStatuses[1])})`;
    if (!request) return "the supervisor was gone before the test sent its signal: it must run until it is told to stop";
    if (request.action !== "handled" || !request.handled) {
      return `the supervisor ${request.action === "target-exited" ? "had already exited when" : "did not handle the signal when"} the test sent ${request.signal}: it must run until it is told to stop, and catch the signal`;
    }
    const ws = childrenOf(s, 1);
    // Asked to stop while starting up, a supervisor may rightly start no more workers.
    if (opts.startup ? ws.length > workers : ws.length !== workers) return `expected ${workers} workers, found ${ws.length}`;
    for (const w of ws) {
      if (!exitedNormally(s, w.pid)) return `worker pid ${w.pid} did not exit normally (${JSON.stringify(s.exitStatuses[w.pid])})`;
      if (!w.exited || w.exited.step < request.handled.step) return `worker pid ${w.pid} stopped before the supervisor was asked to stop: workers run until they are asked to`;
      const asked = signals.filter((e) => e.from === 1 && e.to === w.pid && e.via === "kill" && e.step >= request.handled!.step);
      if (asked.length === 0) return `the supervisor never forwarded the stop request to worker pid ${w.pid}`;
      if (!asked.some((e) => e.action === "handled" || e.action === "pending" || e.action === "merged")) {
        return `worker pid ${w.pid} never got the stop request (${asked.map((e) => `${e.signal}: ${e.action}`).join(", ")})`;
      }
      const stopAt = asked.find((e) => e.action === "handled")?.handled?.step ?? Infinity;
      const started = new Map<string, number>();
      const done = new Set<string>();
      for (const line of timedLines(s, w.pid)) {
        const m = /^(start|done) (.+)$/.exec(line.text);
        if (!m) continue;
        if (!line.at) return `worker pid ${w.pid} printed too much to follow`;
        if (m[1] === "start") {
          if (line.at.step > stopAt) return `worker pid ${w.pid} started job ${m[2]} after it had been asked to stop`;
          started.set(m[2], line.at.time);
        } else {
          const since = started.get(m[2]);
          if (since !== undefined && line.at.time - since < JOB_NS) return `worker pid ${w.pid} reported job ${m[2]} done after ${((line.at.time - since) / 1e9).toFixed(3)} s: a job is a second of work, finish it`;
          done.add(m[2]);
        }
      }
      const unfinished = [...started.keys()].filter((job) => !done.has(job));
      if (unfinished.length) return `worker pid ${w.pid} started job ${unfinished.join(", ")} but never finished it`;
      // A worker asked to stop as it starts may rightly run no job at all.
      if (started.size === 0 && !opts.startup) return `worker pid ${w.pid} never started a job`;
    }
    if (s.zombies.length) return `zombie processes left: ${s.zombies.map((pid) => `pid ${pid} (${s.processes.find((p) => p.pid === pid)?.name})`).join(", ")}`;
    return null;
  };
}
