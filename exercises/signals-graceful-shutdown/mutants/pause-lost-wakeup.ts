// Mistake: the supervisor checks "any workers left?" and then calls pause() with SIGCHLD unblocked; if the last SIGCHLD is handled between the check and pause(), pause() sleeps forever.
import { spawn, kill, waitpid, sigaction, sigprocmask, pause, sleep, print, SIGINT, SIGTERM, SIGCHLD, SIG_BLOCK, SIG_UNBLOCK } from "ipc";

const workers = new Set<number>();

export async function main([count]: [number]) {
  await sigaction(SIGINT, { handler: shutdown });
  await sigaction(SIGTERM, { handler: shutdown });
  await sigaction(SIGCHLD, { handler: reap });
  for (let i = 0; i < count; i++) workers.add(await spawn(worker, []));
  while (workers.size > 0) {
    try {
      await pause();
    } catch (error) {
      if ((error as { code?: string }).code !== "EINTR") throw error;
    }
  }
}

async function shutdown() {
  for (const pid of [...workers]) {
    try {
      await kill(pid, SIGTERM);
    } catch {
      // already gone
    }
  }
}

async function reap() {
  for (;;) {
    let exited;
    try {
      exited = await waitpid(-1, { nohang: true });
    } catch {
      return;
    }
    if (exited === null) return;
    workers.delete(exited.pid);
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
