/**
 * Virtual-time cost model (nanoseconds). The numbers are round, plausible
 * orders of magnitude for a modern x86 Linux box; they exist so students can
 * compare mechanisms (copying IPC vs shared memory, AF_UNIX vs AF_INET), not
 * to predict real timings.
 */
export const COST = {
  /** One user→kernel→user round trip (two mode switches). */
  SYSCALL_NS: 100,
  /** Saving/restoring registers, switching address spaces, cache/TLB disturbance. */
  CONTEXT_SWITCH_NS: 2000,
  /** Per byte copied between user and kernel space (~4 GB/s memcpy). */
  COPY_NS_PER_BYTE: 0.25,
  /** A plain load or store on shared memory: no kernel involvement. */
  SHM_ACCESS_NS: 5,
  /** A locked read-modify-write (cache line bounce). */
  ATOMIC_NS: 25,
  /** TCP/IP stack work per AF_INET send/recv (headers, sequence numbers and ACKs, loopback routing). */
  INET_OVERHEAD_NS: 3000,
  /** Extra per-byte work for AF_INET (segmenting and socket-buffer accounting; loopback skips checksums). */
  INET_NS_PER_BYTE: 0.5,
  /** Flat charge for the user code a process runs between two scheduling points. */
  USER_STEP_NS: 50,
  /** Creating a process (fork+exec). */
  SPAWN_NS: 50_000,
} as const;

export interface Counters {
  syscalls: number;
  modeSwitches: number;
  contextSwitches: number;
  bytesCopied: number;
  shmAccesses: number;
  virtualTimeNs: number;
}

export function newCounters(): Counters {
  return { syscalls: 0, modeSwitches: 0, contextSwitches: 0, bytesCopied: 0, shmAccesses: 0, virtualTimeNs: 0 };
}
