import type { TraceEvent } from "../kernel/trace";
import type { ProbedRun } from "./behaviour-trace";

/** Bump when the features change: cached fingerprints of another version are recomputed. */
export const BEHAVIOUR_VERSION = 1;

/** A behaviour fingerprint: feature → how often the runs showed it. */
export type BehaviourFeatures = Record<string, number>;

/** Which kind of object each call works on: the fingerprint keeps kinds, never names, keys or ids. */
const LOCKS = new Set(["mutex_lock", "mutex_trylock", "sem_wait", "sem_trywait"]);
const UNLOCKS = new Set(["mutex_unlock", "sem_post"]);

type Op = { token: string; acquire?: string; release?: string };

/** A semop's direction: "-" takes, "+" gives, "0" waits for zero (several sembufs: their signs in order). */
function semopSign(args: unknown[] | undefined): string {
  const ops = Array.isArray(args?.[1]) ? (args[1] as Array<{ op?: number }>) : [];
  return ops.map((o) => (typeof o?.op !== "number" ? "?" : o.op < 0 ? "-" : o.op > 0 ? "+" : "0")).join("");
}

/** The object a call works on, numbered by first use in the run: renaming keys or names changes nothing. */
function objectOf(e: TraceEvent): string | null {
  const a0 = e.args?.[0];
  switch (e.name) {
    case "mutex_lock":
    case "mutex_trylock":
    case "mutex_unlock":
      return `mutex:${String(a0)}`;
    case "sem_wait":
    case "sem_trywait":
    case "sem_post":
      return `sem:${String(a0)}`;
    case "semop":
      return `semset:${String(a0)}`;
    default:
      return null;
  }
}

/** One call as a behaviour token, plus whether it acquires or releases a lock-like object. */
function opOf(e: TraceEvent): Op | null {
  if (e.kind === "shm-read") return { token: `shm.${e.name}` };
  if (e.kind === "shm-write") return { token: `shm.${e.name}` };
  if (e.kind === "spawn") return { token: "spawn" };
  if (e.kind !== "syscall" || !e.name) return null;
  const failed = e.errno ? `!${e.errno}` : "";
  const object = objectOf(e);
  switch (e.name) {
    case "semop": {
      const sign = semopSign(e.args);
      const token = `semop${sign}${failed}`;
      if (failed) return { token };
      if (sign.includes("-")) return { token, acquire: `${object}` };
      if (sign.includes("+")) return { token, release: `${object}` };
      return { token };
    }
    case "kill":
    case "signal":
    case "sigaction":
      return { token: `${e.name}:${String(e.args?.[1] ?? e.args?.[0])}${failed}` };
    case "spawn":
      return null; // the "spawn" event above already says it
    default: {
      const token = `${e.name}${failed}`;
      if (!failed && LOCKS.has(e.name)) return { token, acquire: object ?? e.name };
      if (!failed && UNLOCKS.has(e.name)) return { token, release: object ?? e.name };
      return { token };
    }
  }
}

const kindOf = (object: string) => object.slice(0, object.indexOf(":") >>> 0);

/**
 * The behaviour fingerprint of a submission's traced runs (one per hidden test):
 * - for each of the submission's processes, its sequence of IPC calls with object kinds
 *   instead of names (`mutex_lock`, `semop-`, `msgsnd`, `shm.load`…), as 1-, 2- and 3-grams
 *   labelled with the process's role (the test's top-level process or a child), so the
 *   order of processes, their pids and the names of their functions do not matter;
 * - the lock structure: at every acquisition, the kinds of the locks already held
 *   (`hold:mutex>semset` = a semaphore taken while a mutex is held), and how deep.
 * Feature counts are summed over processes and tests; two programs that behave the same
 * have the same fingerprint whatever their text looks like.
 */
export function behaviourFeatures(runs: ProbedRun[]): BehaviourFeatures {
  const features: BehaviourFeatures = {};
  const add = (f: string) => (features[f] = (features[f] ?? 0) + 1);
  runs.forEach((run, t) => {
    const roles = new Map(run.processes.map((p) => [p.pid, p.parent === 0 ? "top" : "child"]));
    const sequences = new Map<number, Op[]>();
    for (const e of run.events) {
      if (!roles.has(e.pid)) continue;
      const op = opOf(e);
      if (!op) continue;
      let seq = sequences.get(e.pid);
      if (!seq) sequences.set(e.pid, (seq = []));
      seq.push(op);
    }
    for (const [pid, seq] of sequences) {
      const role = `${t}|${roles.get(pid)}`;
      const tokens = seq.map((o) => o.token);
      for (let i = 0; i < tokens.length; i++) {
        add(`${role}|${tokens[i]}`);
        if (i + 1 < tokens.length) add(`${role}|${tokens[i]} ${tokens[i + 1]}`);
        if (i + 2 < tokens.length) add(`${role}|${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
      }
      const held: string[] = [];
      for (const op of seq) {
        if (op.acquire) {
          add(`${t}|hold:${held.map(kindOf).join("+") || "-"}>${kindOf(op.acquire)}`);
          held.push(op.acquire);
        } else if (op.release) {
          const at = held.lastIndexOf(op.release);
          // Released in the reverse order of acquisition (nested), or not.
          if (at >= 0) {
            add(`${t}|release:${at === held.length - 1 ? "nested" : "crossed"}:${kindOf(op.release)}`);
            held.splice(at, 1);
          } else add(`${t}|release:unheld:${kindOf(op.release)}`);
        }
      }
      if (held.length) add(`${t}|exit-holding:${held.map(kindOf).join("+")}`);
    }
  });
  return features;
}

/**
 * Fingerprints as sorted feature numbers and counts, for comparing many pairs fast.
 * Feature numbers are shared by every fingerprint packed by one `FeatureTable`.
 */
export class FeatureTable {
  private readonly numbers = new Map<string, number>();
  pack(features: BehaviourFeatures | null): PackedFeatures | null {
    if (!features) return null;
    const entries = Object.entries(features).map(([f, c]) => {
      let n = this.numbers.get(f);
      if (n === undefined) this.numbers.set(f, (n = this.numbers.size));
      return [n, c] as const;
    });
    entries.sort((a, b) => a[0] - b[0]);
    let total = 0;
    for (const [, c] of entries) total += c;
    return { ids: Int32Array.from(entries, (e) => e[0]), counts: Float64Array.from(entries, (e) => e[1]), total };
  }
}

export type PackedFeatures = { ids: Int32Array; counts: Float64Array; total: number };

/**
 * Weighted Jaccard similarity, Σ min / Σ max over every feature (1 = the same behaviour),
 * and `beyondReference`: the share of what the two have in common that the reference
 * solution does not have too. A pair whose common behaviour is all the reference's
 * (beyondReference near 0) only matches "the structure every correct solution has".
 */
export function compareBehaviour(a: PackedFeatures, b: PackedFeatures, reference: PackedFeatures | null): { score: number; beyondReference: number } {
  let i = 0;
  let j = 0;
  let min = 0;
  let r = 0;
  let beyond = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) {
      const m = a.counts[i] < b.counts[j] ? a.counts[i] : b.counts[j];
      min += m;
      if (reference) {
        while (r < reference.ids.length && reference.ids[r] < x) r++;
        const refCount = r < reference.ids.length && reference.ids[r] === x ? reference.counts[r] : 0;
        if (m > refCount) beyond += m - refCount;
      } else beyond += m;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const max = a.total + b.total - min;
  return { score: max === 0 ? 0 : min / max, beyondReference: min === 0 ? 0 : beyond / min };
}
