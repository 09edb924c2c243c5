/**
 * The editor's TypeScript settings. They mirror COMPILER_OPTIONS in
 * lib/grader/compile/compile-typescript.ts, which cannot be imported in the browser (it reads
 * the lib files with node:fs); editor-compiler-options.test.ts keeps the two in step, so the
 * squiggles in the editor are the grader's diagnostics.
 */
export const EDITOR_COMPILER_OPTIONS = {
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

/** Where the student's file and the typings live in the virtual file system (as in the grader). */
export const EDITOR_FILES = {
  source: "/submission/solution.ts",
  ipcTypes: "/submission/node_modules/ipc/index.d.ts",
  globals: "/submission/globals.d.ts",
  /** The sandbox has plain ECMAScript plus a console that prints to the process's output. */
  globalsSource: "declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void; warn(...values: unknown[]): void; info(...values: unknown[]): void };\n",
} as const;
