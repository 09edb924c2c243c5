import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { submissionCompiler } from "./submission-compiler";
import { TypeCheckThread, TypeCheckTimeout } from "./type-check-thread";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const WRONG = `import ipc from "ipc";\nexport async function main() {\n  const n: number = "three";\n  await ipc.pipe(42);\n}\n`;
// A type-level bomb: the 40,320 permutations of eight letters, compared as a union.
// It takes seconds to check, so a 300 ms limit overruns however fast the machine is
// (a tiny limit on a small file raced the reply on a loaded CI machine).
const TYPE_BOMB = `type Perm<T, U = T> = [T] extends [never] ? [] : T extends unknown ? [T, ...Perm<Exclude<U, T>>] : never;
type All = Perm<"a" | "b" | "c" | "d" | "e" | "f" | "g" | "h">;
const all = null as unknown as All;
const notA: Exclude<All, ["a", ...unknown[]]> = all;
export async function main() {}
`;

describe("TypeCheckThread", () => {
  const thread = new TypeCheckThread();
  afterAll(() => thread.close());

  it("reports exactly what the in-process compiler reports", async () => {
    const offThread = await thread.typeDiagnostics(WRONG, "warning");
    expect(offThread.length).toBeGreaterThanOrEqual(2);
    expect(offThread).toEqual(submissionCompiler().typeDiagnostics(WRONG, "warning"));
  }, 30_000);

  it("gives up on a check that overruns, then serves the next one from a new thread", async () => {
    await expect(thread.typeDiagnostics(TYPE_BOMB, "warning", 300)).rejects.toBeInstanceOf(TypeCheckTimeout);
    expect((await thread.typeDiagnostics(WRONG, "error")).every((d) => d.severity === "error")).toBe(true);
  }, 30_000);

  it("does not keep an idle process alive", () => {
    const script = `import { TypeCheckThread } from "./lib/grader/compile/type-check-thread.ts";
      const t = new TypeCheckThread();
      console.log((await t.typeDiagnostics(${JSON.stringify(WRONG)}, "warning")).length);`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    expect(r.signal).toBeNull(); // not killed by the timeout: it exited by itself
    expect(r.status).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThanOrEqual(2);
  }, 40_000);
});
