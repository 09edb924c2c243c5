import type { GradeProgress, GradeReport, GradeRequest } from "../types";

/**
 * The IPC protocol between the pool (parent) and a worker process (child). One job at a
 * time per worker; `id` ties progress and the result to the job that asked for them.
 */
export type ParentMessage = { type: "grade"; id: number; request: GradeRequest };

export type WorkerMessage =
  | { type: "ready" }
  | { type: "progress"; id: number; progress: GradeProgress }
  | { type: "result"; id: number; report: GradeReport };

const WORKER_MESSAGE_TYPES = new Set(["ready", "progress", "result"]);

export function isParentMessage(message: unknown): message is ParentMessage {
  const m = message as Partial<ParentMessage> | null;
  return typeof m === "object" && m !== null && m.type === "grade" && typeof m.id === "number" && typeof m.request === "object";
}

export function isWorkerMessage(message: unknown): message is WorkerMessage {
  const m = message as { type?: unknown } | null;
  return typeof m === "object" && m !== null && WORKER_MESSAGE_TYPES.has(m.type as string);
}
