// Mistake: the supervisor waits for its workers with wait(), but its handlers are installed without SA_RESTART, so the wait() interrupted by the SIGINT handler fails with EINTR, uncaught.
import { spawn, kill, wait, sigaction, sigprocmask, sleep, print, SIGINT, SIGTERM, SIG_BLOCK, SIG_UNBLOCK } from "ipc";

const workers: number[] = [];

export async function main([count]: [number]) {
  await sigaction(SIGINT, { handler: shutdown });
  await sigaction(SIGTERM, { handler: shutdown });
  for (let i = 0; i < count; i++) workers.push(await spawn(worker, []));
  for (let i = 0; i < count; i++) await wait();
}

async function shutdown() {
  for (const pid of workers) {
    try {
      await kill(pid, SIGTERM);
    } catch {
      // already gone
    }
  }
}

let stopRequested = false;

export async function worker() {
  await sigaction(SIGTERM, { handler: () => void (stopRequested = true) });
  for (let job = 1; ; job++) {
    await sigprocmask(SIG_BLOCK, [SIGTERM]);
    if (stopRequested) return;
    await work(job);
    await sigprocmask(SIG_UNBLOCK, [SIGTERM]);
  }
}

async function work(job: number) {
  print(`start ${job}`);
  await sleep(1);
  print(`done ${job}`);
}
