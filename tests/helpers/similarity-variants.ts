import fs from "node:fs";
import path from "node:path";
import { EXERCISES_DIR } from "@/lib/grader/exercises/load-exercise";

const dir = path.join(EXERCISES_DIR, "fix-the-race");
const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");

/** An independent correct solution of fix-the-race: a System V semaphore where the reference has a mutex. */
export const SEMAPHORE_SOLUTION = `import { shmget, shmat, spawn, waitpid, semget, semop, semctl, IPC_CREAT, SETVAL } from "ipc";

const KEY = 0x1234;
const SEM_KEY = 77;

export async function main(work: Array<[number, number]>) {
  const sem = await semget(SEM_KEY, 1, IPC_CREAT | 0o600);
  await semctl(sem, 0, SETVAL, 1);
  const children: number[] = [];
  for (const w of work) children.push(await spawn(worker, w));
  for (const c of children) await waitpid(c);
}

export async function worker([delta, n]: [number, number]) {
  const seg = await shmat(await shmget(KEY, 1, 0));
  const sem = await semget(SEM_KEY, 1, 0);
  for (let k = 0; k < n; k++) {
    await semop(sem, [{ num: 0, op: -1 }]);
    const now = await seg.load(0);
    if (now + delta >= 0) await seg.store(0, now + delta);
    await semop(sem, [{ num: 0, op: 1 }]);
  }
}
`;

/** The programs a class of fix-the-race hands in: the reference, an independent solution, the mutants, the starter. */
export function fixTheRaceBases(): Array<{ name: string; source: string }> {
  const mutants = fs.readdirSync(path.join(dir, "mutants")).sort();
  return [
    { name: "solution", source: read("solution.ts") },
    { name: "semaphore", source: SEMAPHORE_SOLUTION },
    ...mutants.map((m) => ({ name: `mutant:${m}`, source: read(path.join("mutants", m)) })),
    { name: "starter", source: read("starter.ts") },
  ];
}

/** Names a student may give their own things in these programs (never `main`: the tests call it). */
const RENAMABLE = ["ACCOUNT_KEY", "tellers", "teller", "account", "amount", "times", "balance", "apply", "pids", "lock", "work", "worker", "delta", "seg", "sem", "children", "SEM_KEY", "KEY"];

/** A deterministic pseudo-random number generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `source` as student `n` might disguise it: every own name changed, comments replaced, functions perhaps reordered. */
export function disguise(source: string, n: number, random = prng(n + 1)): string {
  let out = source.replace(/\/\/.*$/gm, `// note ${n}`);
  for (const name of RENAMABLE) out = out.replace(new RegExp(`\\b${name}\\b`, "g"), `${name.toLowerCase()}_${n.toString(36)}`);
  if (random() < 0.5) {
    const parts = out.split(/\n(?=export async function worker|export async function teller|async function)/);
    out = [parts[0], ...parts.slice(1).reverse()].join("\n");
  }
  return out;
}

/**
 * A class of `count` fix-the-race submissions, all distinct texts: each student starts from
 * one of the bases (mostly the reference or a mutant) and disguises it.
 */
export function fixTheRaceClass(count: number, seed = 18): Array<{ base: string; source: string }> {
  const bases = fixTheRaceBases();
  const random = prng(seed);
  return Array.from({ length: count }, (_, n) => {
    const base = bases[Math.floor(random() * bases.length)];
    return { base: base.name, source: disguise(base.source, n, random) };
  });
}
