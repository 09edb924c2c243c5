import { describe, expect, it } from "vitest";
import type { Ipc } from "../ipc";
import { explore, runOnce, type ExploreResult, type Program } from "../run";
import { ZOO } from "../zoo";
import { classifyFailure } from "./classify";
import type { FailureClass, FailureKind } from "./types";

const zoo = (name: string) => {
  const z = ZOO.find((x) => x.name === name);
  if (!z) throw new Error(`no zoo entry ${name}`);
  return z;
};

type Failed = Extract<ExploreResult, { passed: false }>;

/** The counterexample explore() reports for a buggy program (the one the grader would show). */
async function failingRun(program: Program): Promise<Failed> {
  const r = await explore(program, { budget: 300, seed: 1 });
  if (r.passed) throw new Error("expected the program to fail");
  return r;
}

function classify(r: Failed, program: Program): FailureClass {
  const c = classifyFailure({ events: r.trace.events, outcome: r.outcome, snapshot: r.snapshot, failure: r.failure, expectedSignals: program.expectedSignals });
  if (!c) throw new Error("a failing run must be classified");
  return c;
}

function expectKind<K extends FailureKind>(c: FailureClass, kind: K): Extract<FailureClass, { kind: K }> {
  expect(c.kind).toBe(kind);
  return c as Extract<FailureClass, { kind: K }>;
}

describe("failure classes of the bug zoo", () => {
  it("lock order: a deadlock cycle of two mutexes, caused by the lock attempt that closed it", async () => {
    const program = zoo("lock-order").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "deadlock");
    expect(c.evidence.cycle).toBe(true);
    const waits = c.evidence.waits.map((w) => [w.process.pid, w.object.kind === "mutex" ? w.object.name : "?", w.heldBy[0].pid]);
    expect(waits).toHaveLength(2);
    // Each waits on the mutex the other holds.
    expect(new Set(waits.map((w) => w[1]))).toEqual(new Set(["A", "B"]));
    for (const [pid, , holder] of waits) expect(holder).not.toBe(pid);
    for (const w of c.evidence.waits) {
      const acquired = r.trace.events[w.acquiredAt!.event];
      expect(acquired).toMatchObject({ kind: "syscall", name: "mutex_lock", pid: w.heldBy[0].pid });
    }
    // The cause is the later of the two blocking lock attempts.
    const cause = r.trace.events[c.causeStep!.event];
    expect(cause).toMatchObject({ kind: "block", name: "mutex_lock" });
    const blocks = c.evidence.waits.map((w) => w.blockedAt!.event);
    expect(c.causeStep!.event).toBe(Math.max(...blocks));
    expect(c.causeStep!.step).toBe(cause.step);
  });

  it("unclosed pipe: a deadlock where the reader holds the write end itself (with its fd)", async () => {
    const program = zoo("unclosed-pipe").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "deadlock");
    expect(c.evidence.cycle).toBe(true);
    expect(c.evidence.waits).toHaveLength(1);
    const [w] = c.evidence.waits;
    expect(w.object).toEqual({ kind: "pipe", id: 1, end: "read", fd: 3 });
    const pipe = r.trace.events.find((e) => e.kind === "syscall" && e.name === "pipe" && e.pid === 1);
    expect(pipe?.result).toEqual([3, 4]);
    expect(w.heldBy).toEqual([{ pid: 1, fd: 4 }]);
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "block", name: "read", pid: 1 });
  });

  it("lost update: the read, the other process's write and the store that overwrote it", async () => {
    const program = zoo("lost-update").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "lost-update");
    const { read, overwritten, store, writer, other } = c.evidence;
    expect(writer.pid).not.toBe(other.pid);
    expect(read.event).toBeLessThan(overwritten.event);
    expect(overwritten.event).toBeLessThan(store.event);
    expect(r.trace.events[read.event]).toMatchObject({ kind: "shm-read", pid: writer.pid, index: c.evidence.cell, value: read.value });
    expect(r.trace.events[overwritten.event]).toMatchObject({ kind: "shm-write", pid: other.pid, value: overwritten.value });
    expect(r.trace.events[store.event]).toMatchObject({ kind: "shm-write", name: "store", pid: writer.pid });
    // Stored from the stale read: one more than what was read.
    expect(store.value).toBe(read.value + 1);
    expect(c.causeStep).toEqual({ event: store.event, step: store.step, pid: writer.pid });
  });

  it("check-then-act: also a lost update (both withdrawals read 100)", async () => {
    const program = zoo("check-then-act").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "lost-update");
    expect(c.evidence.read.value).toBe(100);
    expect(c.evidence.overwritten.value).toBe(30);
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "shm-write", name: "store", value: 30 });
  });

  it("lost update: the update was lost in the failing run itself", async () => {
    // (the same program as above, where the update was lost in the failing run: happened)
    const program = zoo("lost-update").buggy;
    const c = expectKind(classify(await failingRun(program), program), "lost-update");
    expect(c.evidence.happened).toBe(true);
  });

  /** A run of `program` with no preemption at all: each process runs until it exits. */
  async function serialRun(program: Program) {
    const r = await runOnce(program, { strategy: "exhaustive", seed: 1 });
    return { events: r.trace!.events, outcome: r.outcome, snapshot: r.snapshot, failure: "the check said no", expectedSignals: program.expectedSignals };
  }

  /** Two workers each add 1 to cell 0, with `guard` around the read-modify-write; the check always fails. */
  function twoWorkers(guard: "none" | "mutex" | "spinlock" | "wait-between"): Program {
    return {
      module: (ipc: Ipc) => ({
        async worker([shmid, m]: number[]) {
          const mem = await ipc.shmat(shmid);
          if (guard === "mutex") await ipc.mutex_lock(m);
          if (guard === "spinlock") while ((await mem.compareExchange(1, 0, 1)) !== 0) await ipc.sched_yield();
          const v = await mem.load(0);
          await mem.store(0, v + 1);
          if (guard === "mutex") await ipc.mutex_unlock(m);
          if (guard === "spinlock") await mem.store(1, 0);
        },
        async main([shmid]: number[]) {
          const m = await ipc.mutex_create("m");
          await ipc.spawn("worker", [shmid, m]);
          // Waiting for the first worker before starting the second orders them: no race.
          if (guard === "wait-between") await ipc.wait();
          await ipc.spawn("worker", [shmid, m]);
          if (guard !== "wait-between") await ipc.wait();
          await ipc.wait();
        },
      }),
      setup(k) {
        k.spawn("main", [k.shmget(0x52, 2, 0o1600)]);
      },
      check: () => "the check said no",
    };
  }

  it("a read-modify-write that no lock orders is a lost update even when this run did not lose it (the two accesses, the store as cause)", async () => {
    const run = await serialRun(twoWorkers("none"));
    const c = expectKind(classifyFailure(run)!, "lost-update");
    expect(c.evidence.happened).toBe(false);
    const { read, store, overwritten, writer, other } = c.evidence;
    expect(writer.pid).not.toBe(other.pid);
    expect(run.events[read.event]).toMatchObject({ kind: "shm-read", pid: writer.pid, index: 0 });
    expect(run.events[store.event]).toMatchObject({ kind: "shm-write", name: "store", pid: writer.pid, index: 0 });
    expect(run.events[overwritten.event]).toMatchObject({ kind: "shm-write", pid: other.pid, index: 0 });
    expect(c.causeStep).toEqual({ event: store.event, step: store.step, pid: writer.pid });
  });

  it("no race is reported when a mutex, a wait, or a lock built from compareExchange orders the two read-modify-writes", async () => {
    for (const guard of ["mutex", "wait-between", "spinlock"] as const) {
      const c = classifyFailure(await serialRun(twoWorkers(guard)));
      expect(c?.kind, guard).toBe("wrong-result");
    }
  });

  it("unreleased lock: the mutex held by a process that exited, caused by that exit", async () => {
    const program = zoo("unreleased-lock").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "lock-not-released");
    expect(c.evidence.lock).toMatchObject({ kind: "mutex", name: "account" });
    const holder = c.evidence.holder.pid;
    expect(r.trace.events[c.evidence.acquiredAt!.event]).toMatchObject({ kind: "syscall", name: "mutex_lock", pid: holder });
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "exit", pid: holder });
    if (r.outcome.kind === "deadlock") expect(c.evidence.waiters.map((w) => w.pid)).not.toContain(holder);
  });

  it("a lock still held when the run completes is a lock never released too", async () => {
    const buggy = zoo("unreleased-lock").buggy;
    // One refused withdrawal alone: nobody waits, but the mutex is left with a process that exited.
    const program: Program = {
      ...buggy,
      setup(k) {
        const id = k.shmget(0xac, 1, 0o1600);
        k.poke(id, 0, 50);
        k.spawn("withdraw", [id, 70]);
      },
    };
    const r = await failingRun(program);
    expect(r.outcome.kind).toBe("completed");
    const c = expectKind(classify(r, program), "lock-not-released");
    expect(c.evidence).toMatchObject({ lock: { kind: "mutex", name: "account" }, holder: { pid: 1 }, waiters: [] });
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "exit", pid: 1 });
  });

  it("relock: EDEADLK that ended its process, caused by the second mutex_lock", async () => {
    const program = zoo("relock").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "edeadlk");
    expect(c.evidence.caught).toBe(false);
    expect(c.evidence.lock).toMatchObject({ kind: "mutex", name: "counter" });
    const pid = c.evidence.process.pid;
    expect(r.trace.events[c.evidence.acquiredAt!.event]).toMatchObject({ kind: "syscall", name: "mutex_lock", pid, result: 0 });
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "syscall", name: "mutex_lock", pid, errno: "EDEADLK" });
    expect(c.causeStep).toEqual(c.evidence.relockAt);
  });

  it("forgotten child: the zombie and its parent, caused by the parent's exit", async () => {
    const program = zoo("forgotten-child").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "zombie");
    expect(c.evidence.parent).toEqual({ pid: 1, name: "main" });
    expect(c.evidence.zombies.map((z) => z.pid)).toEqual(r.snapshot.zombies);
    for (const z of c.evidence.zombies) expect(r.trace.events[z.exitedAt!.event]).toMatchObject({ kind: "exit", pid: z.pid });
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "exit", pid: 1 });
  });

  it("lost wakeup: the SIGUSR1 handled before pause(), which then sleeps forever", async () => {
    const program = zoo("lost-wakeup").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "lost-wakeup");
    expect(c.evidence.object).toEqual({ kind: "signal", call: "pause" });
    expect(c.evidence.signal).toBe("SIGUSR1");
    expect(c.evidence.from).toBe(2);
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "signal", signal: "SIGUSR1", action: "handler", pid: 1 });
    expect(r.trace.events[c.evidence.waitAt!.event]).toMatchObject({ kind: "block", name: "pause", pid: 1 });
    expect(c.evidence.waitAt!.event).toBeGreaterThan(c.causeStep!.event);
  });

  it("lost wakeup on a semaphore: the post another process took", async () => {
    // Two waiters, one post: the second waiter sleeps forever although a post happened.
    const program: Program = {
      module: (ipc: Ipc) => ({
        async waiter() {
          await ipc.sem_wait(await ipc.sem_open("go"));
        },
        async poster() {
          await ipc.sem_post(await ipc.sem_open("go"));
        },
      }),
      setup(k) {
        k.sem_open("go", { create: true, value: 0, mode: 0o666 });
        k.spawn("waiter");
        k.spawn("waiter");
        k.spawn("poster");
      },
    };
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "lost-wakeup");
    expect(c.evidence.object).toMatchObject({ kind: "semaphore", name: 'sem "go"' });
    expect(r.trace.events[c.evidence.wakeup.event]).toMatchObject({ kind: "syscall", name: "sem_post", pid: 3 });
    expect(c.evidence.consumedBy!.pid).not.toBe(c.evidence.process.pid);
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "syscall", name: "sem_wait", pid: c.evidence.consumedBy!.pid });
  });

  it("missed SIGCHLD: a lost signal (merged) that leaves a zombie", async () => {
    const program = zoo("missed-sigchld-reap").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "signal-lost");
    expect(c.evidence).toMatchObject({ signal: "SIGCHLD", how: "merged", to: { pid: 1 } });
    expect(c.evidence.zombies).toEqual(r.snapshot.zombies);
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "signal", signal: "SIGCHLD", pid: 1, from: c.evidence.from });
  });

  it("early signal: a fatal default action, caused where it killed the parent", async () => {
    const program = zoo("early-signal").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "signal-fatal");
    expect(c.evidence).toMatchObject({ signal: "SIGUSR1", process: { pid: 1, name: "parent" }, from: 2 });
    expect(r.trace.events[c.evidence.sentAt!.event]).toMatchObject({ kind: "signal", action: "pending", from: 2 });
    expect(r.trace.events[c.causeStep!.event]).toMatchObject({ kind: "signal", signal: "SIGUSR1", action: "terminate", pid: 1 });
  });

  it("an expected signal killing a process is no fatal signal", async () => {
    const program = { ...zoo("early-signal").buggy, expectedSignals: ["SIGUSR1"], check: () => "the parent did not report" };
    const r = await failingRun(program);
    expect(classify(r, program).kind).toBe("wrong-result");
  });

  it("socket message boundaries: no class fits, so the wrong result is the fallback", async () => {
    const program = zoo("socket-message-boundaries").buggy;
    const r = await failingRun(program);
    const c = expectKind(classify(r, program), "wrong-result");
    expect(c.evidence.failure).toBe(r.failure);
    expect(c.causeStep).toBeNull();
  });

  it("an uncaught error: a runtime error, at the line the loader's sourceLine gives, caused by the error event", async () => {
    const seen: unknown[] = [];
    const program: Program = {
      module: (ipc: Ipc) => ({
        async main() {
          await ipc.spawn("child", []);
          await ipc.wait();
        },
        async child() {
          await ipc.sched_yield();
          const broken = null as unknown as { go(): void };
          broken.go();
        },
      }),
      main: "main",
      sourceLine: (e) => {
        seen.push(e);
        return 42;
      },
      check: () => null,
    };
    const r = await runOnce(program);
    expect(r.failure).toMatch(/pid 2 \(child\): uncaught TypeError: .* \(line 42\)/);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(TypeError);
    const c = expectKind(classifyFailure({ events: r.trace!.events, outcome: r.outcome, snapshot: r.snapshot, failure: r.failure! })!, "runtime-error");
    expect(c.evidence).toMatchObject({ process: { pid: 2, name: "child" }, line: 42 });
    expect(c.evidence.error).toMatch(/^uncaught TypeError/);
    expect(r.trace!.events[c.causeStep!.event]).toMatchObject({ kind: "error", pid: 2, line: 42 });
  });

  it("a sourceLine that throws or answers nonsense adds no line", async () => {
    for (const sourceLine of [() => { throw new Error("no"); }, () => -3, () => 1.5, () => "7" as unknown as number]) {
      const program: Program = {
        module: () => ({
          async main() {
            throw new Error("boom");
          },
        }),
        main: "main",
        sourceLine,
      };
      const r = await runOnce(program);
      expect(r.failure).toMatch(/uncaught Error: boom$/);
    }
  });

  it("a livelock (step limit) is unclassified", async () => {
    const program: Program = {
      module: (ipc: Ipc) => ({
        async spin() {
          for (;;) await ipc.sched_yield();
        },
      }),
      main: "spin",
      options: { maxSteps: 200 },
    };
    const r = await runOnce(program);
    expect(r.outcome.kind).toBe("step-limit");
    const c = classifyFailure({ events: r.trace!.events, outcome: r.outcome, snapshot: r.snapshot, failure: r.failure! });
    expect(c).toEqual({ kind: "unclassified", evidence: { outcome: "step-limit", failure: r.failure }, causeStep: null });
  });

  it("the fixed zoo programs' runs are not classified: they do not fail", async () => {
    for (const z of ZOO) {
      const r = await runOnce(z.fixed, { seed: 3 });
      expect(r.failure, z.name).toBeNull();
      expect(classifyFailure({ events: r.trace!.events, outcome: r.outcome, snapshot: r.snapshot, failure: r.failure ?? "" }), z.name).toBeNull();
    }
  });

  it("evidence is plain JSON of bounded size", async () => {
    for (const z of ZOO) {
      const r = await failingRun(z.buggy);
      const c = classify(r, z.buggy);
      const json = JSON.stringify(c);
      expect(JSON.parse(json), z.name).toEqual(c);
      expect(json.length, z.name).toBeLessThan(4000);
    }
  });
});
