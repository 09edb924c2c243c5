// Mistake: the supervisor starts its workers before installing its handlers; a signal that arrives while it is spawning kills it and leaves the workers running.
import { spawn, kill, waitpid, sigaction, sigprocmask, sigsuspend, sleep, print, SIGINT, SIGTERM, SIGCHLD, SIG_BLOCK, SIG_UNBLOCK } from "ipc";

// ---------------------------------------------------------------- supervisor

/** Pids of workers not reaped yet. Only changed by the SIGCHLD handler and read by the main loop. */
const workers = new Set<number>();
let shuttingDown = false;

export async function main([count]: [number]) {
  // Keep every signal we handle blocked except while sigsuspend() waits: then "check, then sleep"
  // cannot lose a wake-up, and handlers never interrupt the code below. Children inherit this mask,
  // so a SIGTERM forwarded to a worker that has not set up its handler yet stays pending instead of
  // killing it.
  // Handlers are installed without SA_RESTART: an interrupted call fails with EINTR (see the loop).

  for (let i = 0; i < count; i++) workers.add(await spawn(worker, []));

  await sigprocmask(SIG_BLOCK, [SIGINT, SIGTERM, SIGCHLD]);
  await sigaction(SIGINT, { handler: shutdown, mask: [SIGCHLD] });
  await sigaction(SIGTERM, { handler: shutdown, mask: [SIGCHLD] });
  await sigaction(SIGCHLD, { handler: reap });

  while (workers.size > 0) {
    try {
      await sigsuspend([]); // sleeps with nothing blocked until some handler has run
    } catch (error) {
      if ((error as { code?: string }).code !== "EINTR") throw error; // EINTR is its normal return
    }
  }
}

/** SIGINT/SIGTERM: ask every worker to finish its current job and stop. */
async function shutdown() {
  if (shuttingDown) return; // a second Ctrl-C changes nothing
  shuttingDown = true;
  for (const pid of workers) {
    try {
      await kill(pid, SIGTERM);
    } catch {
      // ESRCH: it is already gone.
    }
  }
}

/** SIGCHLD: signals do not queue, so one SIGCHLD may stand for several exited children. */
async function reap() {
  for (;;) {
    let exited;
    try {
      exited = await waitpid(-1, { nohang: true });
    } catch {
      return; // ECHILD: no children left at all
    }
    if (exited === null) return; // the others are still running
    workers.delete(exited.pid);
  }
}

// ---------------------------------------------------------------- worker

let stopRequested = false;

export async function worker() {
  await sigaction(SIGTERM, { handler: () => void (stopRequested = true) });
  for (let job = 1; ; job++) {
    // A job, once started, must not be interrupted: SIGTERM stays pending while it runs (so its
    // sleep cannot fail with EINTR), and the flag is checked with SIGTERM blocked.
    await sigprocmask(SIG_BLOCK, [SIGTERM]);
    if (stopRequested) return;
    await work(job);
    await sigprocmask(SIG_UNBLOCK, [SIGTERM]); // a pending SIGTERM's handler runs right here
  }
}

/** One job: a start line, one virtual second of work, a done line. */
async function work(job: number) {
  print(`start ${job}`);
  await sleep(1);
  print(`done ${job}`);
}
