import type { LocalTestResult, RunMessage, RunRequest } from "./run-worker";

export const RUN_WORKER_URL = "/api/exercises/workers/run-worker.js";

export type RunOutcome = { kind: "done"; results: LocalTestResult[] } | { kind: "timeout"; afterMs: number } | { kind: "error"; message: string } | { kind: "cancelled" };

/**
 * Runs one request in a fresh test worker and always ends it: when the results arrive, on
 * an error, when `timeoutMs` passes (a runaway loop never yields, so the only cure is
 * terminating its thread; the page keeps working) or when the returned `cancel` is called.
 */
export function runInWorker(request: RunRequest, options: { timeoutMs: number; onProgress?: (done: number, total: number, explored: number) => void }): { result: Promise<RunOutcome>; cancel(): void } {
  const worker = new Worker(RUN_WORKER_URL, { name: "ipclab-tests" });
  let finish: (outcome: RunOutcome) => void = () => {};
  const result = new Promise<RunOutcome>((resolve) => {
    const timer = setTimeout(() => finish({ kind: "timeout", afterMs: options.timeoutMs }), options.timeoutMs);
    finish = (outcome) => {
      clearTimeout(timer);
      worker.terminate();
      finish = () => {};
      resolve(outcome);
    };
  });
  worker.onmessage = (event: MessageEvent<RunMessage>) => {
    const m = event.data;
    if (m.type === "progress") options.onProgress?.(m.done, m.total, m.explored);
    else if (m.type === "done") finish({ kind: "done", results: m.results });
    else finish({ kind: "error", message: m.message });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish({ kind: "error", message: event.message || "the test worker failed to start" });
  };
  worker.postMessage(request);
  return { result, cancel: () => finish({ kind: "cancelled" }) };
}
