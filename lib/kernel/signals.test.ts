import { describe, expect, it } from "vitest";
import { code, run } from "./test-helpers";
import type { Ipc } from "./ipc";

/** A child blocks in read() on an empty pipe while the parent signals it. */
function interrupted(flags: "restart" | "none") {
  return (ipc: Ipc) => ({
    async main() {
      const [rd, wr] = await ipc.pipe();
      const child = await ipc.spawn("reader", [rd, wr]);
      await ipc.sleep(1);
      await ipc.kill(child, "SIGUSR1");
      await ipc.sleep(1);
      await ipc.write(wr, "data");
      await ipc.wait();
    },
    async reader([rd, wr]: number[]) {
      await ipc.close(wr);
      await ipc.sigaction("SIGUSR1", { handler: () => ipc.print("handler"), flags: flags === "restart" ? ipc.SA_RESTART : 0 });
      try {
        ipc.print("read", await ipc.read(rd, 10));
      } catch (e) {
        ipc.print((e as { code: string }).code);
      }
    },
  });
}

describe("signals", () => {
  it("a blocked call interrupted by a caught signal fails with EINTR", async () => {
    const r = await run(interrupted("none"));
    expect(r.snapshot.output["2"]).toBe("handler\nEINTR\n");
  });

  it("with SA_RESTART the interrupted call restarts after the handler", async () => {
    const r = await run(interrupted("restart"));
    expect(r.snapshot.output["2"]).toBe("handler\nread data\n");
  });

  it("SIGKILL and SIGSTOP cannot be caught or ignored; SIGKILL terminates even a handler-happy process", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        ipc.print(await code(ipc.signal("SIGKILL", () => {})), await code(ipc.sigaction("SIGSTOP", { handler: "SIG_IGN" })));
        const c = await ipc.spawn("victim");
        await ipc.sleep(1);
        await ipc.kill(c, "SIGKILL");
        ipc.print(JSON.stringify((await ipc.wait()).status));
      },
      async victim() {
        await ipc.sigprocmask(ipc.SIG_BLOCK, ["SIGKILL", "SIGTERM"]);
        await ipc.pause();
      },
    }), { expectedSignals: ["SIGKILL"] });
    expect(r.snapshot.output["1"]).toBe('EINVAL EINVAL\n{"signaled":true,"signal":"SIGKILL"}\n');
  });

  it("masked signals stay pending and are delivered when unmasked", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.signal("SIGUSR1", () => ipc.print("got USR1"));
        await ipc.sigprocmask(ipc.SIG_BLOCK, ["SIGUSR1"]);
        await ipc.kill(ipc.getpid(), "SIGUSR1");
        ipc.print("pending", JSON.stringify(await ipc.sigpending()));
        await ipc.sigprocmask(ipc.SIG_UNBLOCK, ["SIGUSR1"]);
        ipc.print("after unmask");
      },
    }));
    expect(r.snapshot.output["1"]).toBe("pending [10]\ngot USR1\nafter unmask\n");
  });

  it("default actions: SIGTERM terminates, SIGCHLD is ignored, SIG_IGN discards", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const c = await ipc.spawn("sleeper");
        await ipc.signal("SIGTERM", "SIG_IGN");
        await ipc.kill(ipc.getpid(), "SIGTERM");
        await ipc.kill(ipc.getpid(), "SIGCHLD");
        await ipc.kill(c, "SIGTERM");
        ipc.print(JSON.stringify(await ipc.wait()));
        // Ignored dispositions survive spawn (exec), so this child shrugs SIGTERM off.
        const d = await ipc.spawn("sleeper");
        await ipc.kill(d, "SIGTERM");
        ipc.print(JSON.stringify(await ipc.wait()));
      },
      async sleeper() {
        await ipc.sleep(5);
      },
    }), { expectedSignals: ["SIGTERM"] });
    expect(r.snapshot.output["1"]).toBe('{"pid":2,"status":{"signaled":true,"signal":"SIGTERM"}}\n{"pid":3,"status":{"exited":true,"code":0}}\n');
  });

  it("an unexpected fatal signal counts as a failure", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.kill(ipc.getpid(), "SIGINT");
      },
    }));
    expect(r.failure).toBe("pid 1 (main) was killed by SIGINT");
  });

  it("non-root processes may only signal their own uid (EPERM); unknown pids are ESRCH", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.spawn("user", [], { uid: 1000 });
        await ipc.wait();
      },
      async user() {
        ipc.print(await code(ipc.kill(1, "SIGTERM")), await code(ipc.kill(99, "SIGTERM")), await code(ipc.kill(ipc.getpid(), 0)), await code(ipc.spawn("user", [], { uid: 0 })));
      },
    }));
    expect(r.snapshot.output["2"]).toBe("EPERM ESRCH ok EPERM\n");
  });

  it("SIGSTOP suspends and SIGCONT resumes a process", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        const c = await ipc.spawn("child", [rd]);
        await ipc.kill(c, "SIGSTOP");
        await ipc.write(wr, "go");
        await ipc.sleep(10);
        ipc.print("stopped", (await ipc.sigpending()).length);
        await ipc.kill(c, "SIGCONT");
        await ipc.wait();
      },
      async child([rd]: number[]) {
        await ipc.read(rd, 2);
        ipc.print("child ran");
      },
    }));
    const ev = r.trace!.events.filter((e) => e.kind === "print").map((e) => e.text);
    expect(ev).toEqual(["stopped 0\n", "child ran\n"]);
  });

  it("alarm delivers SIGALRM in virtual time and pause returns EINTR", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.signal("SIGALRM", () => ipc.print("ring"));
        await ipc.alarm(2);
        ipc.print(await code(ipc.pause()), ipc.now() >= 2e9);
      },
    }));
    expect(r.snapshot.output["1"]).toBe("ring\nEINTR true\n");
  });

  it("a parent gets SIGCHLD when a child exits", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        let n = 0;
        await ipc.signal("SIGCHLD", () => void n++);
        await ipc.spawn("child");
        await ipc.wait();
        await ipc.sched_yield();
        ipc.print(n);
      },
      async child() {},
    }));
    expect(r.snapshot.output["1"]).toBe("1\n");
  });
});
