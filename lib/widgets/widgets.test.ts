import { describe, expect, it } from "vitest";
import { handleKernelRequest } from "./kernel-requests";
import type { BankRaceState } from "./bank-race";
import type { CostRow } from "./ipc-cost";
import type { PipelineRun } from "./pipeline";

const setup = { initial: 100, deposit: 50, withdrawal: 30 };
const race = (choices: number[]) => handleKernelRequest({ kind: "bank-race", setup, choices }) as Promise<BankRaceState>;

describe("bank-race widget on the kernel", () => {
  it("starts paused with both processes ready and nothing loaded", async () => {
    const s = await race([]);
    expect(s).toMatchObject({ finished: false, ready: [1, 2], shared: 100, log: [] });
  });
  it("steps P1 load, P2 load, P1 store, P2 store: the deposit is lost", async () => {
    const s1 = await race([1]);
    expect(s1.processes[0]).toMatchObject({ done: 1, loaded: 100, local: 150 });
    const end = await race([1, 2, 1]);
    expect(end).toMatchObject({ finished: true, final: 70, outcome: "deposit-lost", ready: [] });
  });
  it("a serial schedule loses nothing", async () => {
    expect(await race([1, 1])).toMatchObject({ finished: true, final: 120, outcome: "none" });
  });
  it("finds a losing schedule with the kernel's exhaustive search", async () => {
    const choices = (await handleKernelRequest({ kind: "bank-race-losing", setup })) as number[];
    const s = await race(choices);
    expect(s.finished).toBe(true);
    expect(s.outcome).not.toBe("none");
  });
});

describe("pipe-pipeline widget", () => {
  it("counts the ERROR lines through two pipes", async () => {
    const r = (await handleKernelRequest({ kind: "pipeline", forgetClose: false })) as PipelineRun;
    expect(r.outcome).toBe("completed");
    expect(r.output.trim()).toBe("3");
    expect(Math.max(...r.frames.map((f) => f.buffered[0]))).toBeGreaterThan(0);
    expect(r.frames.at(-1)?.buffered).toEqual([0, 0]);
  });
  it("deadlocks when the shell keeps the write end open", async () => {
    const r = (await handleKernelRequest({ kind: "pipeline", forgetClose: true })) as PipelineRun;
    expect(r.outcome).toBe("deadlock");
    expect(r.deadlock?.map((e) => e.pid).sort()).toEqual([1, 3, 4]);
    expect(r.message).toMatch(/read on pipe/);
  });
});

describe("ipc-cost widget", () => {
  it("measures every mechanism; shared memory copies nothing and makes the fewest syscalls, AF_INET is the slowest socket", async () => {
    const rows = (await handleKernelRequest({ kind: "ipc-cost", bytes: 4096 })) as CostRow[];
    expect(rows.map((r) => r.failure)).toEqual([null, null, null, null, null]);
    const by = Object.fromEntries(rows.map((r) => [r.mechanism, r.counters]));
    expect(by.shm!.bytesCopied).toBe(0);
    expect(by.pipe!.bytesCopied).toBe(2 * 4096);
    expect(by.shm!.syscalls).toBeLessThan(by.pipe!.syscalls);
    expect(by.inet!.virtualTimeNs).toBeGreaterThan(by.unix!.virtualTimeNs);
  });
});
