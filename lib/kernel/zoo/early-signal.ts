import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/**
 * The child signals its parent as soon as it starts; the parent installs its SIGUSR1 handler
 * only after spawning it. If the child runs first, the signal's default action kills the
 * parent. The fix installs the handler before the spawn.
 */
function notify(handlerFirst: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async parent() {
        let notified = false;
        const onNotify = () => {
          notified = true;
        };
        if (handlerFirst) await ipc.signal("SIGUSR1", onNotify);
        await ipc.spawn("child");
        if (!handlerFirst) await ipc.signal("SIGUSR1", onNotify);
        await ipc.wait();
        ipc.print(notified ? "notified\n" : "no notice\n");
      },
      async child() {
        await ipc.kill(ipc.getppid(), "SIGUSR1");
      },
    }),
    main: "parent",
  };
}

export const earlySignal: ZooEntry = {
  name: "early-signal",
  description: "a signal arrives before its handler is installed, and its default action kills",
  buggy: notify(false),
  fixed: notify(true),
};
