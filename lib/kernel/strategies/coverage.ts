/**
 * What an exploration covered, as data a report can state (docs/kernel.md, "Coverage").
 *
 * - `exhaustive`: every schedule with at most `preemptionBound` preemptions was run, or one
 *   equivalent to it (the same steps, independent ones in another order: partial-order
 *   reduction), when `complete`; `allInterleavings` when the bound never cut anything, i.e.
 *   the program has no schedule with more preemptions. `schedules` counts the distinct
 *   schedules run. When not complete the search stopped early (a failure, or the budget).
 * - `pct`: `runs` runs of PCT with bug depth `depth` over `processes` processes and at most
 *   `steps` scheduling decisions per run (the most any run made). Each run finds a given bug
 *   of depth 2 with probability at least 1/(n·k) (Burckhardt et al., ASPLOS 2010), so
 *   `missProbability` bounds the chance that all the runs missed it; with `distinct`, the runs
 *   had pairwise different configurations (sampling without replacement, a smaller bound, 0
 *   once every configuration was run). `exhaustive` says what the preemption-bounded search
 *   covered before PCT took over, if it finished a bound.
 * - `random`: uniform random schedules, with no stated bound.
 */
export type Coverage =
  | {
      kind: "exhaustive";
      preemptionBound: number;
      schedules: number;
      complete: boolean;
      allInterleavings: boolean;
      reduction: "sleep-sets" | "none";
    }
  | {
      kind: "pct";
      depth: number;
      runs: number;
      processes: number;
      steps: number;
      missProbability: number;
      distinct: boolean;
      exhaustive?: { preemptionBound: number; schedules: number };
    }
  | { kind: "random"; runs: number };

/** The depth PCT's stated bound is computed for: bugs that need at most one ordering constraint beyond the first (d ≤ 2). */
export const STATED_BUG_DEPTH = 2;

/**
 * PCT's guarantee for one run: a bug of depth `depth` is found with probability at least
 * 1/(n·k^(depth−1)), for n processes and k scheduling steps.
 */
export function pctRunProbability(processes: number, steps: number, depth: number): number {
  const n = Math.max(1, processes);
  const k = Math.max(1, steps);
  return 1 / (n * Math.pow(k, Math.max(0, depth - 1)));
}

/** The probability that `runs` independent PCT runs all miss a bug of depth `depth`: at most (1 − p)^runs. */
export function pctMissProbability(processes: number, steps: number, depth: number, runs: number): number {
  if (runs <= 0) return 1;
  const p = pctRunProbability(processes, steps, depth);
  if (p >= 1) return 0;
  return Math.exp(runs * Math.log1p(-p));
}

/** The fewest PCT runs whose miss probability is at most `target`. */
export function pctRunsFor(target: number, processes: number, steps: number, depth: number): number {
  const p = pctRunProbability(processes, steps, depth);
  if (p >= 1) return 1;
  if (!(target > 0)) return Infinity;
  if (target >= 1) return 0;
  return Math.ceil(Math.log(target) / Math.log1p(-p));
}

/** How many PCT configurations there are: n! orders of the priorities times k^(d−1) choices of change points. */
export function pctConfigurations(processes: number, steps: number, depth: number): number {
  let n = 1;
  for (let i = 2; i <= processes; i++) n *= i;
  return n * Math.pow(Math.max(1, steps), Math.max(0, depth - 1));
}

/**
 * The miss probability after `runs` PCT runs with pairwise different configurations, drawn
 * uniformly without replacement: at least (n−1)! of the N configurations find a given bug of
 * depth `depth` (those that give its first process the top priority and put the change points
 * where the bug needs them), so all runs miss it with probability at most Π_{i<runs} (1 − (n−1)!/(N − i)).
 */
export function pctMissProbabilityDistinct(processes: number, steps: number, depth: number, runs: number): number {
  const total = pctConfigurations(processes, steps, depth);
  // Beyond exact integers the draws are as good as independent.
  if (!(total <= Number.MAX_SAFE_INTEGER)) return pctMissProbability(processes, steps, depth, runs);
  const finding = total * pctRunProbability(processes, steps, depth);
  if (runs > total - finding) return 0;
  let log = 0;
  for (let i = 0; i < runs; i++) log += Math.log1p(-finding / (total - i));
  return Math.exp(log);
}

/** The fewest distinct-configuration PCT runs whose miss probability (pctMissProbabilityDistinct) is at most `target`; Infinity past `limit`. */
export function pctDistinctRunsFor(target: number, processes: number, steps: number, depth: number, limit = 1_000_000): number {
  const total = pctConfigurations(processes, steps, depth);
  if (!(total <= Number.MAX_SAFE_INTEGER)) return pctRunsFor(target, processes, steps, depth);
  const finding = total * pctRunProbability(processes, steps, depth);
  const logTarget = Math.log(target);
  let log = 0;
  for (let i = 0; i < limit; i++) {
    if (i >= total - finding) return i + 1;
    log += Math.log1p(-finding / (total - i));
    if (log <= logTarget) return i + 1;
  }
  return Infinity;
}
