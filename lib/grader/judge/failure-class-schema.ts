/**
 * The host's check of a failure class the sandbox sent (lib/kernel/failure-class/types.ts).
 * The classifier is trusted kernel code, but it runs next to student code, so what arrives is
 * data like any other: a class is accepted only if it has exactly the expected shape, with
 * bounded numbers, names and lists; otherwise the report has no class (and keeps the hint).
 */
import { z } from "zod";
import { MAX_EVIDENCE_ITEMS, MAX_NAME_CHARS, type FailureClass } from "../../kernel/failure-class";

const index = z.number().int().min(0).max(1e9);
const pid = z.number().int().min(0).max(1e6);
const id = z.number().int().min(-1).max(1e9);
const name = z.string().max(MAX_NAME_CHARS);
const text = z.string().max(500);
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(MAX_EVIDENCE_ITEMS);

const traceRef = z.strictObject({ event: index, step: index, pid });
const processRef = z.strictObject({ pid, name });
const shmAccess = z.strictObject({ event: index, step: index, pid, value: z.number() });
const objectRef = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("mutex"), id, name }),
  z.strictObject({ kind: z.literal("semaphore"), id, name }),
  z.strictObject({ kind: z.literal("pipe"), id, end: z.enum(["read", "write"]), fd: z.number().int().min(-1).max(1e6) }),
  z.strictObject({ kind: z.literal("children"), pids: list(pid) }),
  z.strictObject({ kind: z.literal("signal"), call: z.enum(["pause", "sigsuspend"]) }),
  z.strictObject({ kind: z.literal("queue"), id }),
  z.strictObject({ kind: z.literal("other"), description: name }),
]);
const waitEdge = z.strictObject({
  process: processRef,
  object: objectRef,
  heldBy: list(z.strictObject({ pid, fd: z.number().int().min(0).max(1e6).optional() })),
  blockedAt: traceRef.nullable(),
  acquiredAt: traceRef.nullable().optional(),
});
const signal = z.string().regex(/^SIG[A-Z0-9]{1,8}$/);
const cause = traceRef.nullable();

const failureClassSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("deadlock"), evidence: z.strictObject({ cycle: z.boolean(), waits: list(waitEdge) }), causeStep: cause }),
  z.strictObject({
    kind: z.literal("lost-update"),
    evidence: z.strictObject({ shmid: id, cell: id, writer: processRef, other: processRef, read: shmAccess, overwritten: shmAccess, store: shmAccess, happened: z.boolean() }),
    causeStep: cause,
  }),
  z.strictObject({
    kind: z.literal("lock-not-released"),
    evidence: z.strictObject({ lock: objectRef, holder: processRef, acquiredAt: traceRef.nullable(), exitedAt: traceRef.nullable(), waiters: list(processRef) }),
    causeStep: cause,
  }),
  z.strictObject({
    kind: z.literal("edeadlk"),
    evidence: z.strictObject({ process: processRef, lock: objectRef, acquiredAt: traceRef.nullable(), relockAt: traceRef, caught: z.boolean() }),
    causeStep: cause,
  }),
  z.strictObject({
    kind: z.literal("zombie"),
    evidence: z.strictObject({ parent: processRef, parentExitedAt: traceRef.nullable(), zombies: list(z.strictObject({ pid, name, exitedAt: traceRef.nullable() })) }),
    causeStep: cause,
  }),
  z.strictObject({
    kind: z.literal("lost-wakeup"),
    evidence: z.strictObject({
      process: processRef,
      object: objectRef,
      wakeup: traceRef,
      signal: signal.optional(),
      from: pid.optional(),
      consumedBy: processRef.optional(),
      consumedAt: traceRef.nullable().optional(),
      waitAt: traceRef.nullable(),
    }),
    causeStep: cause,
  }),
  z.strictObject({
    kind: z.literal("runtime-error"),
    evidence: z.strictObject({ process: processRef, error: z.string().max(300), line: z.number().int().min(1).max(1e6).nullable(), thrownAt: traceRef.nullable() }),
    causeStep: cause,
  }),
  z.strictObject({
    kind: z.literal("signal-fatal"),
    evidence: z.strictObject({ signal, process: processRef, from: pid.nullable(), sentAt: traceRef.nullable(), killedAt: traceRef.nullable() }),
    causeStep: cause,
  }),
  z.strictObject({
    kind: z.literal("signal-lost"),
    evidence: z.strictObject({ signal, to: processRef, from: pid, how: z.enum(["merged", "pending"]), sentAt: traceRef.nullable(), zombies: list(pid) }),
    causeStep: cause,
  }),
  z.strictObject({ kind: z.literal("wrong-result"), evidence: z.strictObject({ failure: text }), causeStep: z.null() }),
  z.strictObject({
    kind: z.literal("unclassified"),
    evidence: z.strictObject({ outcome: z.enum(["completed", "deadlock", "step-limit", "hang", "internal-error", "paused"]), failure: text }),
    causeStep: z.null(),
  }),
]);

/** Bytes of JSON a failure class may take at most (its lists and names are bounded; this bounds the whole). */
export const MAX_FAILURE_CLASS_CHARS = 8000;

/** The sandbox's failure class if the host accepts it, else undefined. */
export function acceptedFailureClass(raw: unknown): FailureClass | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = failureClassSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  if (JSON.stringify(parsed.data).length > MAX_FAILURE_CLASS_CHARS) return undefined;
  return parsed.data as FailureClass;
}
