/**
 * Runs the code of a code-output question on the simulated kernel and
 * returns what it printed, so content:check can prove every stored answer.
 *
 * The snippet is the body of an async `main`: it is wrapped in a module,
 * transpiled as the grader transpiles a submission, and run as pid 1 with
 * `require("ipc")` giving the process's ipc object and `console.log`
 * writing to the process's captured output (as in the grader's sandbox).
 * Server/script only (loads `typescript`).
 */
import { submissionCompiler } from "@/lib/grader/compile/submission-compiler";
import { runOnce, type Ipc } from "@/lib/kernel";

export interface SnippetRun {
  output: string;
  /** Why the run failed (deadlock, uncaught error…), or null. */
  failure: string | null;
}

export async function runCodeSnippet(code: string): Promise<SnippetRun> {
  const source = `import ipc = require("ipc");\nexport async function main() {\n${code}\n}\n`;
  const { js, syntaxErrors } = submissionCompiler().transpile(source);
  if (syntaxErrors.length) return { output: "", failure: `syntax error: ${syntaxErrors.map((d) => `line ${d.line - 2}: ${d.message}`).join("; ")}` };
  // Content is ours (from git); the Function constructor only gives the module its CommonJS scope.
  const factory = new Function("module", "exports", "require", "console", js) as (
    module: { exports: Record<string, unknown> },
    exports: Record<string, unknown>,
    require: (name: string) => unknown,
    console: { log: (...v: unknown[]) => void },
  ) => void;
  const result = await runOnce(
    {
      module: (ipc: Ipc) => {
        const mod = { exports: {} as Record<string, unknown> };
        const require = (name: string) => {
          if (name !== "ipc") throw new Error(`cannot require "${name}"`);
          return ipc;
        };
        factory(mod, mod.exports, require, { log: (...v) => ipc.print(...v) });
        return mod.exports;
      },
      main: "main",
    },
    { strategy: "random", seed: 1 },
  );
  return { output: result.snapshot.output["1"] ?? "", failure: result.failure };
}
