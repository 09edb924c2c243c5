import { SA_RESTART, SIG_BLOCK, SIG_SETMASK, SIG_UNBLOCK, SIGKILL, SIGSTOP, signalNumber } from "./constants";
import { fail } from "./errors";
import type { Kernel } from "./kernel";
import { BLOCKED, type Process, type Request, type SigAction } from "./process";

const UNBLOCKABLE = (1 << SIGKILL) | (1 << SIGSTOP);
const NEVER_WOKEN: Process[] = [];

function sigArg(v: unknown): number {
  const sig = signalNumber(v as number | string);
  if (sig === undefined) fail("EINVAL", `unknown signal ${String(v)}`);
  return sig;
}

function maskOf(set: unknown): number {
  if (!Array.isArray(set)) fail("EINVAL", "signal set must be an array of signals");
  return set.reduce((m: number, s) => m | (1 << sigArg(s)), 0) & ~UNBLOCKABLE;
}

function maskToList(mask: number): number[] {
  const out: number[] = [];
  for (let s = 1; s < 32; s++) if ((mask >> s) & 1) out.push(s);
  return out;
}

export function sysKill(k: Kernel, p: Process, r: Request): number {
  const [pid, sigArgV = "SIGTERM"] = r.args as [number, number | string];
  const sig = sigArgV === 0 ? 0 : sigArg(sigArgV);
  const t = k.lookupProcess(pid);
  // Harness drivers are part of the test, not of the student's system: nobody else may signal them.
  if (t.privileged && !p.privileged) fail("EPERM", `pid ${t.pid} belongs to the test harness`);
  if (p.uid !== 0 && p.uid !== t.uid) fail("EPERM", `pid ${p.pid} (uid ${p.uid}) may not signal pid ${t.pid} (uid ${t.uid})`);
  if (sig !== 0) k.post(t, sig, p.pid, "kill");
  return 0;
}

function setAction(k: Kernel, p: Process, sig: number, action: SigAction): SigAction["handler"] {
  if (sig === SIGKILL || sig === SIGSTOP) fail("EINVAL", "SIGKILL and SIGSTOP cannot be caught or ignored");
  const h = action.handler;
  if (h !== "SIG_IGN" && h !== "SIG_DFL" && typeof h !== "function") fail("EINVAL", "handler must be a function, 'SIG_IGN' or 'SIG_DFL'");
  const old = p.sigActions[sig]?.handler ?? "SIG_DFL";
  p.sigActions[sig] = h === "SIG_DFL" ? undefined : action;
  if (h === "SIG_IGN") p.sigPending &= ~(1 << sig);
  k.deliver(p);
  return old;
}

/** signal(sig, handler) → previous disposition. Like glibc's signal(), handlers restart interrupted calls (SA_RESTART). */
export function sysSignal(k: Kernel, p: Process, r: Request): unknown {
  const [sig, handler] = r.args as [number | string, SigAction["handler"]];
  return setAction(k, p, sigArg(sig), { handler, flags: SA_RESTART, mask: 0 });
}

export function sysSigaction(k: Kernel, p: Process, r: Request): unknown {
  const [sig, act] = r.args as [number | string, { handler: SigAction["handler"]; flags?: number; mask?: (number | string)[] }];
  if (!act || typeof act !== "object") fail("EINVAL");
  return setAction(k, p, sigArg(sig), { handler: act.handler, flags: act.flags ?? 0, mask: act.mask ? maskOf(act.mask) : 0 });
}

/** sigprocmask(how, set) → previous mask as a list of signal numbers. */
export function sysSigprocmask(k: Kernel, p: Process, r: Request): number[] {
  const [how, set] = r.args as [number, unknown];
  const old = p.sigMask;
  const m = maskOf(set ?? []);
  if (how === SIG_BLOCK) p.sigMask |= m;
  else if (how === SIG_UNBLOCK) p.sigMask &= ~m;
  else if (how === SIG_SETMASK) p.sigMask = m;
  else fail("EINVAL", "how must be SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK");
  k.deliver(p);
  return maskToList(old);
}

export function sysSigpending(_k: Kernel, p: Process): number[] {
  return maskToList(p.sigPending);
}

/** pause(): sleeps until a caught signal's handler has run, then fails with EINTR. */
export function sysPause(k: Kernel, p: Process): typeof BLOCKED {
  return k.block(p, NEVER_WOKEN, { describe: () => "pause (a signal)", object: () => ({ kind: "signal", call: "pause" }) });
}

/** sigsuspend(mask): atomically swaps in `mask` and pauses, so a signal cannot slip in between. */
export function sysSigsuspend(k: Kernel, p: Process, r: Request): typeof BLOCKED {
  if (r.restoreMask < 0) r.restoreMask = p.sigMask;
  p.sigMask = maskOf(r.args[0] ?? []);
  k.block(p, NEVER_WOKEN, { describe: () => "sigsuspend (a signal)", object: () => ({ kind: "signal", call: "sigsuspend" }) });
  k.deliver(p);
  return BLOCKED;
}

const NS_PER_SECOND = 1e9;

/** alarm(seconds of virtual time) → seconds left on the previous alarm. */
export function sysAlarm(k: Kernel, p: Process, r: Request): number {
  const s = r.args[0];
  if (typeof s !== "number" || s < 0) fail("EINVAL");
  return k.replaceAlarm(p, s * NS_PER_SECOND) / NS_PER_SECOND;
}

/** sleep(seconds of virtual time); the clock jumps ahead when everyone sleeps. */
export function sysSleep(k: Kernel, p: Process, r: Request): number | typeof BLOCKED {
  if (r.progress === "elapsed") return 0;
  const s = r.args[0];
  if (typeof s !== "number" || s < 0) fail("EINVAL");
  if (s === 0) return 0;
  const timer = k.addTimer(p.pid, "sleep", s * NS_PER_SECOND);
  r.progress = timer;
  return k.block(p, NEVER_WOKEN, { describe: () => `sleep until t=${timer.at}ns` });
}
