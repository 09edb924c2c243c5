import type { Snapshot } from "../../../lib/kernel";
import { childrenOf, shmWithKey } from "../../../lib/kernel/observations";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

export const TABLE_KEY = 0x7ab1e;

export function tableScenario(n: number, meals: number): Scenario {
  return { main: "table", args: [n, meals], objects: [{ kind: "shm", key: TABLE_KEY, size: 2 * n + 1 }] };
}

/**
 * Judged from what the kernel saw happen to the table the test created (not from the counters
 * in it, which any process can write): a philosopher eats from the moment its process marks
 * its seat (cell i) until it clears it, exactly as the given `eat` does. Each seat must be
 * marked by one philosopher process of its own, `meals` times, never while a neighbour's seat
 * is marked.
 */
export function checkDinner(n: number, meals: number) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // deadlocks are reported with their wait-for cycle
    const table = shmWithKey(s, TABLE_KEY, 0)[0];
    if (!table) return "the table segment was never created";
    if (table.dropped > 0) return `the philosophers touched the table ${table.ops.length + table.dropped} times, too often to judge the meals (busy-waiting?)`;
    const philosophers = new Set(childrenOf(s, 1).map((p) => p.pid));
    const seatOf = new Map<number, number>(); // pid → seat
    const owner: number[] = new Array(n).fill(0); // seat → pid
    const marked: boolean[] = new Array(n).fill(false);
    const ate: number[] = new Array(n).fill(0);
    for (const [op, pid, cell, value, prev] of table.ops) {
      if (cell >= n || op === "load" || value === prev) continue; // only changes of a seat's mark
      if (!philosophers.has(pid)) return `pid ${pid} changed seat ${cell}, but only the philosophers the table seats may eat`;
      if (owner[cell] === 0) {
        if (seatOf.has(pid)) return `pid ${pid} ate at seats ${seatOf.get(pid)} and ${cell}: every philosopher is a process of its own`;
        owner[cell] = pid;
        seatOf.set(pid, cell);
      } else if (owner[cell] !== pid) return `pid ${pid} changed seat ${cell}, which is philosopher pid ${owner[cell]}'s`;
      if (prev === 0 && value !== 0) {
        marked[cell] = true;
        for (const other of [(cell + n - 1) % n, (cell + 1) % n]) {
          if (other !== cell && marked[other]) return `philosophers ${Math.min(cell, other)} and ${Math.max(cell, other)} ate at the same time: they cannot both hold the fork between them`;
        }
      } else if (prev !== 0 && value === 0) {
        marked[cell] = false;
        ate[cell]++;
      }
    }
    const hungry = ate.flatMap((count, i) => (count === meals ? [] : [`philosopher ${i} ate ${count} time${count === 1 ? "" : "s"}`]));
    if (hungry.length) return `every philosopher must eat ${meals} times, but ${hungry.join(", ")}`;
    const crashed = s.processes.find((p) => !p.exit || !("exited" in p.exit) || p.exit.code !== 0);
    if (crashed) return `${crashed.name} (pid ${crashed.pid}) did not exit with status 0`;
    return null;
  };
}
