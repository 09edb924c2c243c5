import { describe, expect, it } from "vitest";
import { code, run } from "./test-helpers";
import type { Ipc } from "./ipc";
import { explore } from "./run";
import { childrenOf, observed, observedProcess, OBSERVATION_CAPS, queuesWithKey, shmWithKey, timedLines } from "./observations";

describe("observations: what the kernel saw a run do", () => {
  it("message queues: who sent and who received each message, in order; the test's own messages come from pid 0", async () => {
    const r = await run(
      (ipc: Ipc) => ({
        async main() {
          const q = await ipc.msgget(0x51, 0);
          await ipc.spawn("consumer", []);
          await ipc.msgsnd(q, { type: 2, data: "from main" });
          await ipc.msgsnd(q, { type: 1, data: { big: "x".repeat(300) } });
          await ipc.wait();
          await ipc.msgctl(q, ipc.IPC_RMID);
        },
        async consumer() {
          const q = await ipc.msgget(0x51, 0);
          for (let i = 0; i < 3; i++) await ipc.msgrcv(q, -5);
        },
      }),
      { setup: (k) => void k.msgsnd(k.msgget(0x51, ipc_creat()), { type: 3, data: "queued" }) },
    );
    expect(r.outcome.kind).toBe("completed");
    const [q] = queuesWithKey(r.snapshot, 0x51, 0);
    expect(q.removed?.by).toBe(1);
    expect(q.messages.map(({ type, data, from, to, received }) => ({ type, data, from, to, received }))).toEqual([
      { type: 3, data: "queued", from: 0, to: 2, received: expect.any(Number) },
      { type: 2, data: "from main", from: 1, to: 2, received: expect.any(Number) },
      { type: 1, data: undefined, from: 1, to: 2, received: expect.any(Number) },
    ]);
    expect(q.messages[2].digest).toMatch(/^[0-9a-f]{8}$/);
    expect(q.messages[2].size).toBeGreaterThan(300);
    // Receives are numbered in kernel order, whatever was logged.
    expect(q.messages.map((m) => m.received).sort()).toEqual([0, 1, 2]);
  });

  it("shared memory: every write, reads of another process's writes, per-pid access counts, the creator and the removal", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const id = await ipc.shmget(ipc.IPC_PRIVATE, 4, ipc.IPC_CREAT | 0o600);
        const v = await ipc.shmat(id);
        await v.store(0, 7);
        await v.load(0); // its own write: not logged
        await ipc.waitpid(await ipc.spawn("reader", [id]));
        await v.fetchAdd(1, 5);
        await v.compareExchange(1, 4, 9); // fails, and reads its own write: not logged
        await ipc.shmctl(id, ipc.IPC_RMID);
      },
      async reader([id]: number[]) {
        const v = await ipc.shmat(id);
        await v.load(0);
        await v.load(2); // never written: not logged
        await v.compareExchange(0, 7, 8);
      },
    }));
    const [seg] = observed(r.snapshot).shm;
    expect(seg.creator).toBe(1);
    expect(seg.removed?.by).toBe(1);
    expect(seg.ops).toEqual([
      ["store", 1, 0, 7, 0, 0],
      ["load", 2, 0, 7, 7, 1],
      ["cas", 2, 0, 8, 7, 1],
      ["add", 1, 1, 5, 0, 0],
    ]);
    expect(seg.access).toEqual({ 1: { loads: 1, stores: 1, atomics: 2 }, 2: { loads: 2, stores: 0, atomics: 1 } });
    expect(seg.dropped).toBe(0);
  });

  it("shared memory: the test's segments keep their own log; the run's segments share a capped budget", async () => {
    const r = await run(
      (ipc: Ipc) => ({
        async main() {
          const mine = await ipc.shmat(await ipc.shmget(ipc.IPC_PRIVATE, 1, ipc.IPC_CREAT | 0o600));
          for (let i = 0; i < OBSERVATION_CAPS.shmOpsPerSegment + 10; i++) await mine.store(0, i);
          const theirs = await ipc.shmat(await ipc.shmget(0x77, 1, 0));
          await theirs.store(0, 1);
        },
      }),
      { setup: (k) => void k.shmget(0x77, 1, ipc_creat()) },
      { maxSteps: 1e6, trace: false },
    );
    const [test] = shmWithKey(r.snapshot, 0x77, 0);
    expect(test.ops).toEqual([["store", 1, 0, 1, 0, 0]]);
    const own = observed(r.snapshot).shm.find((s) => s.creator === 1)!;
    expect(own.ops.length).toBe(OBSERVATION_CAPS.shmOpsPerSegment);
    expect(own.dropped).toBe(10);
    expect(own.access[1].stores).toBe(OBSERVATION_CAPS.shmOpsPerSegment + 10);
  });

  it("message queues: each queue's log is capped, and the count of what the cap dropped is kept", async () => {
    const r = await run(
      (ipc: Ipc) => ({
        async main() {
          const q = await ipc.msgget(ipc.IPC_PRIVATE, 0o600);
          for (let i = 0; i < OBSERVATION_CAPS.messagesPerQueue + 5; i++) {
            await ipc.msgsnd(q, { type: 1, data: i });
            await ipc.msgrcv(q);
          }
        },
      }),
      {},
      { maxSteps: 1e6, trace: false },
    );
    const [q] = observed(r.snapshot).msgQueues;
    expect(q.messages.length).toBe(OBSERVATION_CAPS.messagesPerQueue);
    expect(q.dropped).toBe(5);
    expect(q.messages.at(-1)).toMatchObject({ data: OBSERVATION_CAPS.messagesPerQueue - 1, from: 1, to: 1, received: OBSERVATION_CAPS.messagesPerQueue - 1 });
  });

  it("processes: who spawned whom, which program ran, when each exited and who reaped it", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const [rd, wr] = await ipc.pipe();
        const wc = await ipc.spawn("wc", ["-l"], { stdin: rd, close: [rd, wr] });
        await ipc.close(rd);
        const child = await ipc.spawn("child", [], { close: [wr] });
        await ipc.write(wr, "a\nb\n");
        await ipc.close(wr);
        await ipc.waitpid(child);
        await ipc.waitpid(wc);
      },
      async child() {},
    }));
    const s = r.snapshot;
    expect(observedProcess(s, 1)).toMatchObject({ parent: 0, name: "main", program: "module", reaped: { by: 0 } });
    expect(childrenOf(s, 1).map((p) => [p.pid, p.name, p.program, p.reaped?.by])).toEqual([
      [2, "wc", "builtin", 1],
      [3, "child", "module", 1],
    ]);
    const child = observedProcess(s, 3)!;
    expect(child.spawned.step).toBeLessThanOrEqual(child.exited!.step);
    expect(child.exited!.step).toBeLessThanOrEqual(child.reaped!.step);
    const [p] = observed(s).pipes;
    expect(p).toMatchObject({ creator: 1, written: { 1: 4 }, read: { 2: 4 } });
  });

  it("signals: sender, target, and what became of each one", async () => {
    const r = await run(
      (ipc: Ipc) => ({
        async main() {
          const handled = await ipc.spawn("handles", []);
          const dies = await ipc.spawn("dies", []);
          await ipc.sleep(1);
          await ipc.kill(handled, "SIGCHLD");
          await ipc.kill(handled, "SIGUSR1");
          await ipc.kill(dies, "SIGTERM");
          await ipc.wait();
          await ipc.wait();
          ipc.print(await code(ipc.kill(dies, "SIGTERM")));
        },
        async handles() {
          let got = false;
          await ipc.signal("SIGUSR1", () => void (got = true));
          await ipc.sigprocmask(ipc.SIG_BLOCK, ["SIGUSR2"]);
          await ipc.kill(ipc.getpid(), "SIGUSR2");
          await ipc.kill(ipc.getpid(), "SIGUSR2");
          while (!got) await ipc.sleep(1);
        },
        async dies() {
          await ipc.sleep(5);
        },
      }),
      { expectedSignals: ["SIGTERM"] },
    );
    const sigs = observed(r.snapshot).signals.map(({ signal, from, to, via, action }) => ({ signal, from, to, via, action }));
    expect(sigs).toEqual(
      expect.arrayContaining([
        { signal: "SIGUSR2", from: 2, to: 2, via: "kill", action: "pending" },
        { signal: "SIGUSR2", from: 2, to: 2, via: "kill", action: "merged" },
        { signal: "SIGUSR1", from: 1, to: 2, via: "kill", action: "handled" },
        { signal: "SIGTERM", from: 1, to: 3, via: "kill", action: "terminated" },
        { signal: "SIGCHLD", from: 1, to: 2, via: "kill", action: "ignored" },
        { signal: "SIGCHLD", from: 3, to: 1, via: "kernel", action: "ignored" },
      ]),
    );
    const usr1 = observed(r.snapshot).signals.find((e) => e.signal === "SIGUSR1")!;
    expect(usr1.handled!.step).toBeGreaterThanOrEqual(usr1.step);
    expect(r.snapshot.output[1]).toBe("ESRCH\n");
  });

  it("a signal to a process that has exited but is not reaped yet is recorded as target-exited", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const pid = await ipc.spawn("child", []);
        await ipc.sleep(1);
        await ipc.kill(pid, "SIGTERM");
        await ipc.wait();
      },
      async child() {},
    }));
    expect(observed(r.snapshot).signals.find((e) => e.signal === "SIGTERM")?.action).toBe("target-exited");
  });

  it("interleaving: pairs with a context switch between them while both were alive", async () => {
    const r = await run(
      (ipc: Ipc) => ({
        async main() {
          const a = await ipc.spawn("work", []);
          const b = await ipc.spawn("work", []);
          await ipc.waitpid(a);
          await ipc.waitpid(b);
          await ipc.waitpid(await ipc.spawn("work", []));
        },
        async work() {
          for (let i = 0; i < 5; i++) await ipc.sched_yield();
        },
      }),
      {},
      { strategy: "random", seed: 3 },
    );
    const pairs = observed(r.snapshot).interleaved;
    expect(pairs).toContainEqual([2, 3]);
    // Child 4 was spawned after 2 and 3 had been reaped.
    expect(pairs.some(([a, b]) => (a === 2 || a === 3) && b === 4)).toBe(false);
  });

  it("prints are timed: each output line knows the step and virtual time of its print call", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        ipc.print("start 1");
        await ipc.sleep(1);
        ipc.print("done 1\nand more");
      },
    }));
    const lines = timedLines(r.snapshot, 1);
    expect(lines.map((l) => l.text)).toEqual(["start 1", "done 1", "and more"]);
    expect(lines[0].at!.time).toBeLessThan(1e9);
    expect(lines[1].at!.time).toBeGreaterThanOrEqual(1e9);
    expect(lines[2].at).toEqual(lines[1].at);
  });

  it("semaphores and mutexes: which pids acquired and released", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const s = await ipc.semget(ipc.IPC_PRIVATE, 2, ipc.IPC_CREAT | 0o600);
        await ipc.semop(s, [{ num: 0, op: 2 }]);
        await ipc.semop(s, [{ num: 0, op: -1 }, { num: 1, op: 0 }]);
        const n = await ipc.sem_open("/n", { create: true, value: 1 });
        await ipc.sem_wait(n);
        await ipc.sem_post(n);
        const m = await ipc.mutex_create("m");
        await ipc.mutex_lock(m);
        await ipc.mutex_unlock(m);
        await ipc.semctl(s, 0, ipc.IPC_RMID);
      },
    }));
    const o = observed(r.snapshot);
    expect(o.semaphores.map((s) => [s.label, s.ops, s.removed?.by ?? null])).toEqual([
      ["sem 1", { 1: { down: 1, up: 1, zero: 1 } }, 1],
      ['sem "/n"', { 1: { down: 1, up: 1, zero: 0 } }, null],
    ]);
    expect(o.mutexes).toEqual([{ id: 3, name: "m", creator: 1, ops: { 1: { locks: 1, unlocks: 1 } } }]);
  });

  it("the snapshot's observations are plain data, the same through JSON, and the same on every replay", async () => {
    const program = (ipc: Ipc) => ({
      async main() {
        const q = await ipc.msgget(ipc.IPC_PRIVATE, 0o600);
        await ipc.spawn("child", [q]);
        await ipc.msgsnd(q, { type: 1, data: [1, 2] });
        await ipc.wait();
      },
      async child([q]: number[]) {
        await ipc.msgrcv(q);
      },
    });
    const r = await run(program, {}, { strategy: "random", seed: 5 });
    const json = JSON.parse(JSON.stringify(r.snapshot));
    expect(json.observed).toEqual(r.snapshot.observed);
    const again = await run(program, {}, { strategy: "random", seed: 5 });
    expect(JSON.stringify(again.snapshot)).toBe(JSON.stringify(r.snapshot));
    // Exploration hands checks the same facts.
    let seen = 0;
    await explore({ module: program as never, main: "main", check: (s) => void (seen += observed(s).msgQueues[0].messages.length) }, { budget: 3 });
    expect(seen).toBe(3);
  });
});

/** IPC_CREAT | 0o600 for setup code. */
function ipc_creat(): number {
  return 0o1000 | 0o600;
}

describe("observations in a snapshot", () => {
  it("are built on first read, then are a plain data property; a frozen snapshot still reads them", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        ipc.print("hi");
      },
    }));
    const d = Object.getOwnPropertyDescriptor(r.snapshot, "observed")!;
    expect(d.get).toBeTypeOf("function");
    expect(observed(r.snapshot).processes.map((p) => p.pid)).toEqual([1]);
    expect(Object.getOwnPropertyDescriptor(r.snapshot, "observed")!.value).toBe(r.snapshot.observed);
    const frozen = Object.freeze((await run(() => ({ async main() {} }))).snapshot);
    expect(frozen.observed?.processes.length).toBe(1);
    expect(JSON.parse(JSON.stringify(frozen)).observed.processes.length).toBe(1);
  });
});
