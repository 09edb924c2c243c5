import { describe, expect, it } from "vitest";
import { code, run } from "./test-helpers";
import type { Ipc } from "./ipc";

const streamPair = (inet: boolean, sends: string[]) => (ipc: Ipc) => ({
  async main() {
    const dom = inet ? ipc.AF_INET : ipc.AF_UNIX;
    const addr = inet ? "127.0.0.1:8080" : "/tmp/s";
    const l = await ipc.socket(dom, ipc.SOCK_STREAM);
    await ipc.bind(l, addr);
    await ipc.listen(l, 1);
    await ipc.spawn("client", [dom, addr, sends]);
    const c = await ipc.accept(l);
    const chunks: string[] = [];
    for (let s; (s = await ipc.recv(c, 100)) !== ""; ) chunks.push(s);
    ipc.print(JSON.stringify(chunks));
    await ipc.wait();
  },
  async client([dom, addr, msgs]: [number, string, string[]]) {
    const s = await ipc.socket(dom, ipc.SOCK_STREAM);
    await ipc.connect(s, addr);
    for (const m of msgs) await ipc.send(s, m);
    await ipc.shutdown(s, ipc.SHUT_WR);
  },
});

describe("sockets", () => {
  it("stream sockets may split and merge sends, but never lose or reorder bytes", async () => {
    const shapes = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const r = await run(streamPair(false, ["hello", "world"]), {}, { seed });
      expect(r.failure).toBeNull();
      const chunks = JSON.parse(r.snapshot.output["1"]) as string[];
      expect(chunks.join("")).toBe("helloworld");
      shapes.add(chunks.length === 2 && chunks[0] === "hello" ? "boundaries" : "other");
    }
    expect(shapes.has("other")).toBe(true);
  });

  it("AF_INET costs more virtual time than AF_UNIX for the same traffic", async () => {
    const unix = await run(streamPair(false, ["x".repeat(1000)]), {}, { seed: 3 });
    const inet = await run(streamPair(true, ["x".repeat(1000)]), {}, { seed: 3 });
    expect(inet.counters.virtualTimeNs).toBeGreaterThan(unix.counters.virtualTimeNs);
  });

  it("datagrams keep their boundaries and report the sender", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const s = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_DGRAM);
        await ipc.bind(s, "/tmp/server");
        await ipc.spawn("client");
        const got = [];
        for (let i = 0; i < 3; i++) got.push(await ipc.recvfrom(s, 100));
        ipc.print(JSON.stringify(got));
        await ipc.wait();
      },
      async client() {
        const s = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_DGRAM);
        await ipc.bind(s, "/tmp/client");
        for (const m of ["a", "bb", "ccc"]) await ipc.sendto(s, m, "/tmp/server");
      },
    }));
    expect(JSON.parse(r.snapshot.output["1"])).toEqual([
      { data: "a", from: "/tmp/client" },
      { data: "bb", from: "/tmp/client" },
      { data: "ccc", from: "/tmp/client" },
    ]);
  });

  it("errors: ECONNREFUSED, EADDRINUSE, ENOTCONN, EPIPE after peer close, EINVAL count, ENOTSOCK, privileged ports", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const a = await ipc.socket(ipc.AF_INET, ipc.SOCK_STREAM);
        const out = [await code(ipc.connect(a, "127.0.0.1:9"))];
        await ipc.bind(a, "127.0.0.1:5000");
        const b = await ipc.socket(ipc.AF_INET, ipc.SOCK_STREAM);
        out.push(await code(ipc.bind(b, "127.0.0.1:5000")));
        out.push(await code(ipc.send(b, "x")));
        await ipc.listen(a, 1);
        await ipc.connect(b, "127.0.0.1:5000");
        const c = await ipc.accept(a);
        await ipc.close(c);
        await ipc.signal("SIGPIPE", "SIG_IGN");
        out.push(await code(ipc.send(b, "x")));
        out.push(await ipc.recv(b, 10));
        out.push(await code(ipc.recv(b, -1)));
        const [p] = await ipc.pipe();
        out.push(await code(ipc.recv(p, 1)));
        await ipc.spawn("user", [], { uid: 1000 });
        await ipc.wait();
        ipc.print(out.join(","));
      },
      async user() {
        const s = await ipc.socket(ipc.AF_INET, ipc.SOCK_STREAM);
        ipc.print(await code(ipc.bind(s, "0.0.0.0:80")));
      },
    }));
    expect(r.snapshot.output["1"]).toBe("ECONNREFUSED,EADDRINUSE,ENOTCONN,EPIPE,,EINVAL,ENOTSOCK\n");
    expect(r.snapshot.output["2"]).toBe("EACCES\n");
  });

  it("AF_UNIX connect needs write permission on the socket path until chmod", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const l = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM);
        await ipc.bind(l, "/run/app.sock");
        await ipc.listen(l, 4);
        await ipc.spawn("user", [], { uid: 1000 });
        await ipc.wait();
        await ipc.chmod("/run/app.sock", 0o777);
        await ipc.spawn("user", [], { uid: 1000 });
        await ipc.wait();
      },
      async user() {
        const s = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM);
        ipc.print(await code(ipc.connect(s, "/run/app.sock")));
      },
    }));
    expect(r.snapshot.output).toEqual({ "2": "EACCES\n", "3": "ok\n" });
  });

  it("a full backlog makes connect wait until accept makes room", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const l = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM);
        await ipc.bind(l, "/b");
        await ipc.listen(l, 1);
        await ipc.spawn("client");
        await ipc.spawn("client");
        await ipc.sleep(1);
        await ipc.accept(l);
        await ipc.accept(l);
        await ipc.wait();
        await ipc.wait();
      },
      async client() {
        await ipc.connect(await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM), "/b");
      },
    }));
    expect(r.failure).toBeNull();
    expect(r.trace!.events.some((e) => e.kind === "block" && e.name === "connect")).toBe(true);
  });
});
