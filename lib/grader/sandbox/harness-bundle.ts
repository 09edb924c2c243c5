import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { buildSync } from "esbuild";

let cached: string | undefined;
let sesCached: string | undefined;

/**
 * SES (the `ses` package's own UMD build) and the lockdown call, run in every sandbox isolate
 * before the kernel: it freezes every intrinsic (including those only syntax reaches), tames
 * Date, Math.random, eval and Function inside compartments, and installs `harden` and
 * `Compartment`. The options keep what the kernel needs and hide what students should not see.
 */
export function sesBootstrap(): string {
  if (sesCached) return sesCached;
  const dir = path.dirname(createRequire(import.meta.url).resolve("ses/package.json"));
  const source = fs.readFileSync(path.join(dir, "dist/ses.umd.min.js"), "utf8");
  // errorTaming "safe": no stack traces in compartments (they would show the harness's frames).
  // overrideTaming "min": student code may still assign `name` on its own errors and `toString`
  // on its objects. "moderate" also turns Array.prototype's `push` and `Symbol.iterator` into
  // accessors, which made every array spread ~17 times slower, the kernel's included.
  sesCached = `${source}\n;lockdown({ errorTaming: "safe", overrideTaming: "min", consoleTaming: "unsafe", evalTaming: "safe-eval", stackFiltering: "concise", reporting: "none" });\n`;
  return sesCached;
}

/**
 * The kernel and the harness as one classic script for the isolate. Built once per process
 * from the TypeScript sources (esbuild takes ~50 ms), so the sandbox always runs the same
 * kernel code as the tests and the browser.
 */
export function harnessBundle(): string {
  if (cached) return cached;
  const result = buildSync({
    entryPoints: [path.join(import.meta.dirname, "harness.ts")],
    bundle: true,
    format: "iife",
    platform: "neutral",
    target: "es2022",
    write: false,
    minify: false,
    legalComments: "none",
  });
  cached = result.outputFiles[0].text;
  return cached;
}
