import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gradeSource } from "@/lib/grader/grade-source";
import { loadExercise } from "@/lib/grader/exercises/load-exercise";
import type { GradeReport } from "@/lib/grader/types";

/**
 * Issue #12, "Sealed grader": hostile submissions that reach past the `ipc` API (the kernel's
 * live objects, state shared between processes, the harness's drivers and semaphores, the
 * host's trust in what the sandbox returns) to score more than they deserve, or to make the
 * host pay for them. Each case states the HONEST outcome: the score the same logic earns
 * without the trick (a plain starter or mutant graded in the same test, or a fixed number),
 * a graded or resource-limit verdict (never a crash), a bounded report without hidden-test
 * source, and a grading that ends on time.
 *
 * The probes are structural, not one-off tricks: they find what they use by walking every
 * object user code can reach (see PRELUDE), and do nothing when there is nothing to find, so
 * on a sealed grader each submission falls back to its honest behaviour.
 */

const REPO = path.resolve(import.meta.dirname, "../..");
const EXERCISES = path.join(REPO, "exercises");
const FIXTURES = path.resolve(import.meta.dirname, "exercises");

/** A report the host may store and send: at most this many characters of JSON. */
const MAX_REPORT_CHARS = 1_000_000;
/** How far past the wall-clock limit a grading may run (host work included). */
const WALL_SLACK_MS = 1500;

// ------------------------------------------------------------------------------------------
// The prelude: a generic object-graph walker, appended to every submission that needs it.
// ------------------------------------------------------------------------------------------

/**
 * User-side code (TypeScript, appended to a submission). `sealedProbe()` calls nearly every
 * part of the API once, keeps everything it returned (values, thrown errors, what a signal
 * handler received) and walks the object graph from there: own properties, getters (and what
 * they return, read on the object itself), prototypes, Map and Set contents. It reports
 *   - `kernelish`: objects carrying a property named like the kernel's records (procs, ready,
 *     strategy, fds, sigActions, seg, owner, k, opts, …);
 *   - `mutable`: objects that are neither frozen nor plain data the caller owns (a fresh
 *     object or array of its own, an error whose prototype is frozen);
 *   - `kernel`: the first object that looks like the Kernel itself (`procs` and `strategy`).
 * The forging helpers below act only on what the walk found, by property names.
 */
export const PRELUDE = String.raw`
import * as SEALED_IPC from "ipc";

const SEALED_KERNEL_KEYS = ["procs", "ready", "strategy", "fds", "sigActions", "seg", "owner", "k", "opts", "kproc", "allProcs", "onEnd", "cleanups", "waitQueue", "recvBuf", "peer", "prng"];

/** Built-ins the sandbox freezes: skipped unless a walk asks for them. */
function sealedBuiltins(): Set<unknown> {
  const s = new Set<unknown>([globalThis]);
  const ctors: any[] = [Object, Function, Array, Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, Promise, Map, Set, WeakMap, WeakSet, Date, RegExp, String, Number, Boolean, Symbol, BigInt, ArrayBuffer, DataView, Uint8Array, Int32Array, Float64Array, Object.getPrototypeOf(Uint8Array), Proxy, JSON, Math, Reflect, Atomics];
  for (const c of ctors) {
    s.add(c);
    if (c && c.prototype) s.add(c.prototype);
  }
  for (const f of [async function () {}, function* () {}, async function* () {}] as any[]) {
    s.add(Object.getPrototypeOf(f));
    s.add(Object.getPrototypeOf(f).prototype);
  }
  s.add(Object.getPrototypeOf([][Symbol.iterator]()));
  s.add(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  return s;
}

/** Data of the caller's own: a fresh plain object or array, or an error whose prototype is frozen. */
function sealedIsData(v: any): boolean {
  if (typeof v !== "object" || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === Array.prototype || p === null || (v instanceof Error && Object.isFrozen(p));
}

type SealedFinding = { path: string; what: string; obj: unknown };

function sealedWalk(roots: Array<[string, unknown]>, includeBuiltins = false, limit = 6000, untilKernel = false) {
  const skip = includeBuiltins ? new Set<unknown>() : sealedBuiltins();
  const seen = new Set<unknown>();
  const queue: Array<[unknown, string]> = roots.map(([at, v]) => [v, at]);
  const kernelish: SealedFinding[] = [];
  const mutable: SealedFinding[] = [];
  let kernel: any = null;
  const isObj = (v: unknown) => (typeof v === "object" && v !== null) || typeof v === "function";
  for (let i = 0; i < queue.length && seen.size < limit; i++) {
    const [v, at] = queue[i] as [any, string];
    if (!isObj(v) || seen.has(v) || skip.has(v)) continue;
    seen.add(v);
    let keys: Array<string | symbol> = [];
    try {
      keys = Reflect.ownKeys(v);
    } catch {
      continue;
    }
    const hits = keys.filter((key) => typeof key === "string" && SEALED_KERNEL_KEYS.includes(key)) as string[];
    if (hits.length) kernelish.push({ path: at, what: hits.join(","), obj: v });
    if (!kernel && hits.includes("procs") && hits.includes("strategy")) {
      kernel = v;
      if (untilKernel) break;
    }
    if (!Object.isFrozen(v) && !sealedIsData(v)) mutable.push({ path: at, what: typeof v === "function" ? "function" : "object " + String(v.constructor?.name), obj: v });
    for (const key of keys) {
      let d: PropertyDescriptor | undefined;
      try {
        d = Object.getOwnPropertyDescriptor(v, key);
      } catch {
        continue;
      }
      if (!d) continue;
      const next = at + "." + String(key);
      if ("value" in d) queue.push([d.value, next]);
      else {
        queue.push([d.get, next + "<get>"]);
        queue.push([d.set, next + "<set>"]);
      }
    }
    let proto: any = null;
    try {
      proto = Object.getPrototypeOf(v);
    } catch {}
    // Inherited accessors, read on the object itself (the ipc stubs, a view's fields).
    for (let p = proto, depth = 0; p && !skip.has(p) && depth < 4; p = Object.getPrototypeOf(p), depth++) {
      for (const key of Reflect.ownKeys(p)) {
        const d = Object.getOwnPropertyDescriptor(p, key);
        if (d && d.get) {
          try {
            queue.push([Reflect.get(p, key, v), at + "." + String(key)]);
          } catch {}
        }
      }
    }
    queue.push([proto, at + ".__proto__"]);
    try {
      if (v instanceof Map) for (const [a, b] of v) queue.push([a, at + "{key}"], [b, at + "{" + String(a) + "}"]);
      if (v instanceof Set) for (const a of v) queue.push([a, at + "{item}"]);
    } catch {}
  }
  return { kernelish, mutable, kernel, visited: seen.size };
}

/**
 * Calls nearly every part of the API once and walks everything it handed back. Leaves nothing
 * behind: private objects are removed, descriptors closed, the child reaped, the handler reset.
 */
async function sealedProbe(extra: Array<[string, unknown]> = [], includeBuiltins = false, untilKernel = false) {
  const ipc: any = SEALED_IPC;
  const roots: Array<[string, unknown]> = [["ipc", ipc], ...extra];
  const attempt = async (label: string, f: () => unknown): Promise<any> => {
    try {
      const v = await f();
      roots.push([label, v]);
      return v;
    } catch (e) {
      roots.push([label + " threw", e]);
      return undefined;
    }
  };
  const quietly = async (f: () => unknown) => {
    try {
      await f();
    } catch {}
  };
  roots.push(["IpcError", ipc.IpcError]);
  const shm = await attempt("shmget", () => ipc.shmget(ipc.IPC_PRIVATE, 1, ipc.IPC_CREAT | 0o600));
  const view = await attempt("shmat", () => ipc.shmat(shm));
  await attempt("shmctl", () => ipc.shmctl(shm, ipc.IPC_STAT));
  const q = await attempt("msgget", () => ipc.msgget(ipc.IPC_PRIVATE, ipc.IPC_CREAT | 0o600));
  await attempt("msgsnd", () => ipc.msgsnd(q, { type: 1, data: { x: [1] } }));
  await attempt("msgrcv", () => ipc.msgrcv(q, 0));
  await attempt("msgctl", () => ipc.msgctl(q, ipc.IPC_STAT));
  const sem = await attempt("semget", () => ipc.semget(ipc.IPC_PRIVATE, 1, ipc.IPC_CREAT | 0o600));
  await attempt("semop", () => ipc.semop(sem, [{ num: 0, op: 1 }]));
  await attempt("semctl GETALL", () => ipc.semctl(sem, 0, ipc.GETALL));
  await attempt("semctl IPC_STAT", () => ipc.semctl(sem, 0, ipc.IPC_STAT));
  const sock = await attempt("socket", () => ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM));
  const fds = (await attempt("pipe", () => ipc.pipe())) ?? [];
  await attempt("sigprocmask", () => ipc.sigprocmask(ipc.SIG_BLOCK, []));
  await attempt("sigpending", () => ipc.sigpending());
  let handled: unknown[] = [];
  const handler = Object.freeze(function (this: unknown, ...args: unknown[]) {
    handled = [this, args];
  });
  await attempt("sigaction", () => ipc.sigaction(ipc.SIGUSR1, { handler }));
  await attempt("kill self", () => ipc.kill(ipc.getpid(), ipc.SIGUSR1));
  await attempt("sched_yield", () => ipc.sched_yield());
  roots.push(["handler got", handled]);
  await attempt("sigaction reset", () => ipc.sigaction(ipc.SIGUSR1, { handler: "SIG_DFL" }));
  await attempt("readdir", () => ipc.readdir("/"));
  const child = await attempt("spawn", () => ipc.spawn("head", ["-n", "0"]));
  if (child !== undefined) await attempt("waitpid", () => ipc.waitpid(child));
  await attempt("bad shmget", () => ipc.shmget(-1, -1, 0));
  await attempt("bad close", () => ipc.close(4242));
  await attempt("bad kill", () => ipc.kill(4242, 0));
  const found = sealedWalk(roots, includeBuiltins, 6000, untilKernel);
  for (const fd of [sock, ...fds]) if (fd !== undefined) await quietly(() => ipc.close(fd));
  await quietly(() => ipc.shmdt(view));
  await quietly(() => ipc.shmctl(shm, ipc.IPC_RMID));
  await quietly(() => ipc.msgctl(q, ipc.IPC_RMID));
  await quietly(() => ipc.semctl(sem, 0, ipc.IPC_RMID));
  return found;
}

/** The kernel, if anything user code can reach leads to it; else null. */
async function sealedFindKernel(): Promise<any> {
  return (await sealedProbe([], false, true)).kernel;
}

/** From now on the kernel never preempts: whoever ran last runs on, so no race or deadlock shows. */
function sealedNoPreemption(k: any): void {
  k.strategy.choose = (ready: any[], last: any) => Math.max(0, ready.indexOf(last));
}

/** However this run ends, it ends "completed", every process exited 0, after fix(k) has rewritten the records. */
function sealedForgeEnd(k: any, fix: (k: any) => void = () => {}): void {
  const end = k.end;
  k.end = function (this: any) {
    try {
      fix(this);
    } catch {}
    for (const p of this.allProcs) {
      p.exit = { exited: true, code: 0 };
      p.state = "reaped";
      p.error = null;
    }
    this.procs.clear();
    return end.call(this, { kind: "completed" });
  };
}
`;

/** `source` with the prelude appended (imports may come anywhere at the top level). */
const withPrelude = (source: string) => `${source}\n${PRELUDE}`;

const read = (slug: string, file: string) => fs.readFileSync(path.join(EXERCISES, slug, file), "utf8");

/** `source` with `from` replaced by `to`, exactly once (a changed exercise must not silently defuse a case). */
function replaceOnce(source: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? source.split(from).length - 1 : (source.match(new RegExp(from.source, "g")) ?? []).length;
  if (count !== 1) throw new Error(`expected exactly one ${String(from)} in the source, found ${count}`);
  return source.replace(from, to);
}

/** Inserts `code` as the first statements of `export async function <fn>(…) {` in `source`. */
function atStartOf(source: string, fn: string, code: string): string {
  const re = new RegExp(`export async function ${fn}\\([^)]*\\)(: [^{]+)? \\{\\n`);
  const m = re.exec(source);
  if (!m) throw new Error(`no function ${fn} in the source`);
  return source.slice(0, m.index + m[0].length) + code + "\n" + source.slice(m.index + m[0].length);
}

// ------------------------------------------------------------------------------------------
// The shared-counter fixture (two workers add 3 each to cell 0 of shm 0x42; checks it is 6).
// ------------------------------------------------------------------------------------------

/** The fixture's correct program; `extraMain` runs first in main, `extraWorker` first in each worker. */
function counter({ extraMain = "", extraWorker = "", header = "" }: { extraMain?: string; extraWorker?: string; header?: string } = {}): string {
  return `${header}
import { shmget, shmat, spawn, waitpid } from "ipc";
export async function main(n: number) {
${extraMain}
  const a = await spawn(worker, [n]);
  const b = await spawn(worker, [n]);
  await waitpid(a);
  await waitpid(b);
}
export async function worker(n: number) {
${extraWorker}
  const cell = await shmat(await shmget(0x42, 1, 0));
  for (let i = 0; i < n; i++) await cell.fetchAdd(0, 1);
}
`;
}

/** Spoils the fixture's result (the counter ends at 7) and says why, when `cond` holds. */
const spoilIf = (cond: string, why: string) => `if (${cond}) {
  SEALED_IPC.print("FOUND", ${why});
  const spoil = await SEALED_IPC.shmat(await SEALED_IPC.shmget(0x42, 1, 0));
  await spoil.fetchAdd(0, 1);
}`;

/** A program for the fixture that does nothing useful; `code` runs in main. */
const doNothing = (code: string) => `import * as ipc from "ipc";\nexport async function main(n: number) {\n${code}\n}\n`;

// ------------------------------------------------------------------------------------------
// The cases
// ------------------------------------------------------------------------------------------

type Honest =
  /** Exactly this score (or, with `orLimit`, 0 under a resource-limit verdict). */
  | { score: number; orLimit?: boolean }
  /** Exactly what this file of the exercise (its starter or a mutant) scores, which must be below full marks. */
  | { like: string };

type Case = {
  name: string;
  exercise: string;
  source: string;
  honest: Honest;
  /** Allowed verdicts (default: graded or resource-limit). */
  verdicts?: GradeReport["verdict"][];
  /** A failure message the (first failing) test must show, e.g. the kernel's own step-limit report. */
  message?: RegExp;
};

const FIX_THE_RACE_STARTER = read("fix-the-race", "starter.ts");
const DINING_STARTER = read("dining-philosophers", "starter.ts");
const SIGNALS_STARTER = read("signals-graceful-shutdown", "starter.ts");

export const CASES: Case[] = [
  // ---------------------------------------------------------------- the kernel's live objects

  // Attacks: the unfixed fix-the-race starter, plus "find the Kernel through whatever the API
  // returns and make its scheduler non-preemptive", so the race never shows.
  {
    name: "fix-the-race starter + a kernel without preemption",
    exercise: "fix-the-race",
    source: withPrelude(atStartOf(FIX_THE_RACE_STARTER, "main", "  { const k = await sealedFindKernel(); if (k) sealedNoPreemption(k); }")),
    honest: { like: "starter.ts" },
  },
  // Attacks: the deadlocking dining-philosophers starter, with the same scheduler forge.
  {
    name: "dining-philosophers starter + a kernel without preemption",
    exercise: "dining-philosophers",
    source: withPrelude(atStartOf(DINING_STARTER, "table", "  { const k = await sealedFindKernel(); if (k) sealedNoPreemption(k); }")),
    honest: { like: "starter.ts" },
  },
  // Attacks: the never-stopping signals starter (workers never stop, the supervisor dies of
  // SIGINT), plus "rewrite how the run ends": completed, every exit 0, every open job closed;
  // and a lower step limit, so that the forged runs end early.
  {
    name: "signals starter + a forged end of run",
    exercise: "signals-graceful-shutdown",
    source: withPrelude(
      atStartOf(
        SIGNALS_STARTER,
        "main",
        String.raw`  {
    const k = await sealedFindKernel();
    if (k) k.opts.maxSteps = 300;
    if (k)
      sealedForgeEnd(k, (kk) => {
        for (const p of kk.allProcs) {
          if (p.name !== "worker") continue;
          const done = new Set([...p.output.matchAll(/^done (\d+)$/gm)].map((m: any) => m[1]));
          for (const m of p.output.matchAll(/^start (\d+)$/gm)) if (!done.has(m[1])) p.output += "done " + m[1] + "\n";
        }
      });
  }`,
      ),
    ),
    honest: { like: "starter.ts" },
  },
  // Attacks: reading hidden scenario data. A "server" that serves nothing: it finds the
  // harness's client drivers, runs their closures against a fake ipc to learn what each
  // hidden test sends, writes the echoes the check expects into the records, and ends the run.
  {
    name: "socket-echo-server with no server: hidden client data read from the drivers",
    exercise: "socket-echo-server",
    source: withPrelude(String.raw`
export async function server() {
  const k = await sealedFindKernel();
  if (!k) return;
  const logged: string[] = [];
  for (const d of k.allProcs.filter((p: any) => typeof p.entry === "function")) {
    const sent: string[] = [];
    const fake: any = new Proxy({}, {
      get: (_t, name) => {
        if (name === "send") return async (_fd: number, s: string) => void sent.push(s);
        if (name === "recv") return async () => "";
        if (typeof name === "string" && /^[A-Z_]+$/.test(name)) return 1;
        return async () => 3;
      },
    });
    await d.entry(fake, []);
    const data = sent.join("");
    for (let i = 0; i < data.length; ) {
      const n = Number(data.slice(i, i + 4));
      logged.push(data.slice(i + 4, i + 4 + n));
      i += 4 + n;
    }
    d.output = JSON.stringify(data) + "\n";
  }
  const me = k.allProcs.find((p: any) => p.pid === SEALED_IPC.getpid());
  me.output = logged.map((m) => m + "\n").join("");
  sealedForgeEnd(k);
  k.end({ kind: "completed" });
}
`),
    honest: { score: 0 },
  },
  // Attacks: kernel state outlives a run. Only in the first hidden test (told apart by its
  // arguments) does the starter reach the kernel, and it patches the Kernel class itself:
  // every later kernel (later runs, later tests, the replays) never preempts.
  {
    name: "fix-the-race starter + a Kernel.prototype patch made in the first test only",
    exercise: "fix-the-race",
    source: withPrelude(
      atStartOf(
        FIX_THE_RACE_STARTER,
        "main",
        `  if (JSON.stringify(tellers) === "[[50,2],[-30,2]]") {
    const k = await sealedFindKernel();
    const proto = k && Object.getPrototypeOf(k);
    if (proto && !Object.prototype.hasOwnProperty.call(proto, "sealedPatched")) {
      const run = proto.run;
      proto.run = function (this: any) {
        sealedNoPreemption(this);
        return run.call(this);
      };
      proto.sealedPatched = true;
    }
    if (k) sealedNoPreemption(k);
  }`,
      ),
    ),
    honest: { like: "starter.ts" },
  },
  // Attacks: shmat() handing out the kernel's segment (its backing array): a read-only
  // attachment writes 6 straight into memory. Honestly, a read-only attachment cannot store.
  {
    name: "shared-counter: a read-only attachment writes through the kernel's backing array",
    exercise: "shared-counter",
    source: withPrelude(
      doNothing(`
  const view: any = await ipc.shmat(await ipc.shmget(0x42, 1, 0), { readonly: true });
  const r = sealedWalk([["view", view]]);
  for (const f of r.kernelish) SEALED_IPC.print("kernelish", f.path, f.what);
  const data = view.seg?.data ?? view.data;
  if (data && typeof data.length === "number") data[0] = 6;
  else {
    try { await view.store(0, 6); } catch {}
  }`),
    ),
    honest: { score: 0 },
  },
  // Attacks: check errors quoting hidden test code. With the kernel in hand the snapshot can
  // take any shape: here its shm list becomes an object, so checkBalance's s.shm.find(...)
  // throws "s.shm.find is not a function", which the report then quotes.
  {
    name: "fix-the-race starter + a snapshot shaped to make the check throw",
    exercise: "fix-the-race",
    source: withPrelude(atStartOf(FIX_THE_RACE_STARTER, "main", "  { const k = await sealedFindKernel(); if (k) k.shm.snapshot = () => ({ length: 1 }); }")),
    honest: { like: "starter.ts" },
  },
  // Attacks: the kernel's limits (maxSteps), writable from inside: a busy loop that the
  // kernel must report as a livelock instead runs into the host's limits.
  {
    name: "shared-counter: raise the step limit, then spin on sched_yield",
    exercise: "shared-counter",
    source: withPrelude(doNothing("const k = await sealedFindKernel();\nif (k) k.opts.maxSteps = Infinity;\nfor (;;) await ipc.sched_yield();")),
    honest: { score: 0 },
    verdicts: ["graded"],
    message: /livelock|busy-wait|step/i,
  },
  // Attacks: the kernel's output and trace caps, writable from inside, then a flood that
  // the failing run's report would carry in full.
  {
    name: "shared-counter: lift the output and trace caps, then flood",
    exercise: "shared-counter",
    source: withPrelude(
      doNothing(`const k = await sealedFindKernel();
if (k) { k.opts.outputCap = Infinity; if (k.trace) (k.trace as any).cap = Infinity; }
const line = "flood ".repeat(150);
for (let i = 0; i < 3000; i++) { ipc.print(line, i); await ipc.sched_yield(); }`),
    ),
    honest: { score: 0 },
  },

  // ---------------------------------------------------------------- time-of-check-to-time-of-use

  // Attacks: msgsnd validates msg.type, then reads it again to store it. A getter answers 1
  // to the checks and something else afterwards: a non-positive or non-number type lands in
  // the queue. Honestly, msgsnd stores what it validated (or refuses).
  {
    name: "TOCTOU: msgsnd's message type changes after validation",
    exercise: "shared-counter",
    source: withPrelude(
      counter({
        extraMain: `
  const q = await SEALED_IPC.msgget(SEALED_IPC.IPC_PRIVATE, SEALED_IPC.IPC_CREAT | 0o600);
  const bad: unknown[] = [-7, 0, 1.5, "x", () => 0];
  for (const value of bad) {
    let reads = 0;
    try { await SEALED_IPC.msgsnd(q, { get type() { return ++reads <= 2 ? 1 : value; }, data: "m" } as any, SEALED_IPC.IPC_NOWAIT); } catch {}
  }
  const got: unknown[] = [];
  for (;;) {
    try { got.push((await SEALED_IPC.msgrcv(q, 0, SEALED_IPC.IPC_NOWAIT)).type); } catch { break; }
  }
  await SEALED_IPC.msgctl(q, SEALED_IPC.IPC_RMID);
  ${spoilIf("got.some((t) => typeof t !== 'number' || !Number.isInteger(t) || t <= 0)", "'msgsnd stored types ' + got.map(String).join(', ')")}`,
      }),
    ),
    honest: { score: 100 },
  },
  // Attacks: semop reads each sembuf's op several times (validation, the permission check, the
  // operation). A getter answers 0 to the permission check (read access suffices) and +5 to
  // the operation: a process with read-only access changes the semaphore. It also pushes a
  // value past SEMVMX. Honestly, the operation is EACCES / ERANGE and the value stays put.
  {
    name: "TOCTOU: semop's op changes between the permission check and the operation",
    exercise: "shared-counter",
    source: withPrelude(
      counter({
        extraMain: `
  const sem = await SEALED_IPC.semget(SEALED_IPC.IPC_PRIVATE, 1, SEALED_IPC.IPC_CREAT | 0o644);
  const other = await SEALED_IPC.spawn(semProbe, [sem], { uid: 1000, gid: 1000 });
  const st: any = await SEALED_IPC.waitpid(other);
  let big = false;
  let reads = 0;
  try { await SEALED_IPC.semop(sem, [{ num: 0, get op() { return ++reads <= 4 ? 1 : 40000; } } as any]); } catch {}
  const value = await SEALED_IPC.semctl(sem, 0, SEALED_IPC.GETVAL);
  big = value > 32767;
  await SEALED_IPC.semctl(sem, 0, SEALED_IPC.IPC_RMID);
  ${spoilIf("st.status.code !== 0 || big", "'semop: read-only writer exit ' + st.status.code + ', value ' + value")}`,
        header: `import * as PROBE from "ipc";
export async function semProbe([sem]: [number]) {
  try { await PROBE.semop(sem, [{ num: 0, op: 1 }]); return 2; } catch {}
  let reads = 0;
  try { await PROBE.semop(sem, [{ num: 0, get op() { return ++reads === 2 ? 0 : 5; } } as any]); } catch {}
  return (await PROBE.semctl(sem, 0, PROBE.GETVAL)) === 0 ? 0 : 1;
}`,
      }),
    ),
    honest: { score: 100 },
  },
  // Attacks: spawn's argument copy. Arrays are copied with the array's own `map` (student
  // code), Proxies answer whatever they like, getters run during the copy: the child gets a
  // live function from its parent. Honestly, a child gets JSON data or spawn fails (EINVAL).
  {
    name: "TOCTOU: spawn arguments with an own map, a Proxy and getters",
    exercise: "shared-counter",
    source: withPrelude(
      counter({
        extraMain: `
  const live = () => "a live function from the parent";
  const withMap: any = Object.defineProperty([1], "map", { value: () => [live] });
  const proxy = new Proxy([1], { get: (t, p, r) => (p === "map" ? () => [live] : Reflect.get(t, p, r)) });
  let reads = 0;
  const getter = [{ get x() { return ++reads === 1 ? 1 : live; } }];
  const outcomes: number[] = [];
  for (const args of [withMap, proxy, getter]) {
    try {
      const child = await SEALED_IPC.spawn(argsProbe, args as any);
      outcomes.push(((await SEALED_IPC.waitpid(child)) as any).status.code);
    } catch { outcomes.push(0); }
  }
  ${spoilIf("outcomes.some((c) => c !== 0)", "'spawn args: children exited ' + outcomes.join(', ')")}`,
        header: `export function argsProbe(args: unknown) {
  const seen: unknown[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8) return;
    seen.push(v);
    if (v && typeof v === "object") for (const k of Object.keys(v)) visit((v as any)[k], depth + 1);
  };
  visit(args, 0);
  return seen.some((v) => typeof v === "function" || (v !== null && typeof v === "object" && ![Object.prototype, Array.prototype].includes(Object.getPrototypeOf(v)))) ? 1 : 0;
}`,
      }),
    ),
    honest: { score: 100 },
  },
  // Attacks: write() validates an array of bytes with the array's own `every`, then copies it
  // again; sigaction reads its action. The bytes the reader gets must be bytes that were
  // validated, and a handler installed must be the one validated.
  {
    name: "TOCTOU: write's bytes and sigaction's action change after validation",
    exercise: "shared-counter",
    source: withPrelude(
      counter({
        extraMain: `
  const [r, w] = await SEALED_IPC.pipe();
  const bytes: any = Object.defineProperty([65, 300], "every", { value: () => true });
  let reads = 0;
  const sneaky: any = [67];
  Object.defineProperty(sneaky, 0, { get: () => (++reads === 1 ? 67 : 1000), enumerable: true });
  let wrote = 0;
  for (const data of [bytes, sneaky]) {
    try { wrote += await SEALED_IPC.write(w, data); } catch {}
  }
  await SEALED_IPC.close(w);
  const got = wrote ? Array.from(await SEALED_IPC.readBytes(r, 16)) : [];
  await SEALED_IPC.close(r);
  let handlerReads = 0;
  const h1 = () => {};
  try { await SEALED_IPC.sigaction(SEALED_IPC.SIGUSR2, { get handler() { return ++handlerReads === 1 ? h1 : (42 as any); } } as any); } catch {}
  let installed: unknown = null;
  try { installed = await SEALED_IPC.sigaction(SEALED_IPC.SIGUSR2, { handler: "SIG_DFL" }); } catch {}
  const badBytes = got.some((b) => ![65, 66, 67].includes(b as number));
  ${spoilIf("badBytes || (installed !== h1 && installed !== 'SIG_DFL')", "'write delivered ' + JSON.stringify(got) + ', sigaction installed ' + String(installed)")}`,
      }),
    ),
    honest: { score: 100 },
  },

  // ---------------------------------------------------------------- the harness's drivers and semaphores

  // Attacks: harness:* semaphores (mode 0666). The sequential server posts "harness:b-done",
  // the semaphore the stalled client waits on, so the client never stalls and a server that
  // serves one client at a time passes "two-clients-at-once".
  {
    name: "socket-echo-server sequential server + posting the harness's semaphore",
    exercise: "socket-echo-server",
    source: atStartOf(
      read("socket-echo-server", "mutants/sequential-server.ts"),
      "server",
      `  {
    const { sem_open, sem_post } = require("ipc") as any;
    try { await sem_post(await sem_open("harness:b-done", { create: true, value: 0, mode: 0o666 })); } catch {}
  }`,
    ).replace(/^/, "declare const require: (name: string) => unknown;\n"),
    honest: { like: "mutants/sequential-server.ts" },
  },
  // Attacks: trusted drivers can be signalled by root student processes. The supervisor that
  // never replaces a dead worker SIGKILLs the drivers that would kill its workers (which ones
  // it tells from the number of queued jobs; SIGKILL is an expected signal there).
  {
    name: "prefork-server without worker replacement + killing the harness's SIGKILL drivers",
    exercise: "prefork-server",
    source: atStartOf(
      read("prefork-server", "mutants/no-replacement.ts"),
      "supervisor",
      `  {
    const ipc = require("ipc") as any;
    // Tests with kill drivers have no streaming client: nobody but the set-up has sent yet.
    const stat = await ipc.msgctl(await ipc.msgget(JOBS_KEY, 0), ipc.IPC_STAT);
    const drivers = stat.lspid !== 0 ? 0 : (({ 4: 1, 6: 2 } as Record<number, number>)[stat.qnum] ?? 0);
    for (let pid = 2; pid < 2 + drivers; pid++) {
      try { await ipc.kill(pid, "SIGKILL"); } catch {}
    }
  }`,
    ).replace(/^/, "declare const require: (name: string) => unknown;\n"),
    honest: { like: "mutants/no-replacement.ts" },
  },
  // ---------------------------------------------------------------- objects the kernel shares with a process

  // Attacks: wait()/waitpid() return the kernel's own exit-status record: the parent rewrites
  // its children's failed exits to 0 before the snapshot is taken.
  {
    name: "shared-counter: rewriting children's exit status through waitpid's result",
    exercise: "shared-counter",
    source: `import { shmget, shmat, spawn, waitpid } from "ipc";
export async function main(n: number) {
  const a = await spawn(worker, [n]);
  const b = await spawn(worker, [n]);
  for (const pid of [a, b]) {
    const { status } = (await waitpid(pid)) as any;
    delete status.signaled;
    delete status.signal;
    status.exited = true;
    status.code = 0;
  }
}
export async function worker(n: number) {
  const cell = await shmat(await shmget(0x42, 1, 0));
  for (let i = 0; i < n; i++) await cell.fetchAdd(0, 1);
  return 3; // a failed exit: the fixture wants every process to exit 0
}
`,
    honest: { score: 0 },
  },
  // Attacks: an entry's own argument array is the kernel's record of the spawn (in the trace):
  // main plants a value whose toJSON throws, so serializing the failing run's trace fails
  // inside the harness. Honestly, that is just a failed test.
  {
    name: "shared-counter: an entry's args array poisons the trace",
    exercise: "shared-counter",
    source: `export async function main(args: unknown) {
  if (Array.isArray(args)) args.push({ toJSON() { throw new Error("poisoned trace"); } } as never);
}
`,
    honest: { score: 0 },
    verdicts: ["graded"],
  },

  // ---------------------------------------------------------------- report size bombs (report ≤ 1 MB)

  // Attacks: the failing run's error message is copied into the failure, the trace and the report uncut.
  {
    name: "report bomb: a 400 KB uncaught error",
    exercise: "shared-counter",
    source: doNothing(`throw new Error("boom ".repeat(80_000));`),
    honest: { score: 0 },
  },
  // Attacks: spawn arguments are recorded whole in the trace's spawn events.
  {
    name: "report bomb: large spawn arguments",
    exercise: "shared-counter",
    source: `import * as ipc from "ipc";
export async function main() {
  const big = "arg ".repeat(75_000);
  for (let i = 0; i < 6; i++) await ipc.waitpid(await ipc.spawn(child, [big, i]));
}
export async function child() {}
`,
    honest: { score: 0 },
  },
  // Attacks: a long export name, in every start event, process list and deadlock report line.
  {
    name: "report bomb: a long process name, 60 processes deadlocked",
    exercise: "shared-counter",
    source: `import * as ipc from "ipc";
export async function main() {
  for (let i = 0; i < 60; i++) await ipc.spawn(${"p".repeat(25_000)}, []);
  await ipc.pause();
}
export async function ${"p".repeat(25_000)}() {
  await ipc.pause();
}
`,
    honest: { score: 0 },
  },
  // Attacks: every system call's arguments are traced (strings cut at 200 characters, 64 items,
  // depth 4, but no limit on the whole): 500 calls with a 13 KB argument each.
  {
    name: "report bomb: traced calls with wide arguments",
    exercise: "shared-counter",
    source: doNothing(`const wide = Array.from({ length: 64 }, () => "w".repeat(200));
for (let i = 0; i < 500; i++) await (ipc.sched_yield as any)(wide);`),
    honest: { score: 0 },
  },
  // Attacks: type errors are reported (as warnings) without a limit: one call per line, each
  // against a parameter type whose text fills the message, 10,000 of them in 60 KB of source.
  {
    name: "report bomb: 10,000 type errors",
    exercise: "shared-counter",
    source: `export async function main() {}
declare function f(x: { ${Array.from({ length: 40 }, (_, i) => `field${i}: ${i}`).join(", ")} }): void;
export function never() {
${"f(1);\n".repeat(10_000)}}
`,
    honest: { score: 0 },
  },
  // Attacks: a check that lists what is left over (shm-permissions lists every leaked
  // segment): the reference solution, then 20,000 leaked segments, make its failure message
  // megabytes long.
  {
    name: "report bomb: shm-permissions' check message listing 20,000 leaked segments",
    exercise: "shm-permissions",
    source: replaceOnce(
      read("shm-permissions", "solution.ts"),
      "  await msgctl(acks, IPC_RMID);\n}",
      "  await msgctl(acks, IPC_RMID);\n  for (let i = 0; i < 20_000; i++) await shmget(0, 1, IPC_CREAT | 0o600);\n}",
    ),
    honest: { score: 0 },
  },

  // ---------------------------------------------------------------- host stalls (graded on time)

  // Attacks: snapshots are parsed and checked on the host's main thread. A correct program
  // that also fills 1,000 message queues (with one shared 8 KB string, so the sandbox's memory
  // stays small) makes each of its passing runs' snapshots 16 MB of JSON.
  {
    name: "host stall: a correct program whose every snapshot holds 16 MB of queued messages",
    exercise: "shared-counter",
    source: counter({
      header: 'import * as junk from "ipc";',
      extraMain: `  const text = "q".repeat(8000);
  for (let i = 0; i < 1000; i++) {
    const q = await junk.msgget(junk.IPC_PRIVATE, junk.IPC_CREAT | 0o600);
    await junk.msgsnd(q, { type: 1, data: text });
    await junk.msgsnd(q, { type: 1, data: text });
  }`,
    }),
    honest: { score: 100, orLimit: true },
  },
  // Attacks: the same with a 1M-cell shared-memory segment in every run of every test of a
  // real exercise (the reference solution passes, so all 600 runs are judged).
  {
    name: "host stall: fix-the-race's solution with a 1M-cell segment in every run",
    exercise: "fix-the-race",
    source: atStartOf(read("fix-the-race", "solution.ts"), "main", "  await shmget(0, 1 << 20, 0o1000 | 0o600);"),
    honest: { score: 100, orLimit: true },
  },

];

/**
 * What a check assumes: holes in the exercises' own checks (they trust printed lines or the shape of
 * state a student controls), not in the sandbox. They belong to the verdicts issue (#13), whose
 * checks judge what the kernel observed; tests/security/check-holes.test.ts runs them.
 */
export const CHECK_HOLE_CASES: Case[] = [

  // Attacks: dining-philosophers' check reads the table segment by key: a table replaced by a
  // one-cell segment has no violation cell and no meal counts, and nobody eats at all.
  {
    name: "dining-philosophers: the table replaced by a one-cell segment, nobody eats",
    exercise: "dining-philosophers",
    source: `import { shmget, shmctl, IPC_CREAT, IPC_RMID } from "ipc";
export async function table([n]: [number, number]) {
  await shmctl(await shmget(0x7ab1e, 2 * n + 1, 0), IPC_RMID);
  await shmget(0x7ab1e, 1, IPC_CREAT | 0o600);
}
`,
    honest: { score: 0 },
  },
  // Attacks: prefork-server's check takes a results cell to be 0 (lost), 1 (done: check its
  // value) or more (done twice). A supervisor that processes no job takes them all off the
  // queue, writes the cache counters the check expects and 0.5 into every results cell.
  {
    name: "prefork-server: no job processed, every results cell 0.5",
    exercise: "prefork-server",
    source: `import { spawn, wait, msgget, msgrcv, shmget, shmat, sigaction, SIGTERM } from "ipc";
let stop = false;
export async function supervisor([workers]: [number]) {
  await sigaction(SIGTERM, { handler: () => void (stop = true) });
  const jobs = await msgget(0x10b5, 0);
  const keys: number[] = [];
  while (!stop) {
    try { keys.push(((await msgrcv(jobs, 0)).data as { key: number }).key); } catch {}
  }
  const cache = await shmat(await shmget(0xcac, 18, 0));
  const results = await shmat(await shmget(0x5e5, 64, 0));
  const distinct = new Set(keys);
  for (const k of distinct) await cache.store(k, k * k + 1);
  await cache.store(17, distinct.size);
  await cache.store(16, keys.length - distinct.size);
  for (let id = 0; id < 32; id++) await results.store(id, 0.5);
  for (let i = 0; i < workers; i++) await spawn(idle, []);
  for (let i = 0; i < workers; i++) await wait();
}
export async function idle() {}
`,
    honest: { score: 0 },
  },
  // Attacks: signals-graceful-shutdown's check never asks whether the signal arrived. Workers
  // that do one job and a supervisor that quits before the signal is sent handle no signal.
  {
    name: "signals-graceful-shutdown: no signal handling, everyone quits before the signal",
    exercise: "signals-graceful-shutdown",
    source: `import { spawn, wait, sleep, print } from "ipc";
export async function main([count]: [number]) {
  for (let i = 0; i < count; i++) await spawn(worker, []);
  for (let i = 0; i < count; i++) await wait();
}
export async function worker() {
  print("start 1");
  await sleep(1);
  print("done 1");
}
`,
    honest: { score: 0 },
  },
  // Attacks: mq-producer-consumer's checks read "done <id>" lines: a main that prints one for
  // every job it was given, with no queue, no producer and no consumer.
  {
    name: "mq-producer-consumer: no queue at all, a printed line per job",
    exercise: "mq-producer-consumer",
    source: `import { print } from "ipc";
export async function main([producers]: [Array<Array<{ id: string }>>, number]) {
  for (const list of producers) for (const job of list) print("done " + job.id);
}
`,
    honest: { score: 0 },
  },
  // Attacks: bounded-buffer's checks read "consumed <v>" lines: a main that prints one for every
  // item, in order, with no buffer, no producer and no consumer.
  {
    name: "bounded-buffer: no buffer at all, a printed line per item",
    exercise: "bounded-buffer",
    source: `import { print } from "ipc";
export async function main([producers]: [number[][], number[], number]) {
  for (const list of producers) for (const item of list) print("consumed " + item);
}
`,
    honest: { score: 0 },
  },
  // Attacks: readers-writers' checks read the database's counters: a main that writes the
  // expected numbers of reads and writes there and starts nobody.
  {
    name: "readers-writers: the counters written by main, no reader or writer at all",
    exercise: "readers-writers",
    source: `import { shmget, shmat } from "ipc";
type Role = ["reader" | "writer", { rounds?: number }];
export async function main(roles: Role[]) {
  const db = await shmat(await shmget(0xdb, 6, 0));
  const total = (kind: string) => roles.filter(([r]) => r === kind).reduce((n, [, o]) => n + (o.rounds ?? 1), 0);
  await db.store(3, total("writer"));
  await db.store(4, total("reader"));
}
export async function reader() {}
export async function writer() {}
`,
    honest: { score: 0 },
  },
  // Attacks: the same counters, from inside the lock: readers that never take the room (so they
  // read while a writer writes), and a lock that wipes the violation counter at every section's
  // end. It deserves what the same lock without the wiping gets.
  {
    name: "readers-writers: readers ignore writers, and the lock wipes the violation counter",
    exercise: "readers-writers",
    source: read("readers-writers", "mutants/hides-violations.ts"),
    honest: { like: "mutants/readers-ignore-writers.ts" },
  },
  // Attacks: dining-philosophers' check read each philosopher's meal counter: the table bumps
  // every counter to the quota itself, and nobody eats.
  {
    name: "dining-philosophers: the meal counters bumped by the table, nobody eats",
    exercise: "dining-philosophers",
    source: `import { shmget, shmat } from "ipc";
export async function table([n, meals]: [number, number]) {
  const t = await shmat(await shmget(0x7ab1e, 2 * n + 1, 0));
  for (let i = 0; i < n; i++) await t.store(n + i, meals);
}
export async function philosopher() {}
`,
    honest: { score: 0 },
  },
  // Attacks: fix-the-race's checks only looked at the final balance: a main that runs the tellers
  // one after another, none of them locking, never races. No test of concurrent tellers may pass.
  {
    name: "fix-the-race: tellers run one after another by main, no lock",
    exercise: "fix-the-race",
    source: read("fix-the-race", "mutants/one-teller-at-a-time.ts"),
    honest: { score: 0 },
  },
  // Attacks: pipe-pipeline's checks read the output of a process named "wc": an export named wc
  // shadows the builtin and does all the work, with no cat, no grep and no pipe.
  {
    name: "pipe-pipeline: an export named wc counts the lines itself, no pipeline",
    exercise: "pipe-pipeline",
    source: read("pipe-pipeline", "mutants/own-wc-does-everything.ts"),
    honest: { score: 0 },
  },
  // Attacks: shm-permissions' checks read what the readers printed: the owner sends the values in
  // the notes, and the readers never touch the segment whose permissions the exercise is about.
  {
    name: "shm-permissions: the values sent in the notes, the segment never read",
    exercise: "shm-permissions",
    source: read("shm-permissions", "mutants/values-in-the-notes.ts"),
    honest: { score: 0 },
  },
];

// ------------------------------------------------------------------------------------------
// Hidden-test source that must never reach a report, per exercise.
// ------------------------------------------------------------------------------------------

const HIDDEN_FRAGMENTS: Record<string, string[]> = {
  "shared-counter": ["SECRET_MARKER", "HIDDEN-TEST-SECRET", "s.shm.find", "seg.key", "exitStatuses).every"],
  "fix-the-race": ["checkBank", "serialBalances", "exitStatuses).find", "expected.includes", "firstEnd.reaped", "shmWithKey(s, ACCOUNT_KEY"],
  "dining-philosophers": ["checkDinner", "owner[cell]", "marked[other]", "seatOf.set(pid", "shmWithKey(s, TABLE_KEY"],
  "signals-graceful-shutdown": ["checkGraceful", "shutdownScenario", "s.processes.find", "request.handled.step", "unfinished.join"],
  "socket-echo-server": ["checkEcho", "echoScenario", "driverPids", "multiset(logged)", "c.messages.map(frame)"],
  "prefork-server": ["checkServer", "serverScenario", "takenBy.get(id)", "lostInFlight", "cacheProblem"],
  "shm-permissions": ["checkPermissions", "permScenario", "probeWho", "INTRUDER_EXPECTS", "snap.output[2 + 2 * i]"],
  "mq-producer-consumer": ["checkExactlyOnce", "checkPriorityOrder", "mqScenario", "rank.get(a.data", "producerOfList"],
  "bounded-buffer": ["checkBuffer", "inBuffer.add", "producerOf[p]", "reads.get(`${pid}"],
  "readers-writers": ["checkRw", "inside.set(pid", "sections.set(pid", "const tampered"],
  "pipe-pipeline": ["checkPipeline", "stagesOf", "catToGrep", "intoWc"],
};
const ANYWHERE = ["hidden.ts", "shared.ts", "/tests/", "file://", "at check", "node_modules"];

// ------------------------------------------------------------------------------------------
// Grading and the common assertions
// ------------------------------------------------------------------------------------------

const rootOf = (exercise: string) => (fs.existsSync(path.join(FIXTURES, exercise, "exercise.json")) ? FIXTURES : EXERCISES);

export function grade(exercise: string, source: string, root = rootOf(exercise)): Promise<GradeReport> {
  return gradeSource({ exercise, source }, undefined, { root });
}

const baselines = new Map<string, Promise<GradeReport>>();
/** What an exercise's own file (starter or mutant) scores, graded once per test file. */
function baseline(exercise: string, file: string): Promise<GradeReport> {
  const key = `${exercise}/${file}`;
  if (!baselines.has(key)) baselines.set(key, grade(exercise, read(exercise, file)));
  return baselines.get(key)!;
}

/** The failing tests' messages and printed output: what the student would see, for assertion messages. */
function explain(report: GradeReport): string {
  const parts = [`verdict ${report.verdict}, score ${report.score}/${report.maxScore}, ${report.durationMs} ms${report.error ? `, error: ${report.error}` : ""}`];
  for (const t of report.tests) {
    if (t.passed) continue;
    parts.push(`✘ ${t.id}: ${t.message.slice(0, 400)}`);
    const output = (t.trace as { output?: Record<string, string> } | undefined)?.output;
    const found = Object.values(output ?? {}).join("").split("\n").filter((l) => /FOUND|CHANNEL|kernelish|mutable/.test(l));
    if (found.length) parts.push(...found.slice(0, 30).map((l) => `    ${l.slice(0, 1200)}`));
  }
  return parts.join("\n");
}

/** What every hostile submission's report must satisfy, whatever it scored. */
export async function expectSane(report: GradeReport, exercise: string, source: string, verdicts: GradeReport["verdict"][] = ["graded", "resource-limit"]): Promise<void> {
  const why = explain(report);
  expect(verdicts, why).toContain(report.verdict);
  const { hidden } = await loadExercise(exercise, rootOf(exercise));
  expect(report.tests.map((t) => t.id), why).toEqual(hidden.map((t) => t.id));
  expect(report.durationMs, why).toBeLessThan(report.limits.wallMs + WALL_SLACK_MS);
  const json = JSON.stringify(report);
  expect(json.length, `report of ${json.length} characters; ${why.slice(0, 2000)}`).toBeLessThanOrEqual(MAX_REPORT_CHARS);
  for (const fragment of [...(HIDDEN_FRAGMENTS[exercise] ?? []), ...ANYWHERE]) {
    if (source.includes(fragment)) continue; // the submission's own text may show up in its own output
    expect(json.includes(fragment), `the report quotes hidden test source: ${JSON.stringify(fragment)}; ${why.slice(0, 2000)}`).toBe(false);
  }
}

// ------------------------------------------------------------------------------------------
// The cross-process probe: every process leaves markers, every process looks for others'.
// ------------------------------------------------------------------------------------------

/**
 * User-side code: `sealedChannels(label)` first looks for markers that another process (of
 * this run or an earlier one) left, then leaves its own, on every candidate channel outside
 * kernel IPC: globals and intrinsics, the ipc module, its prototype and getter functions,
 * IpcError, a shm view and its prototype, every object the walker finds mutable, a message
 * whose type a getter swaps after validation, message data and spawn arguments with an own
 * `map`, a Proxy as spawn arguments, and a sloppy function's caller. Returns the channels on
 * which it found someone else's marker.
 */
const CHANNELS = String.raw`
const SEALED_MARK = "__sealedMark";
const SEALED_NONCE = Math.floor(SEALED_IPC.random() * 1e9) + ":" + SEALED_IPC.getpid();
const SEALED_QUEUE_KEY = 0x5ea1;

function sealedSloppyCaller(): unknown {
  try {
    return new Function("return (function f() { return f.caller; })()")();
  } catch {
    return null;
  }
}

async function sealedChannelTargets(args: unknown): Promise<Array<[string, any]>> {
  const ipc: any = SEALED_IPC;
  const proto = Object.getPrototypeOf(ipc);
  const targets: Array<[string, any]> = [
    ["globalThis", globalThis], ["Object.prototype", Object.prototype], ["Function.prototype", Function.prototype],
    ["Array.prototype", Array.prototype], ["Promise", Promise], ["Math", Math], ["JSON", JSON],
    ["ipc", ipc], ["ipc prototype", proto], ["ipc prototype's prototype", proto && Object.getPrototypeOf(proto)],
    ["IpcError", ipc.IpcError], ["IpcError.prototype", ipc.IpcError?.prototype],
    ["ipc.getpid", ipc.getpid], ["ipc.spawn", ipc.spawn], ["require", require], ["console", console], ["console.log", console.log],
    ["entry args", args], ["sloppy caller", sealedSloppyCaller()],
  ];
  for (const name of ["getpid", "spawn", "print"]) {
    const d = proto && Object.getOwnPropertyDescriptor(proto, name);
    if (d && d.get) targets.push(["ipc prototype getter " + name, d.get]);
  }
  // Intrinsics no global name leads to (a freeze that walks from globalThis misses them).
  const hidden: Array<[string, () => unknown]> = [
    ["Map iterator prototype", () => Object.getPrototypeOf(new Map().entries())],
    ["Set iterator prototype", () => Object.getPrototypeOf(new Set().values())],
    ["String iterator prototype", () => Object.getPrototypeOf(""[Symbol.iterator]())],
    ["RegExp string iterator prototype", () => Object.getPrototypeOf("".matchAll(/x/g))],
    ["iterator helper prototype", () => Object.getPrototypeOf((([] as any).values() as any).map((x: unknown) => x))],
    ["error stack getter", () => Object.getOwnPropertyDescriptor(new Error(), "stack")?.get],
    ["error stack setter", () => Object.getOwnPropertyDescriptor(new Error(), "stack")?.set],
    ["the global object, as Function('return this') sees it", () => new Function("return this")()],
    ["the global object, as an indirect eval sees it", () => (0, eval)("this")],
  ];
  for (const [name, get] of hidden) {
    try { targets.push([name, get()]); } catch {}
  }
  const view: any = await ipc.shmat(await ipc.shmget(0x42, 1, 0));
  targets.push(["shm view", view], ["shm view prototype", Object.getPrototypeOf(view)], ["shm view load()", view.load]);
  try { throw new ipc.IpcError("x", "EINVAL"); } catch (e) { targets.push(["IpcError instance prototype", Object.getPrototypeOf(e)]); }
  try { await ipc.close(4242); } catch (e) { targets.push(["thrown error's prototype", Object.getPrototypeOf(e)]); }
  // Everything the walker finds kernel-looking or mutable, from everything the API hands out.
  const walked = await sealedProbe([["view", view], ["entry args", args], ["require", require], ["console", console], ["globalThis", globalThis]], true);
  for (const f of [...walked.kernelish, ...walked.mutable].slice(0, 800)) targets.push(["walked " + f.path, f.obj]);
  await ipc.shmdt(view);
  return targets;
}

/** What a process found, short enough for its output: named channels, then how many walked objects (and the first few). */
function sealedSummary(found: string[]): string {
  const walked = found.filter((f) => f.startsWith("walked "));
  const named = [...new Set(found.filter((f) => !f.startsWith("walked ")))];
  return [...named, walked.length ? walked.length + " walked objects, e.g. " + walked.slice(0, 3).map((w) => w.slice(7)).join(", ") : ""].filter(Boolean).join("; ");
}

/** Messages left on the probe queue: a type or data that is not JSON data came from another process's heap. */
async function sealedReadQueue(remove: boolean): Promise<string[]> {
  const ipc: any = SEALED_IPC;
  const found: string[] = [];
  const q = await ipc.msgget(SEALED_QUEUE_KEY, ipc.IPC_CREAT | 0o600);
  for (;;) {
    let m: any;
    try { m = await ipc.msgrcv(q, 0, ipc.IPC_NOWAIT); } catch { break; }
    if (typeof m.type !== "number") found.push("msgsnd type swapped by a getter");
    if (Array.isArray(m.data) && m.data.some((x: unknown) => typeof x === "function")) found.push("msgsnd data with an own map");
  }
  if (remove) await ipc.msgctl(q, ipc.IPC_RMID);
  return found;
}

async function sealedChannels(args: unknown): Promise<string[]> {
  const ipc: any = SEALED_IPC;
  const found: string[] = [];
  // 1. Look for markers others left on whatever this process can reach.
  const objects = await sealedChannelTargets(args);
  for (const [name, t] of objects) {
    if (t === null || t === undefined) continue;
    let mark: unknown;
    try { mark = Object.getOwnPropertyDescriptor(t, SEALED_MARK)?.value; } catch {}
    if (typeof mark === "string" && mark !== SEALED_NONCE) found.push(name);
  }
  // RegExp's legacy statics keep the last match of any regular expression, whoever ran it.
  let last: unknown;
  try { last = (RegExp as any).lastMatch; } catch {}
  if (typeof last === "string" && last.startsWith("sealedmark-") && last !== "sealedmark-" + SEALED_NONCE) found.push("RegExp.lastMatch");
  found.push(...(await sealedReadQueue(false)));
  // 2. Leave: a marker on everything, a smuggling message, and spawn arguments that smuggle.
  for (const [, t] of objects) {
    if (t === null || t === undefined) continue;
    try { Object.defineProperty(t, SEALED_MARK, { value: SEALED_NONCE, configurable: true }); } catch {}
  }
  /sealedmark-\S+/.exec("sealedmark-" + SEALED_NONCE);
  const q = await ipc.msgget(SEALED_QUEUE_KEY, ipc.IPC_CREAT | 0o600);
  const live = () => "a function from pid " + SEALED_IPC.getpid();
  let reads = 0;
  try { await ipc.msgsnd(q, { get type() { return ++reads <= 2 ? 1 : live; }, data: 1 } as any, ipc.IPC_NOWAIT); } catch {}
  const data: any = Object.defineProperty([1], "map", { value: () => [live] });
  try { await ipc.msgsnd(q, { type: 2, data }, ipc.IPC_NOWAIT); } catch {}
  return found;
}
`;

/**
 * The fixture's correct program, with the channel probe in every process and a child that
 * receives smuggling spawn arguments: it adds one too many (the test fails) iff some channel
 * carried a marker or an object from one process to another.
 */
export const CHANNEL_PROBE = `declare const require: unknown;
import { shmget, shmat, spawn, waitpid } from "ipc";
export async function main(n: number) {
  const found = await sealedChannels(n);
  const live = () => "a function from main";
  const withMap: any = Object.defineProperty([n], "map", { value: () => [n, live] });
  const viaProxy = new Proxy([n], { get: (t, p, r) => (p === "map" ? () => [n, live] : Reflect.get(t, p, r)) });
  // Where a sealed kernel refuses such arguments, the workers still get theirs.
  let a: number, b: number;
  try { a = await spawn(worker, withMap); } catch { a = await spawn(worker, [n]); }
  try { b = await spawn(worker, viaProxy as any); } catch { b = await spawn(worker, [n]); }
  await waitpid(a);
  await waitpid(b);
  found.push(...(await sealedReadQueue(true)));
  ${spoilIf("found.length > 0", "'CHANNEL main saw ' + sealedSummary(found)")}
}
export async function worker(...args: unknown[]) {
  const found = await sealedChannels(args);
  const flat = JSON.stringify(args, (_k, v) => (typeof v === "function" ? "<function>" : v));
  if (flat.includes("<function>")) found.push("spawn arguments carried a function");
  const n = Number(Array.isArray(args[0]) ? args[0][0] : args[0]) || 3;
  const cell = await shmat(await shmget(0x42, 1, 0));
  for (let i = 0; i < n; i++) await cell.fetchAdd(0, 1);
  ${spoilIf("found.length > 0", "'CHANNEL worker saw ' + sealedSummary(found)")}
}
${PRELUDE}
${CHANNELS}`;

// ------------------------------------------------------------------------------------------
// The walker's own verdict, on the fixture: nothing reachable is kernel-internal or mutable.
// ------------------------------------------------------------------------------------------

/**
 * The fixture's correct program; main walks everything reachable (globals and intrinsics
 * included, its own arguments, module, exports, require, console), each worker walks what
 * the API gives it. Any kernel-looking object is printed and spoils the count. (Objects that
 * are merely mutable are printed too, for the record: whether one is shared between processes,
 * which is what matters, is what the channel test finds out by marking every one of them.)
 */
export const WALKER_REPORT = withPrelude(
  counter({
    header: "declare const require: unknown, module: unknown, exports: unknown;",
    extraMain: `
  const r = await sealedProbe([["main's arguments", arguments], ["module", module], ["exports", exports], ["require", require], ["console", console], ["globalThis", globalThis]], true);
  for (const f of r.kernelish.slice(0, 12)) SEALED_IPC.print("kernelish", f.path, f.what);
  for (const f of r.mutable.slice(0, 12)) SEALED_IPC.print("(mutable, shared or not: see the channel test)", f.path, f.what);
  ${spoilIf("r.kernelish.length > 0", "r.kernelish.length + ' kernel-looking objects in main'")}`,
    extraWorker: `
  const r = await sealedProbe([["worker's arguments", arguments]]);
  ${spoilIf("r.kernelish.length > 0", "r.kernelish.length + ' kernel-looking objects in a worker'")}`,
  }),
);

// ------------------------------------------------------------------------------------------
// Math.random and Date: the same for a process whatever another process did.
// ------------------------------------------------------------------------------------------

/** A fixture whose one test always fails and shows every process's output: to compare observations. */
let observeRoot: string | null = null;
function observeFixture(): string {
  if (observeRoot) return observeRoot;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-sealed-"));
  fs.mkdirSync(path.join(root, "sealed-observe/tests"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "sealed-observe/exercise.json"),
    JSON.stringify({
      slug: "sealed-observe",
      title: { ko: "관찰", en: "Observe" },
      topics: ["signals"],
      difficulty: 1,
      typecheck: "warn",
      limits: { cpuMs: 800, wallMs: 2000, memoryMb: 32 },
      explore: { strategy: "random", budget: 1 },
      points: { observe: 1 },
    }),
  );
  fs.writeFileSync(
    path.join(root, "sealed-observe/tests/hidden.ts"),
    `export default [{ id: "observe", title: { ko: "관찰", en: "Observe" }, points: 1, message: { ko: "-", en: "-" },
  scenario: { main: "main", args: [] }, check: (s: { output: Record<string, string> }) => "OBSERVED " + JSON.stringify(s.output) }];\n`,
  );
  observeRoot = root;
  return root;
}

/** Process A (main) consumes `draws` random numbers, then process B reports what it sees. */
const randomObserver = (draws: number) => `import * as ipc from "ipc";
export async function main() {
  for (let i = 0; i < ${draws}; i++) Math.random();
  void new Date(Date.now() + ${draws} * 1000);
  await ipc.waitpid(await ipc.spawn(observer, []));
}
export async function observer() {
  ipc.print("B sees", Math.random(), Math.random(), Date.now(), new Date().getTime());
}
`;

async function observe(source: string): Promise<string> {
  const report = await grade("sealed-observe", source, observeFixture());
  const line = /B sees [^\\"]*/.exec(report.tests[0]?.message ?? "");
  expect(line, explain(report)).not.toBeNull();
  return line![0];
}

// ------------------------------------------------------------------------------------------
// The suite
// ------------------------------------------------------------------------------------------

/** One case: graded, it must score exactly its honest score and pass the common checks. */
export function itScoresHonestly(c: Case): void {
  it(c.name, async () => {
    const report = await grade(c.exercise, c.source);
    const limited = "orLimit" in c.honest && c.honest.orLimit && report.verdict === "resource-limit";
    const honest = limited ? 0 : "score" in c.honest ? c.honest.score : (await baseline(c.exercise, c.honest.like)).score;
    expect(report.score, explain(report)).toBe(honest);
    if (c.message) expect(report.tests.find((t) => !t.passed)?.message ?? "", explain(report)).toMatch(c.message);
    await expectSane(report, c.exercise, c.source, c.verdicts);
  }, 60_000);
}

/** The suite, run by two test files: fresh isolates per job (the CLI) and as a worker serves. */
export function describeSealedGrader(mode: string): void {
  describe(`sealed grader (${mode})`, () => {
    afterAll(() => {
      if (observeRoot) fs.rmSync(observeRoot, { recursive: true, force: true });
      observeRoot = null;
    });

    it("the baselines fail where they should: the starters and mutants the cases compare with score below full marks", async () => {
      const files = new Set(CASES.flatMap((c) => ("like" in c.honest ? [`${c.exercise}\0${c.honest.like}`] : [])));
      for (const key of files) {
        const [exercise, file] = key.split("\0");
        const report = await baseline(exercise, file);
        expect(report.verdict, `${exercise}/${file}`).toBe("graded");
        expect(report.score, `${exercise}/${file}`).toBeLessThan(report.maxScore);
      }
    }, 60_000);

    it("the hidden-source fragments the cases look for are really in the hidden tests", () => {
      for (const [exercise, fragments] of Object.entries(HIDDEN_FRAGMENTS)) {
        const dir = path.join(rootOf(exercise), exercise, "tests");
        const text = ["hidden.ts", "shared.ts"].map((f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8") : "")).join("\n");
        for (const fragment of fragments) expect(text, `${exercise}: ${fragment}`).toContain(fragment);
      }
    });

    for (const c of CASES) itScoresHonestly(c);

    it("the walker finds nothing that looks like the kernel's own records from anything user code can reach", async () => {
      const report = await grade("shared-counter", WALKER_REPORT);
      expect(report.score, explain(report)).toBe(100);
      await expectSane(report, "shared-counter", WALKER_REPORT, ["graded"]);
    }, 60_000);

    it("one process can't pass a JS object (or a marker) to another except through kernel IPC", async () => {
      const report = await grade("shared-counter", CHANNEL_PROBE);
      expect(report.score, explain(report)).toBe(100);
      await expectSane(report, "shared-counter", CHANNEL_PROBE, ["graded"]);
    }, 60_000);

    it("what a process sees of Math.random and Date does not depend on what another process did", async () => {
      const quiet = await observe(randomObserver(0));
      const busy = await observe(randomObserver(5));
      expect(busy).toBe(quiet);
    }, 60_000);
  });
}
