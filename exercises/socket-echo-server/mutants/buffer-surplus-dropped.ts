// Mistake: loops until the frame is complete, but asks recv for a whole buffer and throws away the bytes of the next frame.
import { socket, bind, listen, accept, recv, send, close, spawn, wait, print, AF_UNIX, SOCK_STREAM } from "ipc";

export async function server([path, clients]: [string, number]) {
  const listener = await socket(AF_UNIX, SOCK_STREAM);
  await bind(listener, path);
  await listen(listener, clients);
  for (let i = 0; i < clients; i++) {
    const conn = await accept(listener);
    await spawn(session, [conn, listener]);
    await close(conn);
  }
  await close(listener);
  for (let i = 0; i < clients; i++) await wait();
}

async function readAtLeast(fd: number, n: number): Promise<string | null> {
  let data = "";
  while (data.length < n) {
    const chunk = await recv(fd, 1024);
    if (chunk === "") return data === "" ? null : data;
    data += chunk;
  }
  return data;
}

export async function session([conn, listener]: [number, number]) {
  await close(listener);
  for (;;) {
    const head = await readAtLeast(conn, 4);
    if (head === null) break;
    const len = Number(head.slice(0, 4));
    let rest = head.slice(4);
    if (rest.length < len) rest += (await readAtLeast(conn, len - rest.length)) ?? "";
    const payload = rest.slice(0, len);
    print(payload);
    await send(conn, head.slice(0, 4) + payload);
  }
  await close(conn);
}
