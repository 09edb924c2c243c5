import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/**
 * The consumer checks a flag set by its SIGUSR1 handler and then pause()s.
 * If the signal lands between the check and pause(), pause() sleeps forever.
 * The fix blocks the signal, checks, and waits with sigsuspend().
 */
function wakeup(fixed: boolean): Program {
  return {
    module: (ipc: Ipc) => {
      let woken = false;
      return {
        async consumer() {
          await ipc.signal("SIGUSR1", () => {
            woken = true;
          });
          if (fixed) await ipc.sigprocmask(ipc.SIG_BLOCK, ["SIGUSR1"]);
          await ipc.sem_post(await ipc.sem_open("ready"));
          while (!woken) {
            try {
              if (fixed) await ipc.sigsuspend([]);
              else await ipc.pause();
            } catch (e) {
              if ((e as { code?: string }).code !== "EINTR") throw e;
            }
          }
        },
        async producer([consumer]: number[]) {
          await ipc.sem_wait(await ipc.sem_open("ready"));
          await ipc.kill(consumer, "SIGUSR1");
        },
      };
    },
    setup(k) {
      k.sem_open("ready", { create: true, value: 0, mode: 0o666 });
      const c = k.spawn("consumer");
      k.spawn("producer", [c]);
    },
  };
}

export const lostWakeup: ZooEntry = {
  name: "lost-wakeup",
  description: "flag check followed by pause(): a signal arriving in between is lost",
  buggy: wakeup(false),
  fixed: wakeup(true),
};
