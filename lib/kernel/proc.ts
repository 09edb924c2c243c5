import { fail } from "./errors";
import type { Kernel, SpawnOptions } from "./kernel";
import type { Process, Request } from "./process";
import { BLOCKED } from "./process";
import type { JsonValue } from "./clone";

/** spawn(name, exported, args, opts): the stub resolved the entry in the caller's turn (ipc-api.ts). */
export function sysSpawn(k: Kernel, p: Process, r: Request): number {
  const [target, exported, args, opts] = r.args as [unknown, unknown, unknown, unknown];
  if (typeof target !== "string") return fail("EINVAL", "entry must be an export name or an exported function");
  if (!Array.isArray(args)) fail("EINVAL", "args must be an array");
  if (opts === null || typeof opts !== "object" || Array.isArray(opts)) fail("EINVAL", "options must be an object");
  return k.spawn(p, target, args as JsonValue[], opts as SpawnOptions, typeof exported === "boolean" ? exported : null).pid;
}

export function sysExit(k: Kernel, p: Process, r: Request): never {
  const code = r.args[0] ?? 0;
  k.terminate(p, { exited: true, code: typeof code === "number" ? code & 255 : 0 });
  // Never resumed: terminate() already made p a zombie.
  return undefined as never;
}

/** waitpid(-1 | pid, {nohang}) → {pid, status}, or null with nohang when no child has exited yet. */
export function sysWaitpid(k: Kernel, p: Process, r: Request): unknown {
  const [pid = -1, opts] = r.args as [number?, { nohang?: boolean }?];
  const children = [...k.procs.values()].filter((c) => c.ppid === p.pid && (pid === -1 || c.pid === pid));
  if (children.length === 0) fail("ECHILD");
  const z = children.find((c) => c.state === "zombie");
  if (z) {
    k.reap(z, p.pid);
    return { pid: z.pid, status: z.exit };
  }
  if (opts?.nohang) return null;
  return k.block(p, p.childWaiters, {
    describe: () => `waitpid for ${pid === -1 ? "any child" : `child ${pid}`} (running: ${children.map((c) => c.pid).join(", ")})`,
    holder: () => children.find((c) => c.alive)?.pid,
    object: () => ({ kind: "children", pids: children.filter((c) => c.alive).map((c) => c.pid) }),
  }) as typeof BLOCKED;
}

/** wait() is waitpid(-1): the stub passes no arguments. */
export const sysWait = sysWaitpid;
