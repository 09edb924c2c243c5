import { describe, expect, it } from "vitest";
import { code, run } from "./test-helpers";
import type { Ipc } from "./ipc";

describe("semaphores and mutexes", () => {
  it("semop applies several operations atomically, waiting until all can proceed", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const s = await ipc.semget(ipc.IPC_PRIVATE, 2, 0o600);
        await ipc.semctl(s, 0, ipc.SETVAL, 1);
        ipc.print(await code(ipc.semop(s, [{ num: 0, op: -1 }, { num: 1, op: -1, flags: ipc.IPC_NOWAIT }])));
        ipc.print(JSON.stringify(await ipc.semctl(s, 0, ipc.GETALL)));
        await ipc.spawn("poster", [s]);
        await ipc.semop(s, [{ num: 0, op: -1 }, { num: 1, op: -1 }]);
        ipc.print(JSON.stringify(await ipc.semctl(s, 0, ipc.GETALL)));
        await ipc.wait();
      },
      async poster([s]: number[]) {
        await ipc.semop(s, [{ num: 1, op: 1 }]);
      },
    }));
    expect(r.snapshot.output["1"]).toBe("EAGAIN\n[1,0]\n[0,0]\n");
  });

  it("SEM_UNDO adjustments are reverted when the process exits", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const s = await ipc.semget(31, 1, ipc.IPC_CREAT | 0o600);
        await ipc.semctl(s, 0, ipc.SETVAL, 1);
        await ipc.spawn("taker", [s]);
        await ipc.wait();
        ipc.print(await ipc.semctl(s, 0, ipc.GETVAL));
      },
      async taker([s]: number[]) {
        await ipc.semop(s, [{ num: 0, op: -1, flags: ipc.SEM_UNDO }]);
        throw new Error("crash while holding the semaphore");
      },
    }));
    expect(r.snapshot.output["1"]).toBe("1\n");
    expect(r.failure).toMatch(/crash while holding/);
  });

  it("IPC_RMID wakes semop waiters with EIDRM; other users get EACCES", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const s = await ipc.semget(32, 1, ipc.IPC_CREAT | 0o600);
        await ipc.spawn("waiter", [s]);
        await ipc.spawn("stranger", [s], { uid: 500 });
        await ipc.sleep(1);
        await ipc.semctl(s, 0, ipc.IPC_RMID);
        await ipc.wait();
        await ipc.wait();
      },
      async waiter([s]: number[]) {
        ipc.print(await code(ipc.semop(s, [{ num: 0, op: -1 }])));
      },
      async stranger([s]: number[]) {
        ipc.print(await code(ipc.semop(s, [{ num: 0, op: 1 }])), await code(ipc.semctl(s, 0, ipc.GETVAL)));
      },
    }));
    expect(r.snapshot.output).toEqual({ "2": "EIDRM\n", "3": "EACCES EACCES\n" });
  });

  it("POSIX named semaphores: open/create/excl, trywait EAGAIN, post by anyone, unlink", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const out = [await code(ipc.sem_open("/s"))];
        const s = await ipc.sem_open("/s", { create: true, value: 1, mode: 0o666 });
        out.push(await code(ipc.sem_open("/s", { create: true, excl: true })));
        await ipc.sem_wait(s);
        out.push(await code(ipc.sem_trywait(s)));
        await ipc.spawn("poster", [], { uid: 42 });
        await ipc.sem_wait(s);
        await ipc.sem_unlink("/s");
        out.push(await code(ipc.sem_open("/s")));
        out.push(String(await ipc.sem_getvalue(s)));
        ipc.print(out.join(","));
        await ipc.wait();
      },
      async poster() {
        await ipc.sem_post(await ipc.sem_open("/s"));
      },
    }));
    expect(r.failure).toBeNull();
    expect(r.snapshot.output["1"]).toBe("ENOENT,EEXIST,EAGAIN,ENOENT,0\n");
  });

  it("mutex: owner-only unlock (EPERM), relock by owner is EDEADLK, trylock is EBUSY, permission EACCES", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const m = await ipc.mutex_create("m1");
        await ipc.mutex_lock(m);
        const out = [await code(ipc.mutex_lock(m))];
        await ipc.spawn("intruder", [m]);
        await ipc.spawn("stranger", [], { uid: 7 });
        await ipc.wait();
        await ipc.wait();
        await ipc.mutex_unlock(m);
        out.push(await code(ipc.mutex_unlock(m)));
        ipc.print(out.join(","));
      },
      async intruder([m]: number[]) {
        ipc.print(await code(ipc.mutex_unlock(m)), await code(ipc.mutex_trylock(m)));
      },
      async stranger() {
        ipc.print(await code(ipc.mutex_create("m1")));
      },
    }));
    expect(r.snapshot.output).toEqual({ "1": "EDEADLK,EPERM\n", "2": "EPERM EBUSY\n", "3": "EACCES\n" });
  });

  it("a deadlock report names each waiter's mutex and its holder", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const m = await ipc.mutex_create("m1");
        await ipc.mutex_lock(m);
        await ipc.spawn("locker", [m]);
        await ipc.wait();
      },
      async locker([m]: number[]) {
        await ipc.mutex_lock(m);
      },
    }));
    expect(r.outcome.kind).toBe("deadlock");
    if (r.outcome.kind !== "deadlock") return;
    expect(r.outcome.waitFor).toEqual([
      { pid: 1, name: "main", waitsFor: "waitpid for any child (running: 2)", holder: 2, object: { kind: "children", pids: [2] } },
      { pid: 2, name: "locker", waitsFor: 'mutex "m1" held by pid 1', holder: 1, object: { kind: "mutex", id: 1, name: "m1", owner: 1 } },
    ]);
  });
});
