import { checkThenAct } from "./check-then-act";
import { lockOrder } from "./lock-order";
import { lostUpdate } from "./lost-update";
import { lostWakeup } from "./lost-wakeup";
import { socketBoundaries } from "./socket-boundaries";
import { unclosedPipe } from "./unclosed-pipe";
import { missedReap } from "./zombie";
export type { ZooEntry } from "./types";
export { bankAccount } from "./check-then-act";

export const ZOO = [lostUpdate, checkThenAct, unclosedPipe, lockOrder, lostWakeup, missedReap, socketBoundaries];
