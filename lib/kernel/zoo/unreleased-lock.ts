import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/**
 * A refused withdrawal returns early, before the unlock: the mutex stays with a process that
 * has exited, and the next teller waits for it forever. The fix releases it on every path.
 */
function tellers(releaseOnEveryPath: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async withdraw([shmid, amount]: number[]) {
        const account = await ipc.shmat(shmid);
        const m = await ipc.mutex_create("account");
        await ipc.mutex_lock(m);
        const balance = await account.load(0);
        if (balance < amount) {
          if (releaseOnEveryPath) await ipc.mutex_unlock(m);
          return 1; // refused
        }
        await account.store(0, balance - amount);
        await ipc.mutex_unlock(m);
        return 0;
      },
    }),
    setup(k) {
      const id = k.shmget(0xac, 1, 0o1600);
      k.poke(id, 0, 50);
      k.spawn("withdraw", [id, 70]);
      k.spawn("withdraw", [id, 20]);
    },
    check: (s) => {
      const held = s.mutexes.find((m) => m.owner !== 0);
      return held ? `mutex "${held.name}" is still held by pid ${held.owner}, which has exited` : null;
    },
  };
}

export const unreleasedLock: ZooEntry = {
  name: "unreleased-lock",
  description: "an early return (a refused withdrawal) skips the unlock",
  buggy: tellers(false),
  fixed: tellers(true),
};
