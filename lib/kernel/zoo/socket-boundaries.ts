import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/** The server assumes one recv() returns exactly one send(); stream sockets do not promise that. */
function echo(framed: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async server() {
        const s = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM);
        await ipc.bind(s, "/tmp/echo.sock");
        await ipc.listen(s, 4);
        await ipc.sem_post(await ipc.sem_open("listening"));
        const c = await ipc.accept(s);
        const lines: string[] = [];
        if (framed) {
          let buf = "";
          for (let chunk; (chunk = await ipc.recv(c, 64)) !== ""; ) buf += chunk;
          lines.push(...buf.split("\n").filter(Boolean));
        } else {
          for (let i = 0; i < 2; i++) lines.push((await ipc.recv(c, 64)).replace("\n", ""));
        }
        ipc.print(JSON.stringify(lines));
      },
      async client() {
        await ipc.sem_wait(await ipc.sem_open("listening"));
        const s = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM);
        await ipc.connect(s, "/tmp/echo.sock");
        await ipc.send(s, "hello\n");
        await ipc.send(s, "world\n");
        await ipc.close(s);
      },
    }),
    setup(k) {
      k.sem_open("listening", { create: true, value: 0, mode: 0o666 });
      k.spawn("server");
      k.spawn("client");
    },
    check: (s) => (s.output["1"] === '["hello","world"]\n' ? null : `server received ${JSON.stringify(s.output["1"] ?? "")}`),
  };
}

export const socketBoundaries: ZooEntry = {
  name: "socket-message-boundaries",
  description: "stream socket reader assumes one recv equals one send",
  buggy: echo(false),
  fixed: echo(true),
};
