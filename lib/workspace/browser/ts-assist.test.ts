import fs from "node:fs";
import ts from "typescript";
import { createSystem, createVirtualTypeScriptEnvironment } from "@typescript/vfs";
import { beforeAll, describe, expect, it } from "vitest";
import { editorTypeFiles } from "../bundling/editor-type-files";
import { projectPath } from "../bundling/project-path";
import { EDITOR_COMPILER_OPTIONS, EDITOR_FILES } from "./editor-compiler-options";
import { completionsWithImports, EDITOR_ROOT_FILES, importEdits, signatureHelp } from "./ts-assist";

const path = EDITOR_FILES.source;
let env: ReturnType<typeof createVirtualTypeScriptEnvironment>;
const starter = fs.readFileSync(projectPath("exercises/fix-the-race/starter.ts"), "utf8");

/** The editor's TypeScript environment (the same files the browser worker gets), holding `text`. */
function load(text: string) {
  env.updateFile(path, text);
  return text;
}

beforeAll(() => {
  const files = new Map(Object.entries(editorTypeFiles()));
  files.set(path, " ");
  env = createVirtualTypeScriptEnvironment(createSystem(files), EDITOR_ROOT_FILES, ts, EDITOR_COMPILER_OPTIONS as unknown as ts.CompilerOptions);
});

describe("completionsWithImports", () => {
  it("offers ipc exports that aren't imported yet, and the import they need", () => {
    const text = load(`${starter}\nasync function more() { mutex_ }\n`);
    const pos = text.lastIndexOf("mutex_") + "mutex_".length;
    const result = completionsWithImports(env, path, pos, false)!;
    expect(result.from).toBe(pos - "mutex_".length);
    const create = result.options.find((o) => o.label === "mutex_create");
    expect(create?.autoImport?.module).toBe("ipc");
    const edits = importEdits(env, path, pos, "mutex_create", create!.autoImport!.source, create!.autoImport!.data);
    let fixed = text;
    for (const e of [...edits].sort((a, b) => b.from - a.from)) fixed = fixed.slice(0, e.from) + e.insert + fixed.slice(e.to);
    expect(fixed.split("\n")[0]).toBe('import { shmget, shmat, spawn, waitpid, mutex_create } from "ipc";');
  });

  it("adds an import line to a file that has none", () => {
    const text = load("export async function main() {\n  await mutex_\n}\n");
    const pos = text.indexOf("mutex_") + "mutex_".length;
    const create = completionsWithImports(env, path, pos, false)!.options.find((o) => o.label === "mutex_create")!;
    const edits = importEdits(env, path, pos, "mutex_create", create.autoImport!.source, create.autoImport!.data);
    expect(edits.map((e) => e.insert).join("")).toContain('import { mutex_create } from "ipc";');
  });

  it("offers imported names without an import, and nothing after a space unless asked", () => {
    const text = load(`${starter}\nasync function more() { wait }\n`);
    const pos = text.lastIndexOf("wait") + 4;
    const waitpid = completionsWithImports(env, path, pos, false)!.options.find((o) => o.label === "waitpid");
    expect(waitpid).toBeDefined();
    expect(waitpid!.autoImport).toBeUndefined();
    const spaced = load("const a = 1; \n");
    expect(completionsWithImports(env, path, spaced.length - 1, false)).toBeNull();
  });
});

describe("signatureHelp", () => {
  it("shows the called function's parameters, the current one and its docs", () => {
    const text = load(`${starter}\nasync function more() { await waitpid(1, }\n`);
    const pos = text.lastIndexOf("waitpid(1, ") + "waitpid(1, ".length;
    const help = signatureHelp(env, path, pos)!;
    expect(help.prefix).toBe("waitpid(");
    expect(help.parameters[0]).toBe("pid: number");
    expect(help.active).toBe(1);
    expect(help.documentation).toContain("Waits for child");
  });
});
