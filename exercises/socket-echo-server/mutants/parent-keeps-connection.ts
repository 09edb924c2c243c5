// Mistake: forks a child per connection but the parent never closes its copy of the connection, so clients never see EOF.
import { socket, bind, listen, accept, recv, send, close, spawn, wait, print, AF_UNIX, SOCK_STREAM } from "ipc";

export async function server([path, clients]: [string, number]) {
  const listener = await socket(AF_UNIX, SOCK_STREAM);
  await bind(listener, path);
  await listen(listener, clients);
  for (let i = 0; i < clients; i++) {
    const conn = await accept(listener);
    await spawn(session, [conn, listener]);
  }
  await close(listener);
  for (let i = 0; i < clients; i++) await wait();
}

export async function session([conn, listener]: [number, number]) {
  await close(listener);
  for (;;) {
    const header = await readExactly(conn, 4);
    if (header === null) break;
    const payload = (await readExactly(conn, Number(header))) ?? "";
    print(payload);
    await send(conn, header + payload);
  }
  await close(conn);
}

async function readExactly(fd: number, n: number): Promise<string | null> {
  let data = "";
  while (data.length < n) {
    const chunk = await recv(fd, n - data.length);
    if (chunk === "") return data === "" ? null : data;
    data += chunk;
  }
  return data;
}
