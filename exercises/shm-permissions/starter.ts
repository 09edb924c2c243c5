import { shmget, shmat, msgget, msgsnd, msgrcv, sleep, getpid, print, IPC_CREAT } from "ipc";

export const DATA_KEY = 0x5100; // shared memory: the published values
export const NOTES_KEY = 0x5101; // owner → readers: "the data is in segment <id>"
export const ACKS_KEY = 0x5102; // readers → owner: "I am done"

/** Publishes `values`, tells `readers` readers where they are, and cleans up after the last one is done. */
export async function owner([values, readers]: [number[], number]) {
  // TODO: who really needs which access? And who removes these objects, and when?
  const shmid = await shmget(DATA_KEY, values.length, IPC_CREAT | 0o666);
  const data = await shmat(shmid);
  for (let i = 0; i < values.length; i++) await data.store(i, values[i]);

  const acks = await msgget(ACKS_KEY, IPC_CREAT | 0o666);
  const notes = await msgget(NOTES_KEY, IPC_CREAT | 0o666);
  for (let i = 0; i < readers; i++) await msgsnd(notes, { type: 1, data: shmid });

  for (let i = 0; i < readers; i++) await msgrcv(acks, 0);
}

/** Waits for a note, reads the published values, acknowledges. */
export async function reader() {
  const notes = await openWhenCreated(NOTES_KEY);
  const note = await msgrcv(notes, 0);
  const data = await shmat(note.data as number);
  const values: number[] = [];
  for (let i = 0; i < data.size; i++) values.push(await data.load(i));
  print(values.join(" "));
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
