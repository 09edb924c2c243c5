import { describe, expect, it } from "vitest";
import { code, run } from "./test-helpers";
import type { Ipc } from "./ipc";

describe("processes", () => {
  it("spawn by function identity gives the child a fresh module instance", async () => {
    const r = await run((ipc: Ipc) => {
      let counter = 0;
      const mod = {
        async main() {
          counter = 100;
          await ipc.spawn(mod.child, ["x"]);
          await ipc.wait();
          ipc.print("parent", counter, ipc.getpid(), await code(ipc.spawn(async () => {})));
        },
        async child([arg]: string[]) {
          ipc.print("child", counter, arg, ipc.getppid());
        },
      };
      return mod;
    });
    expect(r.snapshot.output).toEqual({ "1": "parent 100 1 EINVAL\n", "2": "child 0 x 1\n" });
  });

  it("a child never waited for stays a zombie; wait reaps; no children is ECHILD", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        ipc.print(await code(ipc.wait()));
        await ipc.spawn("child", [3]);
        await ipc.spawn("child", [4]);
        const w = await ipc.waitpid(2);
        ipc.print(JSON.stringify(w), JSON.stringify(await ipc.waitpid(-1, { nohang: true })));
        await ipc.sleep(2);
      },
      async child([c]: number[]) {
        await ipc.sleep(c);
        return c;
      },
    }));
    expect(r.snapshot.output["1"]).toBe('ECHILD\n{"pid":2,"status":{"exited":true,"code":3}} null\n');
    expect(r.snapshot.zombies).toEqual([3]);
    expect(r.snapshot.processes.find((p) => p.pid === 3)!.state).toBe("zombie");
    expect(r.snapshot.processes.find((p) => p.pid === 2)!.state).toBe("reaped");
  });

  it("orphans are re-parented to pid 1", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.spawn("middle");
        await ipc.wait();
        const w = await ipc.wait();
        ipc.print("reaped", w.pid);
      },
      async middle() {
        await ipc.spawn("grandchild");
      },
      async grandchild() {
        await ipc.sleep(1);
        ipc.print("ppid", ipc.getppid());
      },
    }));
    expect(r.snapshot.output).toEqual({ "1": "reaped 3\n", "3": "ppid 1\n" });
  });

  it("a fork bomb ends cleanly at the process cap with EAGAIN", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.spawn("bomb");
        await ipc.sleep(100);
      },
      async bomb() {
        for (;;) {
          try {
            await ipc.spawn("bomb");
          } catch (e) {
            ipc.print((e as { code: string }).code);
            return;
          }
        }
      },
    }), {}, { maxProcesses: 8 });
    expect(r.outcome.kind).toBe("completed");
    expect(r.snapshot.processes.length).toBe(8);
    expect(r.snapshot.output["8"] ?? Object.values(r.snapshot.output)[0]).toContain("EAGAIN");
  });

  it("IpcError carries code, errno, syscall and a C-like message", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const q = await ipc.msgget(ipc.IPC_PRIVATE, 0o600);
        try {
          await ipc.msgrcv(q, 1, ipc.IPC_NOWAIT);
        } catch (e) {
          const err = e as InstanceType<typeof ipc.IpcError>;
          ipc.print(err instanceof ipc.IpcError, err.code, err.errno, err.syscall, err.message);
        }
      },
    }));
    expect(r.snapshot.output["1"]).toBe("true ENOMSG 42 msgrcv msgrcv: ENOMSG (No message of desired type)\n");
  });

  it("awaiting something outside the kernel is reported instead of hanging", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.sched_yield();
        await new Promise(() => {});
      },
    }), {}, { hangTicks: 200 });
    expect(r.outcome).toEqual({ kind: "hang", pid: 1, message: "process 1 awaited something outside the kernel" });
    expect(r.failure).toMatch(/outside the kernel/);
  });

  it("a missing await is detected as a process error", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        await ipc.spawn("child");
        void ipc.pause();
        await ipc.sched_yield();
      },
      async child() {
        await ipc.sleep(1);
      },
    }));
    expect(r.failure).toMatch(/missing await/);
  });

  it("a busy-wait hits the step cap with a livelock message", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        for (;;) await ipc.sched_yield();
      },
    }), {}, { maxSteps: 500 });
    expect(r.outcome).toEqual({ kind: "step-limit", message: "possible livelock or busy-wait", steps: 500 });
  });

  it("console output is capped and marked truncated", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        for (let i = 0; i < 100; i++) ipc.print("0123456789");
      },
    }), {}, { outputCap: 50 });
    expect(r.snapshot.output["1"].length).toBe(50);
    expect(r.snapshot.outputTruncated).toBe(true);
  });

  it("counters charge syscalls, mode switches, copies and context switches", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        await ipc.write(wr, "abcd");
        await ipc.read(rd, 4);
      },
    }));
    expect(r.counters).toMatchObject({ syscalls: 3, modeSwitches: 6, bytesCopied: 8, contextSwitches: 1 });
    expect(r.snapshot.processes[0].counters.syscalls).toBe(3);
  });

  it("counts a call that blocks and is woken up as one system call (two mode switches)", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        await ipc.spawn("writer", [wr]);
        ipc.print(await ipc.read(rd, 4)); // blocks until the writer has run
        await ipc.waitpid(-1); // may block too
      },
      async writer([wr]: number[]) {
        await ipc.sleep(1);
        await ipc.write(wr, "ping");
      },
    }));
    expect(r.failure).toBeNull();
    const parent = r.snapshot.processes.find((p) => p.pid === 1)!;
    expect(parent.counters.syscalls).toBe(4); // pipe, spawn, read, waitpid
    expect(parent.counters.modeSwitches).toBe(8);
  });
});
