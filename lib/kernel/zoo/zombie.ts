import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/**
 * SIGCHLD does not queue: two children exiting close together may raise one
 * signal. A handler that reaps a single child per signal leaves a zombie.
 */
function reaper(loop: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async parent() {
        await ipc.signal("SIGCHLD", async () => {
          do {
            let r;
            try {
              r = await ipc.waitpid(-1, { nohang: true });
            } catch {
              return;
            }
            if (r === null) return;
          } while (loop);
        });
        const [r, w] = await ipc.pipe();
        await ipc.spawn("child", [w]);
        await ipc.spawn("child", [w]);
        await ipc.close(w);
        while ((await ipc.read(r, 16)) !== "");
      },
      async child([w]: number[]) {
        await ipc.write(w, "x");
      },
    }),
    main: "parent",
    check: (s) => (s.zombies.length ? `zombie processes left: ${s.zombies.join(", ")}` : null),
  };
}

export const missedReap: ZooEntry = {
  name: "missed-sigchld-reap",
  description: "SIGCHLD handler reaps one child per signal, but signals coalesce",
  buggy: reaper(false),
  fixed: reaper(true),
};
