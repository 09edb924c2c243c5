import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/**
 * A helper that takes the lock itself is called with the lock already held: mutexes do not
 * count, so the second mutex_lock fails with EDEADLK. The fix calls the unlocked body.
 */
function counter(fixed: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async worker([shmid]: number[]) {
        const mem = await ipc.shmat(shmid);
        const m = await ipc.mutex_create("counter");
        const add = async () => mem.store(0, (await mem.load(0)) + 1);
        const lockedAdd = async () => {
          await ipc.mutex_lock(m);
          await add();
          await ipc.mutex_unlock(m);
        };
        await ipc.mutex_lock(m);
        if (fixed) await add();
        else await lockedAdd();
        await ipc.mutex_unlock(m);
      },
    }),
    setup(k) {
      const id = k.shmget(0xed, 1, 0o1600);
      k.spawn("worker", [id]);
      k.spawn("worker", [id]);
    },
    check: (s) => (s.shm[0].data[0] === 2 ? null : `counter is ${s.shm[0].data[0]}, expected 2`),
  };
}

export const relock: ZooEntry = {
  name: "relock",
  description: "a mutex locked again by the process that holds it (EDEADLK)",
  buggy: counter(false),
  fixed: counter(true),
};
