import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import type { LoadedExercise } from "../exercises/load-exercise";

/** An exercise's checks as one classic script for the judge isolate; `key` names its content. */
export type JudgeScript = { key: string; code: string; filename: string };

/** The global the script leaves its judge in (judge-isolate.ts takes it and deletes the global). */
export const JUDGE_GLOBAL = "__ipclabJudge";

const JUDGE_BATCH = path.join(import.meta.dirname, "judge-batch.ts");

const cache = new WeakMap<LoadedExercise, JudgeScript>();

/**
 * The exercise's tests/hidden.ts and tests/public.ts bundled with judgeBatch (and through it
 * the kernel's kernelFailure), exposing `{ ids, judge(suite, index, snapshotsJson) }`. Built
 * once per loaded exercise (esbuild takes a few ms), like the host's own import of the same
 * files, which still provides titles, messages, points and scenarios: only the checks run in
 * the judge isolate. The key hashes the bundle, so changed tests get a fresh context.
 */
export function judgeScript(exercise: LoadedExercise): JudgeScript {
  const cached = cache.get(exercise);
  if (cached) return cached;
  const testsModule = (file: string) => {
    const full = path.join(exercise.dir, "tests", file);
    return fs.existsSync(full) ? JSON.stringify(full) : null;
  };
  const hidden = testsModule("hidden.ts");
  const pub = testsModule("public.ts");
  const entry = [
    `import { judgeBatch } from ${JSON.stringify(JUDGE_BATCH)};`,
    hidden ? `import hidden from ${hidden};` : "const hidden = [];",
    pub ? `import publicTests from ${pub};` : "const publicTests = [];",
    "const suites = { hidden, public: publicTests };",
    `globalThis.${JUDGE_GLOBAL} = {`,
    "  ids: { hidden: hidden.map((t) => t.id), public: publicTests.map((t) => t.id) },",
    "  judge: (suite, index, snapshotsJson) => JSON.stringify(judgeBatch(suite === \"public\" ? suites.public : suites.hidden, index, snapshotsJson)),",
    "};",
  ].join("\n");
  const result = buildSync({
    stdin: { contents: entry, resolveDir: exercise.dir, sourcefile: "judge-entry.js", loader: "js" },
    bundle: true,
    format: "iife",
    platform: "neutral",
    target: "es2022",
    write: false,
    minify: false,
    legalComments: "none",
  });
  const code = result.outputFiles[0].text;
  const script = {
    key: crypto.createHash("sha256").update(code).digest("hex").slice(0, 16),
    code,
    filename: `ipclab:judge/${exercise.manifest.slug}.js`,
  };
  cache.set(exercise, script);
  return script;
}
