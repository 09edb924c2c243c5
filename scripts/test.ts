/**
 * `npm test`: every suite, in order, preparing what they need first. Run with plain `node`.
 * Each step's output streams through; a summary line closes the run.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const CI = process.env.CI === "true";

type Step = { name: string; command: string; args: string[]; when?: () => boolean };

function ensureChromium() {
  if (fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) return;
  if (process.getuid?.() !== 0) throw new Error("Chromium is missing: run `sudo apt-get install chromium fonts-nanum` (or set CHROMIUM_PATH).");
  console.log("▶ Installing Debian's Chromium for the browser tests");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium", "fonts-nanum"]]) {
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed`);
  }
}

const steps: Step[] = [
  { name: "prisma clients", command: "npm", args: ["run", "db:generate", "--silent"] },
  { name: "lint", command: bin("eslint"), args: ["."] },
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "content check", command: "npm", args: ["run", "content:check", "--silent"] },
  { name: "exercise check", command: "npm", args: ["run", "exercises:check", "--silent"] },
  { name: "unit and integration tests", command: bin("vitest"), args: ["run"] },
  { name: "end-to-end tests (Chromium)", command: bin("vitest"), args: ["run", "--config", "vitest.e2e.config.ts"] },
];

ensureChromium();
const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
for (const step of steps) {
  if (step.when && !step.when()) continue;
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const r = spawnSync(step.command, step.args, { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: CI ? "0" : process.env.FORCE_COLOR } });
  const ok = r.status === 0;
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
  if (!ok) console.error(`✖ ${step.name} failed`);
}

console.log("\nSummary");
for (const r of results) console.log(`  ${r.ok ? "✔" : "✖"} ${r.name} (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
