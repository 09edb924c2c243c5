/**
 * Entry of the type-check thread (type-check-thread.ts): answers {id, source, severity}
 * with {id, diagnostics} from this thread's own long-lived compiler.
 */
import { parentPort } from "node:worker_threads";
import type { Diagnostic } from "../types";
import { submissionCompiler } from "./submission-compiler";

export type TypeCheckRequest = { id: number; source: string; severity: Diagnostic["severity"] };
export type TypeCheckResponse = { id: number; diagnostics: Diagnostic[] } | { id: number; error: string };

const compiler = submissionCompiler();
compiler.warmUp();
parentPort!.on("message", ({ id, source, severity }: TypeCheckRequest) => {
  let response: TypeCheckResponse;
  try {
    response = { id, diagnostics: compiler.typeDiagnostics(source, severity) };
  } catch (error) {
    response = { id, error: String((error as Error)?.message ?? error) };
  }
  parentPort!.postMessage(response);
});
