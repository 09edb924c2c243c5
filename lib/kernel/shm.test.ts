import { describe, expect, it } from "vitest";
import { code, run } from "./test-helpers";
import type { Ipc } from "./ipc";

describe("shared memory", () => {
  it("IPC_RMID is deferred until the last detach; IPC_STAT shows nattch and dest", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const id = await ipc.shmget(5, 4, ipc.IPC_CREAT | 0o600);
        const a = await ipc.shmat(id);
        const b = await ipc.shmat(id);
        await a.store(2, 42);
        await ipc.shmctl(id, ipc.IPC_RMID);
        const st = (await ipc.shmctl(id, ipc.IPC_STAT)) as { nattch: number; dest: boolean };
        ipc.print(st.nattch, st.dest, await b.load(2), await code(ipc.shmat(id)));
        const fresh = await ipc.shmget(5, 4, ipc.IPC_CREAT | 0o600);
        ipc.print(fresh !== id);
        await ipc.shmdt(a);
        ipc.print(await code(a.load(0)));
        await ipc.shmdt(b);
        ipc.print(await code(ipc.shmctl(id, ipc.IPC_STAT)));
      },
    }));
    expect(r.snapshot.output["1"]).toBe("2 true 42 EIDRM\ntrue\nEINVAL\nEINVAL\n");
  });

  it("read-only attachments reject stores; atomics return the previous value", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const id = await ipc.shmget(ipc.IPC_PRIVATE, 2, 0o600);
        const ro = await ipc.shmat(id, { readonly: true });
        const rw = await ipc.shmat(id);
        ipc.print(await code(ro.store(0, 1)), await rw.fetchAdd(0, 5), await rw.compareExchange(0, 5, 9), await rw.compareExchange(0, 5, 1), await ro.load(0), await code(rw.load(2)));
      },
    }));
    expect(r.snapshot.output["1"]).toBe("EACCES 0 5 9 9 EINVAL\n");
  });

  it("attach permission is checked against the mode bits (EACCES), and segments detach at exit", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const id = await ipc.shmget(77, 1, ipc.IPC_CREAT | 0o640);
        await ipc.spawn("other", [id], { uid: 1000, gid: 50 });
        await ipc.spawn("group", [id], { uid: 1001, gid: 0 });
        await ipc.wait();
        await ipc.wait();
        ipc.print(((await ipc.shmctl(id, ipc.IPC_STAT)) as { nattch: number }).nattch);
      },
      async other([id]: number[]) {
        ipc.print(await code(ipc.shmat(id, { readonly: true })));
      },
      async group([id]: number[]) {
        ipc.print(await code(ipc.shmat(id, { readonly: true })), await code(ipc.shmat(id)));
      },
    }));
    expect(r.snapshot.output).toEqual({ "1": "0\n", "2": "EACCES\n", "3": "ok EACCES\n" });
  });

  it("loads and stores appear in the trace with addresses and values", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const m = await ipc.shmat(await ipc.shmget(ipc.IPC_PRIVATE, 3, 0o600));
        await m.store(1, 7);
        await m.load(1);
      },
    }));
    const ev = r.trace!.events.filter((e) => e.kind.startsWith("shm"));
    expect(ev.map((e) => [e.kind, e.index, e.value])).toEqual([["shm-write", 1, 7], ["shm-read", 1, 7]]);
    expect(r.counters.shmAccesses).toBe(2);
  });
});
