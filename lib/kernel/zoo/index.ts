import { checkThenAct } from "./check-then-act";
import { earlySignal } from "./early-signal";
import { forgottenChild } from "./forgotten-child";
import { lockOrder } from "./lock-order";
import { lostUpdate } from "./lost-update";
import { lostWakeup } from "./lost-wakeup";
import { relock } from "./relock";
import { socketBoundaries } from "./socket-boundaries";
import { unclosedPipe } from "./unclosed-pipe";
import { uncaughtError } from "./uncaught-error";
import { unreleasedLock } from "./unreleased-lock";
import { missedReap } from "./zombie";
export type { ZooEntry } from "./types";
export { bankAccount } from "./check-then-act";

export const ZOO = [lostUpdate, checkThenAct, unclosedPipe, lockOrder, lostWakeup, missedReap, socketBoundaries, unreleasedLock, relock, forgottenChild, earlySignal, uncaughtError];
