import path from "node:path";
import type { Plugin } from "esbuild";
import { editorTypeFiles } from "./editor-type-files";
import { loadEsbuild } from "./load-esbuild";
import { projectPath } from "./project-path";

export const WORKER_SCRIPTS = { "run-worker.js": "run-worker.ts", "ts-worker.js": "ts-worker.ts" } as const;
export type WorkerScriptName = keyof typeof WORKER_SCRIPTS;

const cache = new Map<WorkerScriptName, Promise<string>>();

/** The harness imports "../../kernel"; in the browser it gets the kernel shim instead (see kernel-shim.ts). */
const kernelShim: Plugin = {
  name: "kernel-shim",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/kernel$/ }, (args) =>
      path.basename(args.importer) === "harness.ts" ? { path: projectPath("lib/workspace/browser/kernel-shim.ts") } : undefined,
    );
  },
};

const typeFiles: Plugin = {
  name: "editor-type-files",
  setup(build) {
    build.onResolve({ filter: /^ipclab:editor-type-files$/ }, () => ({ path: "editor-type-files", namespace: "ipclab" }));
    build.onLoad({ filter: /.*/, namespace: "ipclab" }, () => ({ contents: `export default ${JSON.stringify(editorTypeFiles())};`, loader: "js" }));
  },
};

/**
 * A Web Worker script, bundled from lib/workspace/browser on first request and kept for the
 * life of the process: the test worker (kernel + the grader's harness, small, created afresh
 * for every run) and the TypeScript worker (the compiler and the lib files, a few MB, loaded
 * once per page). Both are classic scripts: the test worker loads the exercise's public
 * tests with importScripts.
 */
export function workerScript(name: WorkerScriptName): Promise<string> {
  if (!cache.has(name)) {
    const building = loadEsbuild()
      .build({
        entryPoints: [projectPath("lib/workspace/browser", WORKER_SCRIPTS[name])],
        bundle: true,
        format: "iife",
        platform: "browser",
        target: "es2022",
        write: false,
        minify: true,
        legalComments: "none",
        charset: "utf8",
        // The TypeScript compiler mentions Node modules on code paths a browser never takes.
        external: ["fs", "path", "os", "crypto", "perf_hooks", "inspector", "source-map-support", "module", "buffer", "node:*"],
        define: { "process.env.NODE_ENV": '"production"' },
        plugins: [kernelShim, typeFiles],
        logLevel: "silent",
      })
      .then((r) => r.outputFiles[0].text);
    building.catch(() => cache.delete(name));
    cache.set(name, building);
  }
  return cache.get(name)!;
}
