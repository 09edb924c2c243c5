import fs from "node:fs";
import path from "node:path";
import { SubmissionCompiler } from "./compile-typescript";
import { ipcModuleTypings } from "./ipc-module-typings";

const IPC_DTS = path.resolve(import.meta.dirname, "../../kernel/ipc.d.ts");

let compiler: SubmissionCompiler | undefined;

/** The process's compiler, with the `ipc` module typings loaded (created on first use). */
export function submissionCompiler(): SubmissionCompiler {
  compiler ??= new SubmissionCompiler(ipcModuleTypings(fs.readFileSync(IPC_DTS, "utf8")));
  return compiler;
}
