import type { Snapshot } from "../../../lib/kernel";
import type { DriverSpec, Scenario } from "../../../lib/grader/exercises/test-definition";

export const PATH = "/tmp/echo.sock";

/** "hello" → "0005hello": a four-digit decimal byte count, then the payload. */
export const frame = (payload: string) => String(payload.length).padStart(4, "0") + payload;

/** One client: its messages, and how its bytes are cut into send() calls (default: one send per frame). */
export type Client = { messages: string[]; sends?: Array<string | { wait: string }>; post?: string };

/**
 * The server runs as pid 1; each client is a harness driver (pids 2, 3, …) that sends its bytes,
 * shuts down its write side, reads the echo until EOF and prints it as a JSON string.
 */
export function echoScenario(clients: Client[]): Scenario {
  const drivers: DriverSpec[] = clients.map((c) => ({
    kind: "stream-client",
    address: PATH,
    sends: c.sends ?? c.messages.map(frame),
    post: c.post,
  }));
  return { main: "server", args: [PATH, clients.length], drivers };
}

const multiset = (xs: string[]) => JSON.stringify([...xs].sort());

/** Every client got back exactly its own frames, in order; the server logged each message once; everything exited cleanly. */
export function checkEcho(clients: Client[]) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel reports deadlocks and hangs itself
    const driverPids = clients.map((_, i) => i + 2);
    for (const [i, c] of clients.entries()) {
      const pid = driverPids[i];
      const expected = c.messages.map(frame).join("");
      const out = (s.output[pid] ?? "").trim();
      let got: unknown;
      try {
        got = JSON.parse(out);
      } catch {
        return `client ${pid} reported: ${out || "(nothing)"}`;
      }
      if (got !== expected) return `client ${pid} sent the frames ${JSON.stringify(expected)} but received ${JSON.stringify(got)}`;
    }
    const server = s.processes.filter((p) => !driverPids.includes(p.pid));
    const bad = server.find((p) => !p.exit || !("exited" in p.exit) || p.exit.code !== 0);
    if (bad) return `server process ${bad.pid} (${bad.name}) did not exit with status 0`;
    if (s.zombies.length) return `child processes ${s.zombies.join(", ")} were never reaped (zombies)`;
    const logged = server.flatMap((p) => (s.output[p.pid] ?? "").split("\n").slice(0, -1));
    const sent = clients.flatMap((c) => c.messages);
    if (multiset(logged) !== multiset(sent)) {
      return `the server should log each received message once; it logged ${JSON.stringify(logged)} for the messages ${JSON.stringify(sent)}`;
    }
    return null;
  };
}
