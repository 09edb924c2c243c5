import path from "node:path";
import { buildSync } from "esbuild";

let cached: string | undefined;

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
