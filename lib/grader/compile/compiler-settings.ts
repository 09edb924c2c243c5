/**
 * How student TypeScript is compiled, shared by the grader (lib/grader/compile) and the
 * browser editor (lib/workspace), so the editor's squiggles are the grader's diagnostics.
 * Pure data with TypeScript's enum values as numbers: importing `typescript` here would pull
 * the whole compiler into the page bundle.
 */
export const COMPILER_SETTINGS = {
  /** ts.ScriptTarget.ES2022 */
  target: 9,
  /** ts.ModuleKind.CommonJS */
  module: 1,
  lib: ["lib.es2022.d.ts"],
  strict: true,
  esModuleInterop: false,
  skipLibCheck: true,
  types: [] as string[],
  /** ts.ModuleResolutionKind.Node10 */
  moduleResolution: 2,
  baseUrl: "/submission",
} as const;

/** Where the student's file and the typings live in the compiler's virtual file system. */
export const SUBMISSION_FILES = {
  source: "/submission/solution.ts",
  ipcTypes: "/submission/node_modules/ipc/index.d.ts",
  globals: "/submission/globals.d.ts",
  /** The sandbox has plain ECMAScript plus a console that prints to the process's output; no DOM, no Node. */
  globalsSource: "declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void; warn(...values: unknown[]): void; info(...values: unknown[]): void };\n",
} as const;
