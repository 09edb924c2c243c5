import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/** Two processes take the same two mutexes; opposite orders can deadlock. */
function transfer(consistentOrder: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async worker([first, second]: string[]) {
        const a = await ipc.mutex_create(first);
        const b = await ipc.mutex_create(second);
        await ipc.mutex_lock(a);
        await ipc.mutex_lock(b);
        await ipc.mutex_unlock(b);
        await ipc.mutex_unlock(a);
      },
    }),
    setup(k) {
      k.mutex_create("A");
      k.mutex_create("B");
      k.spawn("worker", ["A", "B"]);
      k.spawn("worker", consistentOrder ? ["A", "B"] : ["B", "A"]);
    },
  };
}

export const lockOrder: ZooEntry = {
  name: "lock-order",
  description: "two mutexes acquired in opposite orders by two processes",
  buggy: transfer(false),
  fixed: transfer(true),
};
