import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/** The parent starts two workers but waits for one: the other stays a zombie. */
function parent(waitForAll: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async main() {
        await ipc.spawn("worker", [1]);
        await ipc.spawn("worker", [2]);
        await ipc.wait();
        if (waitForAll) await ipc.wait();
      },
      async worker([n]: number[]) {
        ipc.print(`worker ${n} done\n`);
      },
    }),
    main: "main",
    check: (s) => (s.zombies.length ? `zombie processes left: ${s.zombies.join(", ")}` : null),
  };
}

export const forgottenChild: ZooEntry = {
  name: "forgotten-child",
  description: "a parent waits for fewer children than it started",
  buggy: parent(false),
  fixed: parent(true),
};
