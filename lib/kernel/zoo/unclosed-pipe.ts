import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/** The parent keeps its copy of the write end open, so its read loop never sees EOF. */
function pipeline(closeWriteEnd: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async main() {
        const [r, w] = await ipc.pipe();
        await ipc.spawn("producer", [w]);
        if (closeWriteEnd) await ipc.close(w);
        let got = "";
        for (let chunk; (chunk = await ipc.read(r, 64)) !== ""; ) got += chunk;
        ipc.print(got);
        await ipc.wait();
      },
      async producer([w]: number[]) {
        for (const item of ["a", "b", "c"]) await ipc.write(w, item);
      },
    }),
    main: "main",
  };
}

export const unclosedPipe: ZooEntry = {
  name: "unclosed-pipe",
  description: "reader never sees EOF because its own unused write end is still open",
  buggy: pipeline(false),
  fixed: pipeline(true),
};
