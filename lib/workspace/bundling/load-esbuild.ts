import { createRequire } from "node:module";
import path from "node:path";

type Esbuild = typeof import("esbuild");

let loaded: Esbuild | undefined;

/**
 * esbuild at run time, loaded through a require the Next.js bundler cannot see: bundled into
 * the server build, esbuild could no longer find its native binary (it is not among the
 * framework's server-external packages, and next.config.js is not ours to change).
 */
export function loadEsbuild(): Esbuild {
  if (loaded) return loaded;
  const requireFromProject = createRequire(path.join(process.cwd(), "package.json"));
  const name = ["es", "build"].join("");
  loaded = requireFromProject(name) as Esbuild;
  return loaded;
}
