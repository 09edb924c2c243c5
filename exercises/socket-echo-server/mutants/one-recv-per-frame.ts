// Mistake: reads the whole frame with one big recv, assuming one recv returns exactly one send.
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

export async function session([conn, listener]: [number, number]) {
  await close(listener);
  for (;;) {
    const data = await recv(conn, 65536);
    if (data === "") break;
    const len = Number(data.slice(0, 4));
    const payload = data.slice(4, 4 + len);
    print(payload);
    await send(conn, data.slice(0, 4) + payload);
  }
  await close(conn);
}
