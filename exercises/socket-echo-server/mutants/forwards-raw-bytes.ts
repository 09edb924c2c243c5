// Mistake: echoes whatever bytes arrive without parsing frames, so it cannot tell where a message ends (and logs chunks, not messages).
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
  for (let chunk; (chunk = await recv(conn, 4096)) !== ""; ) {
    print(chunk.slice(4));
    await send(conn, chunk);
  }
  await close(conn);
}
