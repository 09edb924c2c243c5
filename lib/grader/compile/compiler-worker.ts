/**
 * Entry of the compiler thread (compiler-thread.ts): loads TypeScript and the standard
 * library's types, exposes this thread's long-lived compiler through Comlink, then says
 * it is ready.
 */
import { parentPort } from "node:worker_threads";
import { expose } from "comlink";
// Comlink's adapter from worker_threads ports to its endpoint interface (the UMD build has types).
import nodeEndpoint from "comlink/dist/umd/node-adapter.js";
import { submissionCompiler } from "./submission-compiler";
import { COMPILER_READY } from "./compiler-thread";

const compiler = submissionCompiler();
compiler.warmUp();
expose(compiler, nodeEndpoint(parentPort!));
parentPort!.postMessage(COMPILER_READY);
