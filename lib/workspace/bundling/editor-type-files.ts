import fs from "node:fs";
import path from "node:path";
import { ipcModuleTypings } from "../../grader/compile/ipc-module-typings";
import { EDITOR_FILES, EDITOR_COMPILER_OPTIONS } from "../browser/editor-compiler-options";
import { projectPath } from "./project-path";

/**
 * Every declaration file the editor's TypeScript service needs, by its path in the browser's
 * virtual file system: the standard library the grader compiles against (from the installed
 * `typescript` package, following its `/// <reference lib>` chain, so nothing is fetched from
 * a CDN), the `ipc` module's typings and the sandbox globals.
 */
export function editorTypeFiles(): Record<string, string> {
  const libDir = projectPath("node_modules/typescript/lib");
  const files: Record<string, string> = {};
  const visit = (lib: string) => {
    const name = `lib.${lib.toLowerCase()}.d.ts`;
    if (`/${name}` in files) return;
    const text = fs.readFileSync(path.join(libDir, name), "utf8");
    files[`/${name}`] = text;
    for (const m of text.matchAll(/\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/g)) visit(m[1]);
  };
  for (const lib of EDITOR_COMPILER_OPTIONS.lib) visit(lib.replace(/^lib\.|\.d\.ts$/g, ""));
  files[EDITOR_FILES.ipcTypes] = ipcModuleTypings(fs.readFileSync(projectPath("lib/kernel/ipc.d.ts"), "utf8"));
  files[EDITOR_FILES.globals] = EDITOR_FILES.globalsSource;
  return files;
}
