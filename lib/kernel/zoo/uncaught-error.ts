import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

type Job = { type: number; data: { size?: number } | null };

/**
 * A consumer assumes every message carries a job, but the producer ends the stream with a
 * message whose data is null: reading `.size` of it throws, the consumer dies, and the parent
 * sees it exit with status 1. The fixed consumer treats the null message as the end.
 */
function jobs(checksForEnd: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async main() {
        const q = await ipc.msgget(ipc.IPC_PRIVATE, 0o600);
        const consumer = await ipc.spawn("consumer", [q]);
        for (const size of [3, 4]) await ipc.msgsnd(q, { type: 1, data: { size } });
        await ipc.msgsnd(q, { type: 1, data: null });
        await ipc.waitpid(consumer);
      },
      async consumer([q]: number[]) {
        let total = 0;
        for (;;) {
          const m = (await ipc.msgrcv(q, 0)) as unknown as Job;
          if (checksForEnd && m.data === null) break;
          total += (m.data as { size: number }).size;
        }
        ipc.print(`total ${total}`);
      },
    }),
    main: "main",
  };
}

export const uncaughtError: ZooEntry = {
  name: "uncaught-error",
  description: "a consumer reads a field of a message that has none: a TypeError ends it",
  buggy: jobs(false),
  fixed: jobs(true),
};
