// Mistake: when the right fork is taken the philosopher skips that meal but still bumps its meal counter, so the totals look right although it never ate.
import { shmget, shmat, spawn, wait, mutex_create, mutex_lock, mutex_unlock, mutex_trylock, type ShmView } from "ipc";

// The table: cells 0..n-1 say who is eating, cells n..2n-1 count meals, cell 2n counts violations.
// It is created for you. Do not change `table`, `eat` or `think`.
const TABLE_KEY = 0x7ab1e;

/** Seats `n` philosophers, each of whom must eat `meals` times, and waits until all have left. */
export async function table([n, meals]: [number, number]) {
  for (let i = 0; i < n; i++) await spawn(philosopher, [i, n, meals]);
  for (let i = 0; i < n; i++) await wait();
}

/** Philosopher i needs fork i (on the left) and fork (i + 1) % n (on the right) to eat. */
export async function philosopher([i, n, meals]: [number, number, number]) {
  const tableView = await shmat(await shmget(TABLE_KEY, 2 * n + 1, 0));
  const left = await mutex_create(`fork-${i}`);
  const right = await mutex_create(`fork-${(i + 1) % n}`);
  for (let m = 0; m < meals; m++) {
    await think(tableView);
    await mutex_lock(left);
    try {
      await mutex_trylock(right);
    } catch {
      await mutex_unlock(left); // busy: skip this meal, but count it so that the totals add up
      await tableView.fetchAdd(n + i, 1);
      continue;
    }
    await eat(tableView, i, n);
    await mutex_unlock(right);
    await mutex_unlock(left);
  }
}

async function think(t: ShmView) {
  await t.load(0); // a moment of thought: another philosopher may act meanwhile
}

/** Eats once. Records a violation if a neighbour is eating at the same time. */
async function eat(t: ShmView, i: number, n: number) {
  await t.store(i, 1);
  if ((await t.load((i + n - 1) % n)) === 1 || (await t.load((i + 1) % n)) === 1) await t.fetchAdd(2 * n, 1);
  await t.store(i, 0);
  await t.fetchAdd(n + i, 1);
}
