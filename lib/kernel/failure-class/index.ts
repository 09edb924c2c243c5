/** Failure classes: what kind of mistake a failing run shows (see classify.ts and types.ts). */
export { classifyFailure } from "./classify";
export { FAILURE_KINDS, MAX_EVIDENCE_ITEMS, MAX_NAME_CHARS } from "./types";
export type { FailingRun, FailureClass, FailureEvidence, FailureKind, ObjectRef, ProcessRef, ShmAccess, TraceRef, WaitEdge } from "./types";
