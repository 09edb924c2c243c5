/**
 * Replay token: `k1.<strategy>.<seed>.<choices>` — URL-safe and short.
 * seed is the run's data seed in base 36; choices are the pids picked at each
 * decision point, in base 36, run-length encoded as `pid` or `pid_count`
 * and joined by `-` (e.g. `2_5-3-2` = 2,2,2,2,2,3,2).
 */
export interface ReplayToken {
  strategy: string;
  seed: number;
  choices: number[];
}

const PREFIX = "k1";

export function encodeToken(t: ReplayToken): string {
  const parts: string[] = [];
  const c = t.choices;
  for (let i = 0; i < c.length; ) {
    let j = i;
    while (j < c.length && c[j] === c[i]) j++;
    const run = j - i;
    parts.push(run > 1 ? `${c[i].toString(36)}_${run.toString(36)}` : c[i].toString(36));
    i = j;
  }
  return [PREFIX, t.strategy, (t.seed >>> 0).toString(36), parts.join("-")].join(".");
}

export function decodeToken(token: string): ReplayToken {
  const m = /^k1\.([a-z]+)\.([0-9a-z]+)\.([0-9a-z_-]*)$/.exec(token.trim());
  if (!m) throw new Error("not a replay token (expected k1.<strategy>.<seed>.<choices>)");
  const choices: number[] = [];
  if (m[3]) {
    for (const part of m[3].split("-")) {
      const [pid, count] = part.split("_");
      const n = count === undefined ? 1 : parseInt(count, 36);
      const v = parseInt(pid, 36);
      if (!Number.isFinite(v) || !Number.isFinite(n) || n < 1) throw new Error(`bad replay token segment "${part}"`);
      for (let i = 0; i < n; i++) choices.push(v);
    }
  }
  return { strategy: m[1], seed: parseInt(m[2], 36) >>> 0, choices };
}
