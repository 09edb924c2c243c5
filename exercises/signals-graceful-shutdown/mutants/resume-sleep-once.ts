// Mistake: the worker resumes a job interrupted by EINTR only once; when a second SIGTERM (a second Ctrl-C, forwarded again) interrupts the resumed sleep, the EINTR escapes.
import { spawn, kill, waitpid, sigaction, sigprocmask, sigsuspend, sleep, now, print, SIGINT, SIGTERM, SIGCHLD, SIG_BLOCK, SIG_SETMASK } from "ipc";

const workers = new Set<number>();

export async function main([count]: [number]) {
  await sigprocmask(SIG_BLOCK, [SIGINT, SIGTERM, SIGCHLD]);
  await sigaction(SIGINT, { handler: shutdown, mask: [SIGCHLD] });
  await sigaction(SIGTERM, { handler: shutdown, mask: [SIGCHLD] });
  await sigaction(SIGCHLD, { handler: reap });
  for (let i = 0; i < count; i++) workers.add(await spawn(worker, []));
  while (workers.size > 0) {
    try {
      await sigsuspend([]);
    } catch (error) {
      if ((error as { code?: string }).code !== "EINTR") throw error;
    }
  }
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
  // The worker inherited the supervisor's mask: let SIGTERM in.
  await sigprocmask(SIG_SETMASK, []);
  await sigaction(SIGTERM, { handler: () => void (stopRequested = true) });
  for (let job = 1; !stopRequested; job++) await work(job);
}

async function work(job: number) {
  print(`start ${job}`);
  const end = now() + 1e9;
  try {
    await sleep(1);
  } catch (error) {
    if ((error as { code?: string }).code !== "EINTR") throw error;
    await sleep((end - now()) / 1e9); // finish the rest of the job
  }
  print(`done ${job}`);
}
