import type { Ipc } from "./ipc";
import { runOnce, type Program, type RunOptions, type RunResult } from "./run";

type Fns = Record<string, (...a: never[]) => unknown>;

/** Runs `main` of a hand-written module with tracing on; test-only convenience. */
export function run(module: (ipc: Ipc) => Fns, extra: Partial<Program> = {}, options: RunOptions = {}): Promise<RunResult> {
  return runOnce({ module: module as Program["module"], main: "main", ...extra }, options);
}

/** Captures the error code of a rejected ipc call (or "ok"). */
export async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
