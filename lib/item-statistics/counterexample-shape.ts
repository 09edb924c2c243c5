/**
 * A short, name-free description of a counterexample: the last few scheduling-relevant events
 * before the failure, with processes renamed A, B, C… by first appearance and repeats
 * collapsed, e.g. "A:shm-read → B:shm-read → A:shm-write → B:shm-write" (a lost update).
 * Two students' counterexamples with the same interleaving pattern get the same shape,
 * whatever their variable names, so the most common shapes show how a class goes wrong.
 */
type Event = { pid?: unknown; kind?: unknown; name?: unknown };

const SHAPE_KINDS = new Set(["syscall", "block", "wake", "shm-read", "shm-write", "signal", "exit", "error"]);
const WINDOW = 6;

export function counterexampleShape(trace: unknown): string | null {
  if (!trace || typeof trace !== "object") return null;
  const t = trace as { events?: unknown; cause?: { event?: unknown } | null };
  if (!Array.isArray(t.events) || t.events.length === 0) return null;
  const end = typeof t.cause?.event === "number" ? Math.min(t.events.length - 1, t.cause.event) : t.events.length - 1;
  const picked: string[] = [];
  const letters = new Map<unknown, string>();
  const relevant = (t.events.slice(0, end + 1) as Event[]).filter((e) => typeof e?.kind === "string" && SHAPE_KINDS.has(e.kind));
  for (const e of relevant.slice(-WINDOW * 2)) {
    if (!letters.has(e.pid)) letters.set(e.pid, String.fromCharCode(65 + Math.min(letters.size, 25)));
    const what = e.kind === "syscall" && typeof e.name === "string" ? e.name : String(e.kind);
    const step = `${letters.get(e.pid)}:${what}`;
    if (picked[picked.length - 1] !== step) picked.push(step);
  }
  return picked.length ? picked.slice(-WINDOW).join(" → ") : null;
}
