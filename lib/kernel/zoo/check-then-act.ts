import type { Ipc } from "../ipc";
import type { Program } from "../run";
import type { ZooEntry } from "./types";

/** Bank account: two withdrawals of 70 from 100. Checking the balance and then debiting it races unless locked. */
export function bankAccount(locked: boolean): Program {
  return {
    module: (ipc: Ipc) => ({
      async withdraw([shmid, amount]: number[]) {
        const acct = await ipc.shmat(shmid);
        const m = locked ? await ipc.mutex_create("account") : 0;
        if (locked) await ipc.mutex_lock(m);
        const balance = await acct.load(0);
        const ok = balance >= amount;
        if (ok) await acct.store(0, balance - amount);
        if (locked) await ipc.mutex_unlock(m);
        return ok ? 0 : 1;
      },
    }),
    setup(k) {
      const id = k.shmget(0xba, 1, 0o1600);
      k.poke(id, 0, 100);
      k.spawn("withdraw", [id, 70]);
      k.spawn("withdraw", [id, 70]);
    },
    check: (s) => {
      const paidOut = 70 * Object.values(s.exitStatuses).filter((st) => st && "code" in st && st.code === 0).length;
      const balance = s.shm[0].data[0];
      return balance >= 0 && 100 - balance === paidOut ? null : `paid out ${paidOut} but the balance only dropped from 100 to ${balance}`;
    },
  };
}

export const checkThenAct: ZooEntry = {
  name: "check-then-act",
  description: "bank account: balance checked, then debited, without holding a lock in between",
  buggy: bankAccount(false),
  fixed: bankAccount(true),
};
