import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { submissionCompiler } from "./submission-compiler";
import { COMPILER_CRASH, TYPE_BOMB } from "../../../tests/security/hostile-cases";
import { CompileFailed, CompilerThread, CompileTimeout } from "./compiler-thread";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const WRONG = `import ipc from "ipc";\nexport async function main() {\n  const n: number = "three";\n  await ipc.pipe(42);\n}\n`;
describe("CompilerThread", () => {
  const thread = new CompilerThread();
  afterAll(() => thread.close());

  it("answers exactly what the in-process compiler answers", async () => {
    const local = submissionCompiler();
    const offThread = await thread.call("typeDiagnostics", [WRONG, "warning"]);
    expect(offThread.length).toBeGreaterThanOrEqual(2);
    expect(offThread).toEqual(local.typeDiagnostics(WRONG, "warning"));
    const emitted = await thread.call("transpile", [WRONG]);
    expect(emitted.js).toMatch(/await .*pipe\)?\(42\)/);
    expect(emitted).toEqual(local.transpile(WRONG));
    expect((await thread.call("transpile", ["export function (\n"])).syntaxErrors.length).toBeGreaterThan(0);
    const blocked = await thread.call("compile", [WRONG, { typecheck: true }]);
    expect(blocked).toMatchObject({ js: null, report: { ok: false } });
    expect(blocked).toEqual(local.compile(WRONG, { typecheck: true }));
  }, 30_000);

  it("makes the JavaScript safe for SES on the thread exactly as in-process (ses-safe-source.ts)", async () => {
    const local = submissionCompiler();
    const html = `export async function main() {\n  console.log("parent --> child"); // import(x)\n}\n`;
    const evil = `export async function main() {\n  console.log(eval("1"));\n}\n`;
    const safe = await thread.call("transpile", [html]);
    expect(safe.js).toContain("--\\x3e");
    expect(safe).toEqual(local.transpile(html));
    const refused = await thread.call("compile", [evil, { typecheck: true }]);
    expect(refused).toMatchObject({ js: null, report: { ok: false, diagnostics: [{ code: "SANDBOX-SYNTAX", line: 2 }] } });
    expect(refused).toEqual(local.compile(evil, { typecheck: true }));
  }, 30_000);

  // The bomb takes seconds to check, so 300 ms overruns however fast the machine is.
  it("gives up on a check that overruns, then serves the next one from a new thread", async () => {
    await expect(thread.call("typeDiagnostics", [TYPE_BOMB, "warning"], 300)).rejects.toBeInstanceOf(CompileTimeout);
    const next = await thread.call("typeDiagnostics", [WRONG, "error"]);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((d) => d.severity === "error")).toBe(true);
  }, 30_000);

  it("fails a call on a source that crashes the compiler, and goes on serving", async () => {
    await expect(thread.call("transpile", [COMPILER_CRASH])).rejects.toThrow(CompileFailed);
    await expect(thread.call("typeDiagnostics", [COMPILER_CRASH, "warning"])).rejects.toThrow(/Maximum call stack/);
    expect((await thread.call("transpile", [WRONG])).syntaxErrors).toEqual([]);
  }, 30_000);

  it("counts a call's time from when the thread is ready, so a cold start is not the student's", async () => {
    const cold = new CompilerThread(); // loading TypeScript takes far longer than 200 ms
    try {
      const started = performance.now();
      expect((await cold.call("transpile", [WRONG], 200)).js).toContain("three");
      expect(performance.now() - started).toBeGreaterThan(200);
    } finally {
      await cold.close();
    }
  }, 30_000);

  it("does not keep an idle process alive", () => {
    const script = `import { CompilerThread } from "./lib/grader/compile/compiler-thread.ts";
      const t = new CompilerThread();
      console.log((await t.call("typeDiagnostics", [${JSON.stringify(WRONG)}, "warning"])).length);`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    expect(r.signal).toBeNull(); // not killed by the timeout: it exited by itself
    expect(r.status).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThanOrEqual(2);
  }, 40_000);
});
