import type { Snapshot } from "../../../lib/kernel";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

export const TABLE_KEY = 0x7ab1e;

export function tableScenario(n: number, meals: number): Scenario {
  return { main: "table", args: [n, meals], objects: [{ kind: "shm", key: TABLE_KEY, size: 2 * n + 1 }] };
}

/** Nobody ate next to an eating neighbour, and every philosopher ate exactly `meals` times. */
export function checkDinner(n: number, meals: number) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // deadlocks are reported with their wait-for cycle
    const t = s.shm.find((seg) => seg.key === TABLE_KEY)?.data;
    if (!t) return "the table segment is gone";
    if (t[2 * n] > 0) return `neighbours ate at the same time (${t[2 * n]} times): they cannot both hold the fork between them`;
    const hungry = t.slice(n, 2 * n).flatMap((ate, i) => (ate === meals ? [] : [`philosopher ${i} ate ${ate} times`]));
    if (hungry.length) return `every philosopher must eat ${meals} times, but ${hungry.join(", ")}`;
    const crashed = s.processes.find((p) => !p.exit || !("exited" in p.exit) || p.exit.code !== 0);
    if (crashed) return `${crashed.name} (pid ${crashed.pid}) did not exit with status 0`;
    return null;
  };
}
