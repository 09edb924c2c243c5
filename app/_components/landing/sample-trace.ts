import type { ShownTrace } from "../timeline/timeline-view";

/**
 * The landing page's live example: the lost update of the bank-balance race, as the kernel
 * traces it (two tellers deposit into cell 0; teller 2 is preempted between its load and its
 * store, and its store overwrites teller 3's deposit). Hand-kept, so the page needs no kernel run.
 */
export const SAMPLE_TRACE: ShownTrace["trace"] = {
  processes: [
    { pid: 1, name: "main" },
    { pid: 2, name: "teller" },
    { pid: 3, name: "teller" },
  ],
  failure: "balance is 150, expected 200: one deposit was lost",
  // Teller 2 stores what it computed from a stale load: the store that lost teller 3's deposit.
  cause: { event: 11 },
  events: [
    { step: 1, pid: 1, kind: "syscall", name: "shmget", args: [4660, 1, 384], result: 1 },
    { step: 2, pid: 1, kind: "syscall", name: "spawn", args: ["teller", true, [50, 1], {}], result: 2 },
    { step: 3, pid: 1, kind: "syscall", name: "spawn", args: ["teller", true, [50, 1], {}], result: 3 },
    { step: 4, pid: 1, kind: "block", name: "waitpid", on: "waitpid for child 2 (running: 2)" },
    { step: 5, pid: 2, kind: "syscall", name: "shmat", args: [1], result: "[shm 1]" },
    { step: 6, pid: 2, kind: "shm-read", name: "load", shmid: 1, index: 0, value: 100 },
    { step: 7, pid: 2, kind: "preempt", to: 3 },
    { step: 7, pid: 3, kind: "syscall", name: "shmat", args: [1], result: "[shm 1]" },
    { step: 8, pid: 3, kind: "shm-read", name: "load", shmid: 1, index: 0, value: 100 },
    { step: 9, pid: 3, kind: "shm-write", name: "store", shmid: 1, index: 0, value: 150, old: 100 },
    { step: 10, pid: 3, kind: "exit", status: { exited: true, code: 0 } },
    { step: 11, pid: 2, kind: "shm-write", name: "store", shmid: 1, index: 0, value: 150, old: 150 },
    { step: 12, pid: 2, kind: "exit", status: { exited: true, code: 0 } },
    { step: 12, pid: 1, kind: "wake", name: "waitpid" },
    { step: 13, pid: 1, kind: "syscall", name: "waitpid", args: [2], result: { pid: 2, status: { exited: true, code: 0 } } },
    { step: 14, pid: 1, kind: "syscall", name: "waitpid", args: [3], result: { pid: 3, status: { exited: true, code: 0 } } },
    { step: 15, pid: 1, kind: "exit", status: { exited: true, code: 0 } },
  ],
};
