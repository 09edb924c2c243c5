/**
 * The editor's TypeScript language service, in a Web Worker so typing never waits for it:
 * diagnostics, completions and hover docs for @valtown/codemirror-ts, and transpiling the
 * student's code to CommonJS for the test worker. The lib files and the `ipc` typings are
 * bundled in by the server (virtual module "ipclab:editor-type-files").
 */
import { expose } from "comlink";
import ts from "typescript";
import { createSystem, createVirtualTypeScriptEnvironment } from "@typescript/vfs";
import { createWorker } from "@valtown/codemirror-ts/worker";
import typeFiles from "ipclab:editor-type-files";
import { EDITOR_COMPILER_OPTIONS, EDITOR_FILES } from "./editor-compiler-options";
import { completionsWithImports, EDITOR_ROOT_FILES, importEdits, signatureHelp } from "./ts-assist";

const service = createWorker(() => {
  const fsMap = new Map<string, string>(Object.entries(typeFiles as Record<string, string>));
  // A placeholder: the virtual file system treats an empty file as missing. The editor syncs the real text.
  fsMap.set(EDITOR_FILES.source, " ");
  return createVirtualTypeScriptEnvironment(createSystem(fsMap), EDITOR_ROOT_FILES, ts, EDITOR_COMPILER_OPTIONS as unknown as ts.CompilerOptions);
});

export type TranspileResult = { js: string; errors: Array<{ line: number; column: number; message: string }> };

const api = {
  initialize: () => service.initialize(),
  updateFile: (args: { path: string; code: string }) => service.updateFile(args),
  getLints: (args: { path: string; diagnosticCodesToIgnore: number[] }) => service.getLints(args),
  getAutocompletion: (args: Parameters<typeof service.getAutocompletion>[0]) => service.getAutocompletion(args),
  getHover: (args: { path: string; pos: number }) => service.getHover(args),
  /** Completions with the `ipc` exports not imported yet (ts-assist.ts). */
  getCompletions: ({ path, pos, explicit }: { path: string; pos: number; explicit: boolean }) => completionsWithImports(service.getEnv(), path, pos, explicit),
  getImportEdits: ({ path, pos, name, source, data }: { path: string; pos: number; name: string; source: string; data: Parameters<typeof importEdits>[5] }) => importEdits(service.getEnv(), path, pos, name, source, data),
  getSignatureHelp: ({ path, pos }: { path: string; pos: number }) => signatureHelp(service.getEnv(), path, pos),
  /** Type-free transpilation (like the grader's emit): type errors never stop a local run, syntax errors do. */
  transpile(source: string): TranspileResult {
    const out = ts.transpileModule(source, { compilerOptions: EDITOR_COMPILER_OPTIONS as unknown as ts.CompilerOptions, reportDiagnostics: true, fileName: EDITOR_FILES.source });
    const errors = (out.diagnostics ?? []).map((d) => {
      const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      return { line: pos.line + 1, column: pos.character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") };
    });
    return { js: out.outputText, errors };
  },
};

export type TsWorkerApi = typeof api;

expose(api);
