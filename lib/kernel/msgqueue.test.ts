import { describe, expect, it } from "vitest";
import { code, run } from "./test-helpers";
import type { Ipc } from "./ipc";

describe("System V message queues", () => {
  it("msgrcv selects by type: 0 first, >0 exact, MSG_EXCEPT, <0 lowest type ≤ |type|", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const q = await ipc.msgget(ipc.IPC_PRIVATE, 0o600);
        for (const [type, data] of [[3, "c"], [1, "a1"], [2, "b"], [1, "a2"], [5, "e"]] as const) await ipc.msgsnd(q, { type, data });
        const got = [];
        got.push((await ipc.msgrcv(q, 2)).data);
        got.push((await ipc.msgrcv(q, 1, ipc.MSG_EXCEPT)).data);
        got.push((await ipc.msgrcv(q, -4)).data);
        got.push((await ipc.msgrcv(q, 0)).data);
        got.push(await code(ipc.msgrcv(q, 7, ipc.IPC_NOWAIT)));
        got.push(((await ipc.msgctl(q, ipc.IPC_STAT)) as { qnum: number }).qnum);
        ipc.print(got.join(","));
      },
    }));
    expect(r.snapshot.output["1"]).toBe("b,c,a1,a2,ENOMSG,1\n");
    expect(r.snapshot.msgQueues[0].messages).toEqual([{ type: 5, data: "e" }]);
  });

  it("messages are copied: later changes by the sender do not leak", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const q = await ipc.msgget(7, ipc.IPC_CREAT | 0o600);
        const obj = { n: 1 };
        await ipc.msgsnd(q, { type: 1, data: obj });
        obj.n = 2;
        ipc.print((await ipc.msgrcv(q)).data);
      },
    }));
    expect(r.snapshot.output["1"]).toBe('{"n":1}\n');
  });

  it("a full queue blocks the sender (EAGAIN with IPC_NOWAIT) until a receiver makes room", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const q = await ipc.msgget(9, ipc.IPC_CREAT | 0o600);
        await ipc.msgctl(q, ipc.IPC_SET, { qbytes: 10 });
        await ipc.msgsnd(q, { type: 1, data: "0123456789" });
        ipc.print(await code(ipc.msgsnd(q, { type: 1, data: "x" }, ipc.IPC_NOWAIT)));
        await ipc.spawn("drain", [q]);
        await ipc.msgsnd(q, { type: 1, data: "x" });
        ipc.print("sent");
        await ipc.wait();
      },
      async drain([q]: number[]) {
        await ipc.sleep(1);
        await ipc.msgrcv(q, 0);
      },
    }));
    expect(r.failure).toBeNull();
    expect(r.snapshot.output["1"]).toBe("EAGAIN\nsent\n");
    expect(r.trace!.events.some((e) => e.kind === "block" && e.name === "msgsnd")).toBe(true);
  });

  it("IPC_RMID wakes blocked receivers with EIDRM; later use gives EINVAL", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const q = await ipc.msgget(11, ipc.IPC_CREAT | 0o600);
        await ipc.spawn("rx", [q]);
        await ipc.sleep(1);
        await ipc.msgctl(q, ipc.IPC_RMID);
        ipc.print(await code(ipc.msgsnd(q, { type: 1, data: 1 })));
        await ipc.wait();
      },
      async rx([q]: number[]) {
        ipc.print(await code(ipc.msgrcv(q, 0)));
      },
    }));
    expect(r.snapshot.output).toEqual({ "1": "EINVAL\n", "2": "EIDRM\n" });
  });

  it("msgget flags: ENOENT without IPC_CREAT, EEXIST with IPC_EXCL, EACCES on mode bits, E2BIG on small buffers", async () => {
    const r = await run((ipc: Ipc) => ({
      async main() {
        const out = [await code(ipc.msgget(21, 0))];
        const q = await ipc.msgget(21, ipc.IPC_CREAT | 0o600);
        out.push(await code(ipc.msgget(21, ipc.IPC_CREAT | ipc.IPC_EXCL | 0o600)));
        await ipc.msgsnd(q, { type: 1, data: "long message" });
        out.push(await code(ipc.msgrcv(q, 0, 0, 4)));
        out.push((await ipc.msgrcv(q, 0, ipc.MSG_NOERROR, 4)).data as string);
        await ipc.spawn("other", [q], { uid: 1000 });
        await ipc.wait();
        ipc.print(out.join(","));
      },
      async other([q]: number[]) {
        ipc.print(await code(ipc.msgsnd(q, { type: 1, data: "x" })), await code(ipc.msgget(21, 0o600)), await code(ipc.msgctl(q, ipc.IPC_RMID)));
      },
    }));
    expect(r.snapshot.output["1"]).toBe("ENOENT,EEXIST,E2BIG,long\n");
    expect(r.snapshot.output["2"]).toBe("EACCES EACCES EPERM\n");
  });
});
