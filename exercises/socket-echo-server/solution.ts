import { socket, bind, listen, accept, recv, send, close, spawn, wait, print, AF_UNIX, SOCK_STREAM } from "ipc";

const HEADER = 4; // "0005hello": four decimal digits give the payload length in bytes

/**
 * Accepts exactly `clients` connections on the AF_UNIX stream socket `path` and serves each one
 * in its own child process, so a slow client never holds up the others. Then reaps every child.
 */
export async function server([path, clients]: [string, number]) {
  const listener = await socket(AF_UNIX, SOCK_STREAM);
  await bind(listener, path);
  await listen(listener, clients);
  for (let i = 0; i < clients; i++) {
    const conn = await accept(listener);
    await spawn(session, [conn, listener]);
    // The child has its own copy of the descriptor. Ours must go, or the connection stays open
    // after the child is done and the client never reads EOF.
    await close(conn);
  }
  await close(listener);
  for (let i = 0; i < clients; i++) await wait();
}

/** Serves one client: echoes every frame back and logs its payload, until the client closes. */
export async function session([conn, listener]: [number, number]) {
  await close(listener); // inherited, but this process never accepts
  for (;;) {
    const header = await readExactly(conn, HEADER);
    if (header === null) break; // EOF between two frames: the client is done
    const payload = await readExactly(conn, Number(header));
    if (payload === null) throw new Error("connection closed in the middle of a frame");
    print(payload);
    await send(conn, header + payload);
  }
  await close(conn);
}

/**
 * A stream socket keeps no message boundaries: one recv may return part of a send, or the end of
 * one send and the start of the next. So read until exactly `n` bytes have arrived, asking each
 * time only for what is still missing (never consume bytes that belong to the next frame).
 * Returns null on EOF before the first byte.
 */
async function readExactly(fd: number, n: number): Promise<string | null> {
  let data = "";
  while (data.length < n) {
    const chunk = await recv(fd, n - data.length);
    if (chunk === "") {
      if (data === "") return null;
      throw new Error(`connection closed after ${data.length} of ${n} bytes`);
    }
    data += chunk;
  }
  return data;
}
