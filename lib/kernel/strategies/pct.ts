import { Prng } from "../prng";
import type { Process } from "../process";
import { pctConfigurations, pctRunProbability } from "./coverage";
import type { Strategy } from "./types";

/** The change-point range for runs of at most `longest` decisions: half as many more, at least 4 more (0 while nothing is known). */
export function stepRange(longest: number): number {
  return longest > 0 ? longest + Math.max(4, Math.ceil(longest / 2)) : 0;
}

/** Configuration spaces up to this size are enumerated in a shuffled order; larger ones are sampled with rejection. */
const ENUMERATE_UP_TO = 50_000;

/**
 * Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010): random distinct
 * priorities, always run the highest-priority ready process, and d−1 random priority-change
 * points, the i-th of which lowers the process that takes that step to priority i (below
 * every initial priority). A bug of depth d is then found with probability at least
 * 1/(n·k^(d−1)) per run, for n processes and k steps.
 *
 * Steps here are the scheduling decisions (points where two or more processes are ready):
 * the kernel's schedule is exactly its sequence of decisions, a forced step (one ready
 * process) being part of the step before it. Change points are drawn from 1..K and
 * priorities for n processes (in spawn order), n being the most processes any earlier run had
 * and K the most decisions plus a margin (half as many, at least 4): learnt, never guessed (until a
 * run has been seen, runs have no change points and count for nothing). A run's configuration
 * (the order of the priorities and the change points) determines it, given the data seed.
 *
 * With `distinct`, configurations are drawn without replacement within the current (n, K)
 * space (for a fixed data seed, a repeated configuration repeats a run exactly): at least
 * (n−1)! of the n!·K^(d−1) configurations find a given bug of depth d, so the miss
 * probability after R distinct draws is at most Π (1 − (n−1)!/(N−i)), below PCT's
 * (1 − 1/(n·K^(d−1)))^R, and 0 once all N were run (`spaceExhausted`).
 *
 * `missProbability()` counts only runs drawn from the current space, and only if its K covers
 * the longest run and its n the most processes seen, so the bound it states (with k = K) holds
 * for every run length and process count observed.
 */
export class PctStrategy implements Strategy {
  readonly name = "pct";
  private readonly prng: Prng;
  /** Decision index of each change point; the i-th lowers its process to priority i + 1. */
  private changePoints: number[] = [];
  private priorities: number[] = [];
  private decisions = 0;
  private spawned = 0;
  /** Range of change points and number of priorities drawn for the next run: the most decisions and processes a run has had. */
  private k: number;
  private n: number;
  /** The (n, K) space the current run's configuration was drawn from, and its runs. */
  private space = "";
  private spaceRuns = 0;
  /** log of the probability that the runs of the current space all missed a given bug of depth `depth`. */
  private spaceLogMiss = 0;
  private seen = new Set<string>();
  /** The current space's shuffle, drawn lazily: position → configuration, only for positions a draw has touched. */
  private swapped = new Map<number, number>();
  /** True once every configuration of the current space was run. */
  spaceExhausted = false;
  /** Most decisions and most processes of any run. */
  maxSteps = 0;
  maxProcesses = 0;
  runs = 0;

  constructor(
    seed: number,
    readonly depth = 3,
    /** Decisions per run already known (e.g. from an exhaustive search of the same program). */
    knownSteps = 0,
    knownProcesses = 0,
    /** Draw configurations without replacement (only meaningful when every run has the same data seed). */
    readonly distinct = false,
  ) {
    this.prng = new Prng(seed);
    this.maxSteps = knownSteps;
    this.k = stepRange(knownSteps);
    this.n = this.maxProcesses = knownProcesses;
  }

  beginRun(): void {
    this.decisions = 0;
    this.spawned = 0;
    const space = `${this.n}/${this.k}`;
    if (space !== this.space) {
      this.space = space;
      this.spaceRuns = 0;
      this.spaceLogMiss = 0;
      this.seen.clear();
      this.swapped.clear();
      this.spaceExhausted = false;
    }
    this.drawConfiguration();
  }

  private randomConfiguration(): void {
    this.priorities = [];
    for (let i = 0; i < this.n; i++) this.priorities.push(this.prng.float());
    this.changePoints = [];
    if (this.k > 0) for (let i = 0; i < this.depth - 1; i++) this.changePoints.push(1 + this.prng.int(this.k));
  }

  /** Sets `priorities` and `changePoints` to configuration number `c` of the space (a permutation of n, then d−1 change points). */
  private configuration(c: number): void {
    const n = this.n;
    const pool = Array.from({ length: n }, (_, i) => i);
    const ranks: number[] = [];
    let rest = c;
    for (let i = 0; i < this.depth - 1; i++) {
      this.changePoints[i] = 1 + (rest % this.k);
      rest = Math.floor(rest / this.k);
    }
    this.changePoints.length = this.depth - 1;
    for (let i = n; i > 0; i--) {
      ranks.push(pool.splice(rest % i, 1)[0]);
      rest = Math.floor(rest / i);
    }
    this.priorities = ranks.map((r) => (r + 0.5) / n);
  }

  private drawConfiguration(): void {
    if (!this.distinct || this.k === 0) return this.randomConfiguration();
    const size = pctConfigurations(this.n, this.k, this.depth);
    if (size <= ENUMERATE_UP_TO) {
      // Every configuration once, in a seeded random order: Fisher–Yates drawn one position per
      // run, over a sparse map of the positions swapped so far. Shuffling the whole space up
      // front cost up to 50,000 draws each time the space grew, a quarter of an exploration.
      const i = this.spaceRuns % size;
      if (i === 0) this.swapped.clear();
      const j = i + this.prng.int(size - i);
      const chosen = this.swapped.get(j) ?? j;
      this.swapped.set(j, this.swapped.get(i) ?? i);
      this.configuration(chosen);
      if (this.spaceRuns + 1 >= size) this.spaceExhausted = true;
      return;
    }
    // A space this large is sampled with rejection: repeats are rare.
    for (let attempt = 0; attempt < 100; attempt++) {
      this.randomConfiguration();
      const ranks = this.priorities.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
      const key = `${ranks.join(",")}|${this.changePoints.join(",")}`;
      if (!this.seen.has(key)) {
        this.seen.add(key);
        return;
      }
    }
  }

  onSpawn(p: Process): void {
    const i = this.spawned++;
    p.priority = this.depth + (i < this.priorities.length ? this.priorities[i] : this.prng.float());
  }

  choose(ready: readonly Process[]): number {
    const step = ++this.decisions;
    let best = 0;
    for (let i = 1; i < ready.length; i++) if (ready[i].priority > ready[best].priority) best = i;
    // The process taking the i-th change point's step drops to priority i + 1 after it.
    for (let i = 0; i < this.changePoints.length; i++) if (this.changePoints[i] === step) ready[best].priority = i + 1;
    return best;
  }

  endRun(): void {
    this.runs++;
    if (this.k > 0) {
      // This run, the spaceRuns-th of its space, finds a given bug with probability at least p
      // (independent draws), or (n−1)!/(N − spaceRuns) (distinct draws: that many of the N configurations do).
      const p = pctRunProbability(this.n, this.k, this.depth);
      const total = pctConfigurations(this.n, this.k, this.depth);
      const found = this.distinct && total <= Number.MAX_SAFE_INTEGER ? (total * p) / (total - this.spaceRuns) : p;
      this.spaceLogMiss = found >= 1 ? -Infinity : this.spaceLogMiss + Math.log1p(-found);
      this.spaceRuns++;
    }
    if (this.decisions > this.maxSteps) this.maxSteps = this.decisions;
    if (this.spawned > this.maxProcesses) this.maxProcesses = this.spawned;
    // A margin on the range: a run a little longer than any before does not start a new space.
    if (this.maxSteps > this.k) this.k = stepRange(this.maxSteps);
    this.n = this.maxProcesses;
  }

  /** The range change points are drawn from, k in the bound: at least the longest run seen. */
  get steps(): number {
    return this.k;
  }

  /** Runs that count for the stated bound: drawn from the current space, which covers the longest run and most processes seen. */
  get countedRuns(): number {
    return this.space === `${this.n}/${this.k}` && this.k >= this.maxSteps && this.maxSteps > 0 ? this.spaceRuns : 0;
  }

  /** The probability that every counted run missed a given bug of depth `bugDepth` (1 unless bugDepth is this PCT's depth). */
  missProbability(bugDepth = this.depth): number {
    if (this.runs > 0 && this.maxSteps === 0) return 0; // no decisions: the one schedule there is was run
    // Extra change points could undo a bug of smaller depth: only runs with exactly that depth count.
    if (bugDepth !== this.depth) return 1;
    return this.countedRuns > 0 ? Math.exp(this.spaceLogMiss) : 1;
  }
}
