import { describe, expect, it } from "vitest";
import { code, run } from "./test-helpers";
import type { Ipc } from "./ipc";

describe("pipes", () => {
  it("reads EOF only after every write end, including inherited ones, is closed", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        await ipc.spawn("child", [wr]);
        await ipc.close(wr);
        let all = "";
        for (let c; (c = await ipc.read(rd, 3)) !== ""; ) all += c;
        ipc.print(all);
      },
      async child([wr]: number[]) {
        await ipc.write(wr, "abc");
        await ipc.sleep(1);
        await ipc.write(wr, "def");
      },
    }));
    expect(r.failure).toBeNull();
    expect(r.snapshot.output["1"]).toBe("abcdef\n");
  });

  it("copies written bytes without running a Uint8Array subclass's code inside the kernel", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        class Hostile extends Uint8Array {
          static get [Symbol.species](): Uint8ArrayConstructor {
            throw new Error("species called");
          }
          override get length(): number {
            throw new Error("length called");
          }
          override [Symbol.iterator](): ArrayIterator<number> {
            throw new Error("iterator called");
          }
        }
        const [rd, wr] = await ipc.pipe();
        ipc.print(String(await ipc.write(wr, Hostile.of(104, 105))));
        ipc.print(await ipc.read(rd, 10));
        await ipc.spawn("echo", [Hostile.of(7) as unknown as number[]]);
      },
      async echo(args: unknown[]) {
        ipc.print(JSON.stringify(args));
      },
    }));
    expect(r.failure).toBeNull();
    expect(r.snapshot.output["1"]).toBe("2\nhi\n");
    expect(r.snapshot.output["2"]).toBe("[[7]]\n"); // spawn's argument copy ran no subclass code either
  });

  it("refuses a spawn whose close list is not fd numbers, before touching any descriptor", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        try {
          await ipc.spawn("child", [], { close: [String(wr)] as unknown as number[] });
        } catch (e) {
          ipc.print((e as { code: string }).code);
        }
        await ipc.close(wr);
        ipc.print(JSON.stringify(await ipc.read(rd, 10))); // EOF: the failed spawn left no write end open
      },
      async child() {},
    }));
    expect(r.failure).toBeNull();
    expect(r.snapshot.output["1"]).toBe('EBADF\n""\n');
  });

  it("write with no reader fails with EPIPE and the default SIGPIPE kills the writer", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        await ipc.close(rd);
        await ipc.write(wr, "x");
        ipc.print("survived");
      },
    }), { expectedSignals: ["SIGPIPE"] });
    expect(r.snapshot.exitStatuses["1"]).toEqual({ signaled: true, signal: "SIGPIPE" });
    expect(r.snapshot.output["1"]).toBeUndefined();
  });

  it("with SIGPIPE ignored the write reports EPIPE", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.signal("SIGPIPE", "SIG_IGN");
        const [rd, wr] = await ipc.pipe();
        await ipc.close(rd);
        ipc.print(await code(ipc.write(wr, "x")));
      },
    }));
    expect(r.snapshot.output["1"]).toBe("EPIPE\n");
  });

  it("O_NONBLOCK turns blocking into EAGAIN for readers and writers; reads are partial", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe({ nonblock: true });
        const out = [await code(ipc.read(rd, 10))];
        out.push(String(await ipc.write(wr, "x".repeat(100))));
        out.push((await ipc.read(rd, 10)).length + "");
        await ipc.write(wr, "y".repeat(4096 - 90));
        out.push(await code(ipc.write(wr, "z")));
        await ipc.fcntl(rd, ipc.F_SETFL, 0);
        out.push(String(await ipc.fcntl(wr, ipc.F_GETFL)));
        ipc.print(out.join(","));
      },
    }));
    expect(r.snapshot.output["1"]).toBe(`EAGAIN,100,10,EAGAIN,${2048}\n`);
  });

  it("a writer blocks only while the buffer is full, and large writes complete across wake-ups", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        await ipc.spawn("reader", [rd], { close: [wr] });
        await ipc.close(rd);
        ipc.print(String(await ipc.write(wr, "q".repeat(10000))));
        await ipc.close(wr);
        await ipc.wait();
      },
      async reader([rd]: number[]) {
        let n = 0;
        for (let c; (c = await ipc.read(rd, 1000)) !== ""; ) n += c.length;
        ipc.print(String(n));
      },
    }));
    expect(r.failure).toBeNull();
    expect(r.snapshot.output).toEqual({ "1": "10000\n", "2": "10000\n" });
    expect(r.trace!.events.some((e) => e.kind === "block" && e.name === "write")).toBe(true);
  });

  it("writes of at most PIPE_BUF bytes are never interleaved", async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = await run((ipc: Ipc) => ({
        async main() {
          const [rd, wr] = await ipc.pipe();
          await ipc.spawn("w", [wr, "a"]);
          await ipc.spawn("w", [wr, "b"]);
          await ipc.close(wr);
          let all = "";
          for (let c; (c = await ipc.read(rd, 4096)) !== ""; ) all += c;
          ipc.print(all);
        },
        async w([wr, ch]: [number, string]) {
          for (let i = 0; i < 4; i++) await ipc.write(wr, ch.repeat(400));
        },
      }), { options: { pipeCapacity: 1000, pipeBuf: 512 } }, { seed });
      const out = r.snapshot.output["1"].trim();
      expect(out).toMatch(/^((a{400})|(b{400}))+$/);
    }
  });

  it("dup2 redirects a descriptor and bad descriptors give EBADF", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        await ipc.dup2(wr, 1);
        await ipc.write(1, "via fd 1");
        await ipc.close(wr);
        await ipc.close(1);
        ipc.print(await ipc.read(rd, 100), await code(ipc.read(42, 1)), await code(ipc.write(rd, "x")));
      },
    }));
    expect(r.snapshot.output["1"]).toBe("via fd 1 EBADF EBADF\n");
  });

  it("EMFILE when the descriptor table is full", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        let last = "ok";
        for (let i = 0; i < 10 && last === "ok"; i++) last = await code(ipc.pipe());
        ipc.print(last);
      },
    }), { options: { maxFds: 8 } });
    expect(r.snapshot.output["1"]).toBe("EMFILE\n");
  });

  it("builtins compose into a shell pipeline (cat file | grep | sort -r | head -n 2)", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [r1, w1] = await ipc.pipe();
        const [r2, w2] = await ipc.pipe();
        const [r3, w3] = await ipc.pipe();
        const [r4, w4] = await ipc.pipe();
        const all = [r1, w1, r2, w2, r3, w3, r4, w4];
        await ipc.spawn("cat", ["fruits.txt"], { stdout: w1, close: all });
        await ipc.spawn("grep", ["an"], { stdin: r1, stdout: w2, close: all });
        await ipc.spawn("sort", ["-r"], { stdin: r2, stdout: w3, close: all });
        await ipc.spawn("head", ["-n", "2"], { stdin: r3, stdout: w4, close: all });
        for (const fd of [r1, w1, r2, w2, r3, w3, w4]) await ipc.close(fd);
        let out = "";
        for (let c; (c = await ipc.read(r4, 100)) !== ""; ) out += c;
        ipc.print(out.trim());
        const [r5, w5] = await ipc.pipe();
        await ipc.spawn("ls", [], { stdout: w5, close: [r4, r5, w5] });
        await ipc.close(w5);
        const [r6, w6] = await ipc.pipe();
        await ipc.spawn("wc", ["-l"], { stdin: r5, stdout: w6, close: [r4, r5, r6, w6] });
        await ipc.close(r5);
        await ipc.close(w6);
        ipc.print((await ipc.read(r6, 100)).trim());
      },
    }), { files: { "fruits.txt": "banana\napple\nmango\norange\ncherry\n", "b.txt": "x" } });
    expect(r.failure).toBeNull();
    expect(r.snapshot.output["1"]).toBe("orange\nmango\n2\n");
  });
});
