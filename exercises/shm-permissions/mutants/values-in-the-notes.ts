// Mistake: the owner sends the values themselves in the notes, so the readers never read the shared-memory segment whose permissions the exercise is about.
import { shmget, shmat, shmdt, shmctl, msgget, msgsnd, msgrcv, msgctl, sleep, getpid, print, IPC_CREAT, IPC_EXCL, IPC_RMID } from "ipc";

export const DATA_KEY = 0x5100; // shared memory: the published values
export const NOTES_KEY = 0x5101; // owner → readers: "the data is in segment <id>"
export const ACKS_KEY = 0x5102; // readers → owner: "I am done"

// Least privilege, as owner/group/other bits (the owner is in the readers' group):
//   data:  owner rw-, group r--, other ---   readers only read it
//   notes: owner -w-, group r--, other ---   only the owner posts notes, the group reads them
//   acks:  owner r--, group -w-, other ---   the group posts acks, only the owner reads them
const DATA_MODE = 0o640;
const NOTES_MODE = 0o240;
const ACKS_MODE = 0o420;

/** Publishes `values`, tells `readers` readers where they are, and cleans up after the last one is done. */
export async function owner([values, readers]: [number[], number]) {
  const shmid = await shmget(DATA_KEY, values.length, IPC_CREAT | IPC_EXCL | DATA_MODE);
  const data = await shmat(shmid);
  for (let i = 0; i < values.length; i++) await data.store(i, values[i]);
  await shmdt(data);

  // The acks queue must exist before any reader can get a note (and then try to ack).
  const acks = await msgget(ACKS_KEY, IPC_CREAT | IPC_EXCL | ACKS_MODE);
  const notes = await msgget(NOTES_KEY, IPC_CREAT | IPC_EXCL | NOTES_MODE);
  // Simpler for the readers: the note carries the values themselves.
  for (let i = 0; i < readers; i++) await msgsnd(notes, { type: 1, data: values });

  // Removing earlier would pull the objects out from under a reader that has not opened them yet:
  // IPC_RMID frees the key at once and forbids new attaches; only *existing* attachments survive
  // until their shmdt.
  for (let i = 0; i < readers; i++) await msgrcv(acks, 0);
  await shmctl(shmid, IPC_RMID);
  await msgctl(notes, IPC_RMID);
  await msgctl(acks, IPC_RMID);
}

/** Waits for a note, reads the published values (read-only), acknowledges, detaches. */
export async function reader() {
  const notes = await openWhenCreated(NOTES_KEY);
  const note = await msgrcv(notes, 0);
  print((note.data as number[]).join(" "));
  await msgsnd(await msgget(ACKS_KEY, 0), { type: 1, data: getpid() });
}

/** Waits, without busy-waiting, until the owner has created the queue `key` (gives up after 100 tries). */
async function openWhenCreated(key: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await msgget(key, 0);
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT" || attempt === 100) throw error;
      await sleep(1); // a sleeping process lets the others run
    }
  }
}
