/**
 * Moves the same N bytes from one process to another with each mechanism
 * and reports the kernel's counters (virtual time, bytes copied, syscalls,
 * mode switches). Every transfer uses 512-byte pieces, the shared-memory
 * one 8 bytes per cell (one Float64 word), and is followed by the same
 * wait for the child so that the numbers compare like with like. Pure.
 */
import { runOnce, type Counters, type Ipc, type Program } from "@/lib/kernel";

export const MECHANISMS = ["pipe", "msgqueue", "shm", "unix", "inet"] as const;
export type Mechanism = (typeof MECHANISMS)[number];
export const SIZES = [512, 4096, 16384, 65536] as const;

const CHUNK = 512;

function pieces(bytes: number): string[] {
  const out: string[] = [];
  for (let left = bytes; left > 0; left -= CHUNK) out.push("x".repeat(Math.min(CHUNK, left)));
  return out;
}

function program(mechanism: Mechanism, bytes: number): Program {
  const factory = (ipc: Ipc) => ({
    async main() {
      if (mechanism === "pipe") {
        const [r, w] = await ipc.pipe();
        await ipc.spawn("reader", [r, bytes], { close: [w] });
        await ipc.close(r);
        for (const p of pieces(bytes)) await ipc.write(w, p);
        await ipc.close(w);
      } else if (mechanism === "msgqueue") {
        const q = await ipc.msgget(ipc.IPC_PRIVATE, 0o600);
        await ipc.spawn("mqReader", [q, bytes]);
        for (const p of pieces(bytes)) await ipc.msgsnd(q, { type: 1, data: p });
      } else if (mechanism === "shm") {
        const cells = Math.ceil(bytes / 8);
        const id = await ipc.shmget(ipc.IPC_PRIVATE, cells, 0o600);
        const ready = await ipc.sem_open("/ready", { create: true, value: 0 });
        await ipc.spawn("shmReader", [id, cells]);
        const mem = await ipc.shmat(id);
        for (let i = 0; i < cells; i++) await mem.store(i, i);
        await ipc.sem_post(ready);
      } else {
        const domain = mechanism === "unix" ? ipc.AF_UNIX : ipc.AF_INET;
        const address = mechanism === "unix" ? "/tmp/cost.sock" : "127.0.0.1:5000";
        const listener = await ipc.socket(domain, ipc.SOCK_STREAM);
        await ipc.bind(listener, address);
        await ipc.listen(listener, 1);
        await ipc.spawn("sockWriter", [domain, address, bytes]);
        const conn = await ipc.accept(listener);
        let got = 0;
        while (got < bytes) got += new TextEncoder().encode(await ipc.recv(conn, CHUNK)).length;
      }
      await ipc.wait();
    },
    async reader([r, total]: number[]) {
      let got = 0;
      while (got < total) got += (await ipc.readBytes(r, CHUNK)).length;
    },
    async mqReader([q, total]: number[]) {
      let got = 0;
      while (got < total) got += String((await ipc.msgrcv(q, 0)).data).length;
    },
    async shmReader([id, cells]: number[]) {
      const ready = await ipc.sem_open("/ready");
      await ipc.sem_wait(ready);
      const mem = await ipc.shmat(id);
      for (let i = 0; i < cells; i++) await mem.load(i);
    },
    async sockWriter([domain, address, total]: [number, string, number]) {
      const s = await ipc.socket(domain, ipc.SOCK_STREAM);
      await ipc.connect(s, address);
      for (const p of pieces(total)) await ipc.send(s, p);
      await ipc.close(s);
    },
  });
  return { module: factory as Program["module"], main: "main", options: { maxSteps: 200_000 } };
}

export interface CostRow {
  mechanism: Mechanism;
  counters: Counters;
  failure: string | null;
}

export async function measureIpcCost(bytes: number): Promise<CostRow[]> {
  const rows: CostRow[] = [];
  for (const mechanism of MECHANISMS) {
    const r = await runOnce(program(mechanism, bytes), { strategy: "random", seed: 1, trace: false });
    rows.push({ mechanism, counters: r.counters, failure: r.failure });
  }
  return rows;
}
