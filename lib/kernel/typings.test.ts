import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import { LOCAL_CALLS, SYSCALLS } from "./ipc-api";

const dir = import.meta.dirname;

describe("student typings and sandbox purity", () => {
  it("ipc.d.ts declares every runtime function, with Korean and English docs", () => {
    const dts = readFileSync(path.join(dir, "ipc.d.ts"), "utf8");
    for (const name of [...Object.keys(SYSCALLS), ...LOCAL_CALLS]) {
      const m = new RegExp(`/\\*\\*([^]*?)\\*/\\s*\\n\\s*${name}\\(`).exec(dts);
      expect(m, `missing declaration for ${name}`).not.toBeNull();
      expect(/[가-힣]/.test(m![1]) && /[A-Za-z]{3}/.test(m![1]), `bilingual doc for ${name}`).toBe(true);
    }
  });

  it("kernel sources use no Node, DOM or wall-clock APIs", () => {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"));
    const forbidden = /from "node:|\bprocess\.|\bBuffer\b|\bsetTimeout\b|\bsetImmediate\b|\bperformance\b|\bTextEncoder\b|\bTextDecoder\b|Math\.random|Date\.now|new Date\b|\bqueueMicrotask\b|\bwindow\.|\bdocument\./;
    for (const f of files) {
      const src = readFileSync(path.join(dir, f), "utf8").replace(/\/\*[^]*?\*\/|\/\/.*$/gm, "");
      expect(forbidden.exec(src)?.[0], f).toBeUndefined();
    }
  });

  it("the esbuild bundle runs in a bare ECMAScript context and finds a zoo bug", async () => {
    const out = await build({ entryPoints: [path.join(dir, "zoo/index.ts")], bundle: true, write: false, format: "iife", globalName: "Zoo", platform: "neutral" });
    const kernel = await build({ entryPoints: [path.join(dir, "index.ts")], bundle: true, write: false, format: "iife", globalName: "Kernel", platform: "neutral" });
    const ctx = vm.createContext({});
    vm.runInContext(kernel.outputFiles[0].text + out.outputFiles[0].text, ctx);
    const result = await vm.runInContext(`Kernel.explore(Zoo.ZOO[0].buggy, { budget: 100 }).then(r => JSON.stringify({ passed: r.passed, failure: r.failure, token: r.replayToken }))`, ctx);
    const parsed = JSON.parse(result);
    expect(parsed.passed).toBe(false);
    expect(parsed.failure).toMatch(/lost update/);
  });
});
