import { spawn, wait, sleep, print } from "ipc";

/** The supervisor: starts `count` workers and waits for them. */
export async function main([count]: [number]) {
  for (let i = 0; i < count; i++) await spawn(worker, []);
  for (let i = 0; i < count; i++) await wait();
}

/** A worker runs jobs 1, 2, 3, … for as long as it is allowed to. */
export async function worker() {
  for (let job = 1; ; job++) await work(job);
}

/** One job: a start line, one virtual second of work, a done line. Do not change what it prints. */
async function work(job: number) {
  print(`start ${job}`);
  await sleep(1);
  print(`done ${job}`);
}
