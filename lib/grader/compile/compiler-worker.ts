/**
 * Entry of the compiler thread (compiler-thread.ts): says "ready" once TypeScript and the
 * standard library's types are loaded, then answers {id, method, args} with the result of
 * that method of this thread's own long-lived compiler.
 */
import { parentPort } from "node:worker_threads";
import { submissionCompiler } from "./submission-compiler";
import type { SubmissionCompiler } from "./compile-typescript";

export type CompilerMethod = "transpile" | "typeDiagnostics" | "compile";
export type CompilerCall<M extends CompilerMethod = CompilerMethod> = { id: number; method: M; args: Parameters<SubmissionCompiler[M]> };
export type CompilerReply = { ready: true } | { id: number; result: unknown } | { id: number; error: string };

const compiler = submissionCompiler();
compiler.warmUp();
parentPort!.on("message", ({ id, method, args }: CompilerCall) => {
  let reply: CompilerReply;
  try {
    reply = { id, result: (compiler[method] as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    reply = { id, error: String((error as Error)?.message ?? error) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true } satisfies CompilerReply);
