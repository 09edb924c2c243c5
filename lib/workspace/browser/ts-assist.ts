/**
 * What the editor asks the TypeScript service beyond @valtown/codemirror-ts: completions that
 * include the `ipc` module's exports not imported yet (choosing one adds it to the import),
 * and signature help. Pure functions of a TypeScript environment, so they run in the editor's
 * worker (ts-worker.ts) and in unit tests alike.
 */
import type ts from "typescript";
import type { VirtualTypeScriptEnvironment } from "@typescript/vfs";
import { EDITOR_FILES } from "./editor-compiler-options";

/**
 * The environment's root files. The `ipc` typings are a root, not only reached through an
 * import: TypeScript offers auto-imports from modules in the program, so a file that imports
 * nothing yet still gets `import { mutex_create } from "ipc"`.
 */
export const EDITOR_ROOT_FILES = [EDITOR_FILES.source, EDITOR_FILES.globals, EDITOR_FILES.ipcTypes];

const PREFERENCES: ts.UserPreferences = { includeCompletionsForModuleExports: true, includeCompletionsWithInsertText: true, quotePreference: "double" };

/** A completion the editor shows; `autoImport` says where the name comes from when choosing it also imports it. */
export type AssistCompletion = { label: string; type?: string; boost: number; autoImport?: { source: string; data: ts.CompletionEntryData | undefined; module: string } };
export type AssistCompletions = { from: number; options: AssistCompletion[] } | null;

/** A text edit in the editor's coordinates. */
export type AssistEdit = { from: number; to: number; insert: string };

/** Kinds CodeMirror has icons for (the rest are shown without one). */
const ICON_KINDS = new Set(["class", "constant", "enum", "function", "interface", "keyword", "method", "namespace", "property", "text", "type", "variable"]);

/**
 * Completions at `pos`, as @valtown/codemirror-ts computes them (entries TypeScript ranks
 * highly), plus the exports of the `ipc` module that the file doesn't import yet: typing
 * `mutex_` offers `mutex_create` even when only `spawn` is imported.
 */
export function completionsWithImports(env: VirtualTypeScriptEnvironment, path: string, pos: number, explicit: boolean): AssistCompletions {
  const text = env.getSourceFile(path)?.getFullText();
  if (text === undefined) return null;
  const before = text.slice(0, pos);
  const word = /[\w$]*$/.exec(before)![0];
  const dot = !word && before.endsWith(".");
  if (!word && !dot && !explicit) return null;
  const info = env.languageService.getCompletionsAtPosition(path, pos, PREFERENCES, {});
  if (!info) return null;
  const options: AssistCompletion[] = [];
  for (const entry of info.entries) {
    if (entry.kind === "warning") continue;
    const kind = String(entry.kind);
    const type = kind === "member" ? "property" : kind === "const" || kind === "let" ? "variable" : kind;
    const base = { label: entry.name, type: ICON_KINDS.has(type) ? type : undefined, boost: -Number(entry.sortText) || 0 };
    if (entry.hasAction && entry.source) {
      // Only the course's own module: the standard library has nothing to import.
      if (entry.data?.fileName !== EDITOR_FILES.ipcTypes || !word) continue;
      options.push({ ...base, boost: base.boost - 1, autoImport: { source: entry.source, data: entry.data, module: "ipc" } });
    } else if (entry.sortText < "15") options.push(base);
  }
  return { from: dot ? pos : pos - word.length, options };
}

/** The edits that import `name` (chosen at `pos`): a new import line, or the name added to the existing `import { … } from "ipc"`. */
export function importEdits(env: VirtualTypeScriptEnvironment, path: string, pos: number, name: string, source: string, data: ts.CompletionEntryData | undefined): AssistEdit[] {
  const details = env.languageService.getCompletionEntryDetails(path, pos, name, {}, source, PREFERENCES, data);
  const edits: AssistEdit[] = [];
  for (const action of details?.codeActions ?? []) {
    for (const change of action.changes) {
      if (change.fileName !== path) continue;
      for (const t of change.textChanges) edits.push({ from: t.span.start, to: t.span.start + t.span.length, insert: t.newText });
    }
  }
  return edits;
}

/** The signature of the call around `pos`: its text in parts, which parameter the cursor is in, and its documentation. */
export type AssistSignature = { prefix: string; parameters: string[]; suffix: string; separator: string; active: number; documentation: string } | null;

export function signatureHelp(env: VirtualTypeScriptEnvironment, path: string, pos: number): AssistSignature {
  const help = env.languageService.getSignatureHelpItems(path, pos, {});
  if (!help || help.items.length === 0) return null;
  const item = help.items[Math.min(help.selectedItemIndex, help.items.length - 1)];
  const join = (parts: ts.SymbolDisplayPart[]) => parts.map((p) => p.text).join("");
  return {
    prefix: join(item.prefixDisplayParts),
    parameters: item.parameters.map((p) => join(p.displayParts)),
    suffix: join(item.suffixDisplayParts),
    separator: join(item.separatorDisplayParts),
    active: help.argumentIndex,
    documentation: join(item.documentation),
  };
}
