import { describe, expect, it } from "vitest";
import { runCodeSnippet } from "./run-code-snippet";

describe("runCodeSnippet", () => {
  it("runs a question's code on the kernel and returns what it printed", async () => {
    const run = await runCodeSnippet(`const [r, w] = await ipc.pipe();\nawait ipc.write(w, "hi");\nconsole.log(await ipc.read(r, 10));`);
    expect(run).toEqual({ output: "hi\n", failure: null });
  });

  it("reports a syntax error at the snippet's own line instead of running it", async () => {
    const run = await runCodeSnippet(`console.log(1);\nconst x = ;`);
    expect(run.output).toBe("");
    expect(run.failure).toMatch(/^syntax error: line 2: Expression expected/);
  });
});
