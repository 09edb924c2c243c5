import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

const INCREMENTS = 2;

/** Two processes increment a shared counter; load-then-store loses updates, fetchAdd does not. */
function counter(atomic: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async worker([shmid]: number[]) {
        const mem = await ipc.shmat(shmid);
        for (let i = 0; i < INCREMENTS; i++) {
          if (atomic) await mem.fetchAdd(0, 1);
          else {
            const v = await mem.load(0);
            await mem.store(0, v + 1);
          }
        }
      },
    }),
    setup(k) {
      const id = k.shmget(0x51, 1, 0o1600);
      k.spawn("worker", [id]);
      k.spawn("worker", [id]);
    },
    check: (s) => (s.shm[0].data[0] === 2 * INCREMENTS ? null : `lost update: counter is ${s.shm[0].data[0]}, expected ${2 * INCREMENTS}`),
  };
}

export const lostUpdate: ZooEntry = {
  name: "lost-update",
  description: "shared counter incremented with load+store instead of an atomic add",
  buggy: counter(false),
  fixed: counter(true),
};
