import { socket, bind, listen, accept, recv, send, close, spawn, wait, print, AF_UNIX, SOCK_STREAM } from "ipc";

const HEADER = 4; // "0005hello": four decimal digits give the payload length in bytes

/**
 * Accepts exactly `clients` connections on the AF_UNIX stream socket `path`, serves each one in
 * its own child process, then reaps every child.
 */
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

/** Serves one client: echoes every frame back and logs its payload, until the client closes. */
export async function session([conn, listener]: [number, number]) {
  await close(listener);
  for (;;) {
    // TODO: this works on a quiet machine with short messages... but what does recv really promise?
    const header = await recv(conn, HEADER);
    if (header === "") break; // the client closed the connection
    const payload = await recv(conn, Number(header));
    print(payload);
    await send(conn, header + payload);
  }
  await close(conn);
}
