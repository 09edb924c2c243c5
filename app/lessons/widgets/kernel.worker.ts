/// <reference lib="webworker" />
/** Runs the simulated kernel off the main thread for the lesson widgets. */
import { expose } from "comlink";
import { handleKernelRequest } from "@/lib/widgets/kernel-requests";

export type KernelWorkerApi = { run: typeof handleKernelRequest };

expose({ run: handleKernelRequest } satisfies KernelWorkerApi);
