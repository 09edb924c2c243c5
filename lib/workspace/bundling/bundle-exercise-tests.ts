import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";
import { exerciseManifestSchema } from "../../grader/exercises/exercise-manifest";
import { loadEsbuild } from "./load-esbuild";
import { projectPath } from "./project-path";
import { isContentSlug } from "../../content/content-slug";

export type TestSuite = "public" | "hidden";

/** Files a public bundle must never pull in, whatever tests/public.ts imports. */
function isSecret(file: string, exerciseDir: string): boolean {
  const rel = path.relative(exerciseDir, file).split(path.sep).join("/");
  if (rel.startsWith("..")) return false;
  return rel === "tests/hidden.ts" || rel === "solution.ts" || rel === "exercise.json" || rel.startsWith("mutants/");
}

function refuseSecrets(exerciseDir: string): Plugin {
  return {
    name: "refuse-secrets",
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) =>
        isSecret(args.path, exerciseDir) ? { errors: [{ text: `the public test bundle may not include ${path.relative(exerciseDir, args.path)}` }] } : undefined,
      );
    },
  };
}

/**
 * Bundles one suite of an exercise's tests (tests/<suite>.ts and what it imports, e.g.
 * shared.ts) into one script. The public suite becomes a classic script for the browser's
 * test worker that defines `__ipclabPublicTests`, each test carrying its merged exploration
 * settings (as the grader merges them); it refuses to include the hidden tests, the solution,
 * the mutants or the manifest (whose points name the hidden tests). The hidden suite becomes
 * a CommonJS module for the server only (see loadTestScenarios).
 */
export async function bundleExerciseTests(slug: string, suite: TestSuite, root = projectPath("exercises")): Promise<string> {
  if (!isContentSlug(slug)) throw new Error(`unknown exercise "${slug}"`);
  const dir = path.join(root, slug);
  const manifestFile = path.join(dir, "exercise.json");
  if (!fs.existsSync(manifestFile)) throw new Error(`unknown exercise "${slug}"`);
  const manifest = exerciseManifestSchema.parse(JSON.parse(fs.readFileSync(manifestFile, "utf8")));
  const testsFile = path.join(dir, `tests/${suite}.ts`);
  const entry = !fs.existsSync(testsFile)
    ? "export default [];"
    : suite === "public"
      ? `import tests from ${JSON.stringify(testsFile)};
const defaults = ${JSON.stringify(manifest.explore)};
globalThis.__ipclabPublicTests = tests.map((t) => ({ id: t.id, title: t.title, message: t.message, scenario: t.scenario, explore: { ...defaults, ...t.explore }, check: t.check }));`
      : `import tests from ${JSON.stringify(testsFile)};
module.exports = tests;`;
  const result = await loadEsbuild().build({
    stdin: { contents: entry, resolveDir: dir, sourcefile: `${slug}-${suite}-tests.js`, loader: "ts" },
    bundle: true,
    format: suite === "public" ? "iife" : "cjs",
    platform: "neutral",
    target: "es2022",
    write: false,
    legalComments: "none",
    // Keep non-ASCII text literal, so the leak check below also sees Korean messages as written.
    charset: "utf8",
    plugins: suite === "public" ? [refuseSecrets(dir)] : [],
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
