import type { Snapshot } from "../../../lib/kernel";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

/** Items of producer p (0-based): 100·(p+1)+1, +2, … — distinct, and never 0 (a fresh segment is all zeros). */
export function items(producer: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => 100 * (producer + 1) + i + 1);
}

export type Setup = { producers: number[][]; consumers: number[]; capacity: number };

export function bufferScenario({ producers, consumers, capacity }: Setup): Scenario {
  return { main: "main", args: [producers, consumers, capacity] };
}

/** Per consumer pid, the values it reported with `consumed <value>` lines, in order. */
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
 * The buffer is correct when every produced item is consumed exactly once, and it is FIFO:
 * a consumer's takes are in buffer order, so the items it got from any one producer come in
 * the order that producer put them in (this holds for every schedule of a correct buffer,
 * however many producers and consumers share it).
 */
export function checkBuffer({ producers, consumers }: Setup) {
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
    for (const [pid, values] of byPid) {
      const last = new Map<number, number>();
      for (const v of values) {
        const [p, i] = origin.get(v)!;
        if ((last.get(p) ?? -1) > i) return `pid ${pid} consumed ${v} after ${producers[p][last.get(p)!]}, but producer ${p + 1} put them in the other order: the buffer is not FIFO`;
        last.set(p, i);
      }
    }
    if (s.zombies.length) return `zombie processes left: ${s.zombies.join(", ")}`;
    return null;
  };
}
