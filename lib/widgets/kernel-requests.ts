/**
 * Requests the lesson widgets send their kernel Web Worker (through Comlink), and
 * the dispatcher the worker runs (kept here, pure, so that it is unit-tested in
 * Node exactly as the worker runs it).
 */
import { bankRaceState, losingSchedule, type BankRaceSetup } from "./bank-race";
import { measureIpcCost } from "./ipc-cost";
import { runPipeline } from "./pipeline";

export type KernelRequest =
  | { kind: "bank-race"; setup: BankRaceSetup; choices: number[] }
  | { kind: "bank-race-losing"; setup: BankRaceSetup }
  | { kind: "pipeline"; forgetClose: boolean }
  | { kind: "ipc-cost"; bytes: number };

export async function handleKernelRequest(request: KernelRequest): Promise<unknown> {
  switch (request.kind) {
    case "bank-race":
      return bankRaceState(request.setup, request.choices);
    case "bank-race-losing":
      return losingSchedule(request.setup);
    case "pipeline":
      return runPipeline(request.forgetClose);
    case "ipc-cost":
      return measureIpcCost(request.bytes);
  }
}
