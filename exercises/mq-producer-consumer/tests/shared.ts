import type { Snapshot } from "../../../lib/kernel";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";
import { childrenOf, observed, observedProcess, queuesWithKey, type ObservedMessage } from "../../../lib/kernel/observations";

export const QUEUE_KEY = 0x4d51;

export type Job = { id: string; priority: number };

/** `count` jobs for producer `name`, priorities cycling through `pattern` (1 = urgent … 3 = bulk). */
export function jobs(name: string, count: number, pattern: number[] = [2, 3, 1]): Job[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${name}${i + 1}`, priority: pattern[i % pattern.length] }));
}

/** main gets [jobs of each producer, number of consumers]. */
export function mqScenario(producers: Job[][], consumers: number, waiting: Job[] = []): Scenario {
  return {
    main: "main",
    args: [producers, consumers],
    objects: waiting.length ? [{ kind: "msgq", key: QUEUE_KEY, messages: waiting.map((j) => ({ type: j.priority, data: j.id })) }] : [],
  };
}

/** Per process, the job ids it reported with a `done <id>` line, in order: what each process claims it executed. */
export function processed(s: Snapshot): Map<number, string[]> {
  const byPid = new Map<number, string[]>();
  for (const [pid, text] of Object.entries(s.output)) {
    const ids = text
      .split("\n")
      .map((line) => /^done (.+)$/.exec(line.trim())?.[1])
      .filter((id): id is string => id !== undefined);
    if (ids.length) byPid.set(Number(pid), ids);
  }
  return byPid;
}

/** Every message the kernel saw go through the queue (or queues) with QUEUE_KEY, in send order, or a reason it cannot tell. */
function traffic(s: Snapshot): ObservedMessage[] | string {
  const queues = queuesWithKey(s, QUEUE_KEY);
  if (queues.some((q) => q.dropped > 0)) return "so many messages went through the queue that they could not all be followed";
  return queues.flatMap((q) => q.messages);
}

/**
 * Every job went through the queue exactly once: sent by its producer (one child of main per
 * job list, with the job's priority as the type; jobs in `waiting` were queued by the test),
 * received by one consumer (another child of main), and executed ("done <id>") exactly once,
 * by the process that received it. Judged from what the kernel saw, so printed lines only
 * count for jobs that process really received.
 */
export function checkExactlyOnce(producers: Job[][], waiting: Job[] = []) {
  const all = [...waiting, ...producers.flat()];
  const listOf = new Map<string, number>();
  producers.forEach((list, i) => list.forEach((j) => listOf.set(j.id, i)));
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel already reports deadlocks and hangs
    const seen = traffic(s);
    if (typeof seen === "string") return seen;
    const children = new Set(childrenOf(s, 1).map((p) => p.pid));
    const messagesOf = new Map<string, ObservedMessage[]>();
    for (const m of seen) {
      if (typeof m.data !== "string") continue;
      const list = messagesOf.get(m.data);
      if (list) list.push(m);
      else messagesOf.set(m.data, [m]);
    }
    const neverSent = all.filter((j) => !messagesOf.has(j.id)).map((j) => j.id);
    if (neverSent.length) return `${neverSent.length} of ${all.length} jobs never went through the message queue: ${neverSent.join(", ")}`;
    const producerOfList = new Map<number, number>();
    for (const job of all) {
      const sent = messagesOf.get(job.id)!;
      if (sent.length > 1) return `job ${job.id} was sent to the queue ${sent.length} times`;
      const [m] = sent;
      if (m.type !== job.priority) return `job ${job.id} was sent with type ${m.type}, but its priority is ${job.priority}`;
      const list = listOf.get(job.id);
      if (list !== undefined) {
        if (!children.has(m.from)) return `job ${job.id} was sent by pid ${m.from}, not by a producer process started by main`;
        const producer = producerOfList.get(list) ?? m.from;
        if (producer !== m.from) return `the jobs of producer ${list + 1} were sent by pids ${producer} and ${m.from}: one producer process sends one job list`;
        producerOfList.set(list, producer);
      }
    }
    if (new Set(producerOfList.values()).size !== producerOfList.size) return "one process sent the jobs of several producers: start one producer process per job list";
    const lost = all.filter((j) => messagesOf.get(j.id)![0].to === null).map((j) => j.id);
    if (lost.length) return `${lost.length} of ${all.length} jobs were never received from the queue (lost): ${lost.join(", ")}`;
    for (const job of all) {
      const m = messagesOf.get(job.id)![0];
      if (!children.has(m.to!) || m.to === m.from) return `job ${job.id} was received by pid ${m.to}, which is not a consumer started by main`;
    }
    const done = new Map<string, number[]>();
    for (const [pid, ids] of processed(s)) {
      for (const id of ids) {
        const pids = done.get(id);
        if (pids) pids.push(pid);
        else done.set(id, [pid]);
      }
    }
    const ids = new Set(all.map((j) => j.id));
    const unknown = [...done.keys()].filter((id) => !ids.has(id));
    if (unknown.length) return `"done" reported for jobs nobody sent: ${unknown.join(", ")}`;
    const notDone = all.filter((j) => !done.has(j.id)).map((j) => j.id);
    if (notDone.length) return `${notDone.length} of ${all.length} jobs were received but never executed ("done"): ${notDone.join(", ")}`;
    const twice = [...done].filter(([, pids]) => pids.length > 1).map(([id]) => id);
    if (twice.length) return `jobs processed more than once: ${twice.join(", ")}`;
    for (const [id, [pid]] of done) {
      const to = messagesOf.get(id)![0].to;
      if (pid !== to) return `pid ${pid} reported "done ${id}", but job ${id} was received from the queue by pid ${to}`;
    }
    return null;
  };
}

/**
 * With every job already queued before anyone receives, each receive must take the most
 * urgent job left (FIFO among equal priorities): the kernel's receives of the jobs, all
 * consumers together, come in (priority, arrival) order, whatever the schedule.
 */
export function checkPriorityOrder(queued: Job[]) {
  const rank = new Map(
    queued
      .map((j, arrival) => ({ j, arrival }))
      .sort((a, b) => a.j.priority - b.j.priority || a.arrival - b.arrival)
      .map(({ j }, i) => [j.id, i]),
  );
  const exactlyOnce = checkExactlyOnce([], queued);
  return (s: Snapshot): string | null => {
    const missing = exactlyOnce(s);
    if (missing) return missing;
    const seen = traffic(s);
    if (typeof seen === "string") return seen;
    const received = seen.filter((m) => typeof m.data === "string" && rank.has(m.data) && m.received !== null).sort((a, b) => a.received! - b.received!);
    for (let i = 1; i < received.length; i++) {
      const [a, b] = [received[i - 1], received[i]];
      if (rank.get(a.data as string)! > rank.get(b.data as string)!) {
        return `pid ${a.to} received ${a.data} (priority ${a.type}) before pid ${b.to} received ${b.data} (priority ${b.type}), although both were waiting in the queue`;
      }
    }
    return null;
  };
}

/** A clean shutdown after a run that did its work: no queue left behind (System V queues outlive their users) and no zombies. */
export function checkCleanShutdown(producers: Job[][]) {
  const exactlyOnce = checkExactlyOnce(producers);
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null;
    const work = exactlyOnce(s);
    if (work) return work;
    const q = s.msgQueues.find((m) => m.key === QUEUE_KEY);
    if (q) return `the message queue still exists at the end${q.messages.length ? `, holding ${q.messages.length} message(s)` : ""}`;
    if (s.zombies.length) return `zombie processes left: ${s.zombies.join(", ")}`;
    return null;
  };
}

/**
 * Jobs that arrive while a consumer is already waiting on the empty queue. No main here: the
 * test runs `consumer()` on its own (pid 6, after the five drivers) and plays the producer itself,
 * paced by virtual time, which only moves while everyone is blocked or asleep:
 * - t = 100 s: the consumer has long been blocked on the empty queue; SIGSTOP freezes it there;
 * - t = 1000 s: the jobs go in, all at once (the sender driver sleeps until then);
 * - t = 2000 s: SIGCONT. Every job is waiting now, so each receive must take the most urgent one;
 * - t = 3000 s: the consumer, blocked again with nothing left (it never gets a sentinel: its type
 *   is the student's choice), is killed.
 * The mistake this exposes: a consumer that asks for "any type" once the queue looked empty.
 */
export const CONSUMER_PID = 5;

export function arrivalsScenario(arrivals: Job[]): Scenario {
  return {
    processes: [{ entry: "consumer" }],
    objects: [{ kind: "msgq", key: QUEUE_KEY }],
    drivers: [
      { kind: "signal", target: CONSUMER_PID, signal: "SIGSTOP", afterSeconds: 100 },
      { kind: "send-messages", key: QUEUE_KEY, afterSeconds: 1000, messages: arrivals.map((j) => ({ type: j.priority, data: j.id })) },
      { kind: "signal", target: CONSUMER_PID, signal: "SIGCONT", afterSeconds: 2000 },
      { kind: "signal", target: CONSUMER_PID, signal: "SIGKILL", afterSeconds: 3000 },
    ],
    expectedSignals: ["SIGKILL"],
  };
}

/**
 * The consumer was frozen on the empty queue until every job had arrived (judged from when the
 * kernel delivered SIGSTOP and SIGCONT and when the sender exited, not assumed), then received
 * them, and only them, most urgent first, and executed each once.
 */
export function checkArrivals(arrivals: Job[]) {
  const rank = new Map(
    arrivals
      .map((j, arrival) => ({ j, arrival }))
      .sort((a, b) => a.j.priority - b.j.priority || a.arrival - b.arrival)
      .map(({ j }, i) => [j.id, i]),
  );
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null;
    const o = observed(s);
    const consumer = observedProcess(s, CONSUMER_PID);
    const sender = o.processes.find((p) => p.program === "harness" && p.name === "send-messages");
    if (!consumer || !sender) return "the test could not find its consumer or its sender";
    const stop = o.signals.find((x) => x.signal === "SIGSTOP" && x.to === CONSUMER_PID);
    const cont = o.signals.find((x) => x.signal === "SIGCONT" && x.to === CONSUMER_PID);
    if (consumer.exited && (!cont || consumer.exited.step < cont.step)) return "the consumer stopped before any job arrived, without receiving a sentinel";
    if (!stop || stop.action !== "stopped" || !cont || !sender.exited || sender.exited.step > cont.step) return "the test could not freeze the consumer while the jobs arrived";
    const seen = traffic(s);
    if (typeof seen === "string") return seen;
    const jobs = seen.filter((m) => m.from === sender.pid);
    const notMine = jobs.find((m) => m.to !== CONSUMER_PID);
    if (notMine) return `job ${String(notMine.data)} was ${notMine.to === null ? "never received" : `received by pid ${notMine.to}, not by the consumer`}`;
    const order = jobs.slice().sort((a, b) => a.received! - b.received!);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      if (rank.get(a.data as string)! > rank.get(b.data as string)!) {
        return `the consumer received ${a.data} (type ${a.type}) before ${b.data} (type ${b.type}), although both were waiting in the queue`;
      }
    }
    const done = processed(s).get(CONSUMER_PID) ?? [];
    for (const j of arrivals) {
      const n = done.filter((id) => id === j.id).length;
      if (n !== 1) return `the consumer reported "done ${j.id}" ${n} times`;
    }
    return null;
  };
}
