import type { Snapshot } from "../../../lib/kernel";
import { childrenOf, observed } from "../../../lib/kernel/observations";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

/** Items of producer p (0-based): 100·(p+1)+1, +2, … — distinct, and never 0 (a fresh segment is all zeros). */
export function items(producer: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => 100 * (producer + 1) + i + 1);
}

export type Setup = { producers: number[][]; consumers: number[]; capacity: number };

export function bufferScenario({ producers, consumers, capacity }: Setup): Scenario {
  return { main: "main", args: [producers, consumers, capacity] };
}

/** Per consumer pid, the values it reported with `consumed <value>` lines, in order: what each process claims it took. */
export function consumed(s: Snapshot): Map<number, number[]> {
  const byPid = new Map<number, number[]>();
  for (const [pid, text] of Object.entries(s.output)) {
    const values = text
      .split("\n")
      .map((line) => /^consumed (\S+)$/.exec(line.trim())?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number);
    if (values.length) byPid.set(Number(pid), values);
  }
  return byPid;
}

/**
 * The buffer is correct when every produced item is consumed exactly once, and it is FIFO.
 * Judged from what the kernel saw happen in shared memory, the claims (`consumed <value>`
 * lines) only counting when backed by it: each item is stored into the buffer by its producer
 * (one process, started by main, per list), and every claim is a read, by the claiming
 * process, of that item where its producer stored it. The items of one producer are taken out
 * in the order it put them in (a FIFO buffer does that in every schedule, however many
 * producers and consumers share it), and the buffer never holds more than `capacity` of them.
 */
export function checkBuffer({ producers, consumers, capacity }: Setup) {
  const origin = new Map<number, [number, number]>();
  producers.forEach((list, p) => list.forEach((v, i) => origin.set(v, [p, i])));
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel already reports deadlocks and hangs
    const byPid = consumed(s);
    const counts = new Map<number, number>();
    for (const values of byPid.values()) for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const unknown = [...counts.keys()].filter((v) => !origin.has(v));
    if (unknown.length) return `consumers got values nobody produced: ${unknown.join(", ")} (a slot read before it was filled, or after it was overwritten)`;
    const twice = [...counts].filter(([, n]) => n > 1).map(([v]) => v);
    if (twice.length) return `items consumed more than once: ${twice.join(", ")}`;
    const lost = [...origin.keys()].filter((v) => !counts.has(v));
    if (lost.length) return `items never consumed (lost): ${lost.join(", ")}`;
    if (byPid.size > consumers.length) return `${byPid.size} processes reported consumed items, but there are only ${consumers.length} consumers`;

    // What the kernel saw: who put each item into shared memory, who read it back from there.
    const segments = observed(s).shm;
    if (segments.some((seg) => seg.dropped > 0)) return "the buffer was accessed too often to follow (busy-waiting?)";
    const children = new Set(childrenOf(s, 1).map((p) => p.pid));
    const producerOf: number[] = []; // list → pid
    const inBuffer = new Set<number>();
    let most = 0;
    const takes: number[] = []; // items in the order they were first taken out
    const taken = new Set<number>();
    const reads = new Map<string, number>(); // "pid value" → reads
    for (const seg of segments) {
      for (const [op, pid, , value, prev, writer] of seg.ops) {
        if (op !== "load" && value !== prev && origin.has(value)) {
          const [p] = origin.get(value)!;
          if (!children.has(pid)) return `item ${value} was put into shared memory by pid ${pid}, not by a producer started by main`;
          if ((producerOf[p] ?? pid) !== pid) return `the items of producer ${p + 1} were put in by pids ${producerOf[p]} and ${pid}: one producer process puts one list`;
          producerOf[p] = pid;
          inBuffer.add(value);
          most = Math.max(most, inBuffer.size);
        }
        if (origin.has(prev) && writer > 0 && writer !== pid && writer === producerOf[origin.get(prev)![0]]) {
          const key = `${pid} ${prev}`;
          reads.set(key, (reads.get(key) ?? 0) + 1);
          if (!taken.has(prev)) {
            taken.add(prev);
            takes.push(prev);
            inBuffer.delete(prev);
          }
        }
      }
    }
    if (new Set(producerOf.filter((pid) => pid !== undefined)).size !== producerOf.filter((pid) => pid !== undefined).length) {
      return "one process put in the items of several producers: start one producer process per list";
    }
    for (const [pid, values] of byPid) {
      const claimed = new Map<number, number>();
      for (const v of values) claimed.set(v, (claimed.get(v) ?? 0) + 1);
      for (const [v, n] of claimed) {
        if ((reads.get(`${pid} ${v}`) ?? 0) < n) return `pid ${pid} reported consuming ${v}, but it never read ${v} out of the shared buffer where its producer put it`;
      }
    }
    if (most > capacity) return `the buffer held ${most} items at once, but its capacity is ${capacity}`;
    const last = new Map<number, number>();
    for (const v of takes) {
      const [p, i] = origin.get(v)!;
      if ((last.get(p) ?? -1) > i) return `${v} was taken out after ${producers[p][last.get(p)!]}, but producer ${p + 1} put them in the other order: the buffer is not FIFO`;
      last.set(p, i);
    }
    if (s.zombies.length) return `zombie processes left: ${s.zombies.join(", ")}`;
    return null;
  };
}
