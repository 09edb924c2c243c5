import type { Snapshot } from "../../../lib/kernel";
import { shmWithKey } from "../../../lib/kernel/observations";
import type { DriverSpec, ProcessEntry, Scenario } from "../../../lib/grader/exercises/test-definition";

export const DATA_KEY = 0x5100;
export const NOTES_KEY = 0x5101;
export const ACKS_KEY = 0x5102;

export const STAFF = 100; // the owner's and the readers' group
export const OWNER = { uid: 1000, gid: STAFF };
const READER_UIDS = [1001, 1002, 1003];
const INTRUDER = { uid: 2000, gid: 200 }; // another user, another group
const COLLEAGUE = { uid: 1004, gid: STAFF }; // another member of the readers' group

export type Setup = { values: number[]; readers: number; intruder?: boolean; colleague?: boolean };

/**
 * The owner runs as pid 1, then the probe drivers (each followed by a root driver that sends one
 * acknowledgement once its probe is done, so the owner cannot clean up before the probes ran),
 * then the readers.
 */
export function permScenario(s: Setup): Scenario {
  const probes: Array<{ uid: number; gid: number }> = [];
  if (s.intruder) probes.push(INTRUDER);
  if (s.colleague) probes.push(COLLEAGUE);
  const drivers: DriverSpec[] = probes.flatMap((who, i): DriverSpec[] => [
    { kind: "ipc-probe", uid: who.uid, gid: who.gid, shm: [DATA_KEY], msgq: [NOTES_KEY, ACKS_KEY], post: `probed-${i}` },
    { kind: "send-messages", key: ACKS_KEY, messages: [{ type: 1, data: 0 }], wait: `probed-${i}` },
  ]);
  const processes: ProcessEntry[] = READER_UIDS.slice(0, s.readers).map((uid) => ({ entry: "reader", uid, gid: STAFF }));
  return { main: "owner", args: [s.values, s.readers + probes.length], uid: OWNER.uid, gid: OWNER.gid, drivers, processes };
}

const hex = (k: number) => `0x${k.toString(16)}`;
/** What a user outside the group must see: nothing at all. */
export const INTRUDER_EXPECTS = [
  `shm ${hex(DATA_KEY)} read: EACCES`,
  `shm ${hex(DATA_KEY)} write: EACCES`,
  `msgq ${hex(NOTES_KEY)} read: EACCES`,
  `msgq ${hex(NOTES_KEY)} write: EACCES`,
  `msgq ${hex(ACKS_KEY)} read: EACCES`,
  `msgq ${hex(ACKS_KEY)} write: EACCES`,
];
/** What a group member needs, and no more. */
export const COLLEAGUE_EXPECTS = [
  `shm ${hex(DATA_KEY)} read: ok`,
  `shm ${hex(DATA_KEY)} write: EACCES`,
  `msgq ${hex(NOTES_KEY)} read: ok`,
  `msgq ${hex(NOTES_KEY)} write: EACCES`,
  `msgq ${hex(ACKS_KEY)} read: EACCES`,
  `msgq ${hex(ACKS_KEY)} write: ok`,
];

export function checkPermissions(s: Setup) {
  return (snap: Snapshot): string | null => {
    if (snap.outcome.kind !== "completed") return null; // the kernel reports deadlocks and crashes itself
    const probeWho: Array<[string, string[]]> = [];
    if (s.intruder) probeWho.push(["a user outside the group (uid 2000, gid 200)", INTRUDER_EXPECTS]);
    if (s.colleague) probeWho.push(["another member of the group (uid 1004, gid 100)", COLLEAGUE_EXPECTS]);
    for (const [i, [who, expected]] of probeWho.entries()) {
      const got = (snap.output[2 + 2 * i] ?? "").trim().split("\n");
      for (const [j, line] of expected.entries()) {
        if (got[j] !== line) return `${who} should get "${line}" but got "${got[j] ?? "nothing"}"`;
      }
    }
    const readerPids = snap.processes.filter((p) => p.name === "reader").map((p) => p.pid);
    // What each reader printed only counts if the kernel saw it read those values out of the
    // data segment, where another process (the owner) had stored them.
    const data = shmWithKey(snap, DATA_KEY).filter((seg) => seg.creator !== 0);
    for (const pid of readerPids) {
      const out = (snap.output[pid] ?? "").trim();
      if (out !== s.values.join(" ")) return `reader ${pid} printed ${JSON.stringify(out)} instead of ${JSON.stringify(s.values.join(" "))}`;
      const seen = new Set<number>();
      for (const seg of data) {
        for (const [, who, cell, , prev, writer] of seg.ops) if (who === pid && writer > 0 && writer !== pid && prev === s.values[cell]) seen.add(cell);
      }
      const unread = s.values.flatMap((_, cell) => (seen.has(cell) ? [] : [cell]));
      if (unread.length) return `reader ${pid} printed the values, but never read ${unread.length === s.values.length ? "them" : `cell${unread.length === 1 ? "" : "s"} ${unread.join(", ")}`} out of the data segment (key ${hex(DATA_KEY)}) where the owner stored them`;
    }
    for (const p of snap.processes.filter((p) => p.name === "owner" || p.name === "reader")) {
      if (!p.exit || !("exited" in p.exit) || p.exit.code !== 0) return `${p.name} (pid ${p.pid}) did not exit with status 0`;
    }
    const leaked = [
      ...snap.shm.map((seg) => `shared-memory segment ${seg.id} (key ${hex(seg.key)}, ${seg.nattch} attached${seg.dest ? ", marked for removal" : ""})`),
      ...snap.msgQueues.map((q) => `message queue ${q.id} (key ${hex(q.key)})`),
    ];
    if (leaked.length) return `still in the kernel after everyone exited: ${leaked.join("; ")}`;
    return null;
  };
}
