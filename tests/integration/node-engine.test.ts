import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/**
 * `npm install` under an old Node must stop at once with a line that says Node 24 is needed
 * and how to get it (issue 15), not compile isolated-vm into pages of C++ errors. The
 * project's package.json, lockfile and .npmrc are copied to a scratch directory and npm is
 * run there with `process.version` faked, so nothing is installed and no other Node is needed.
 */
/** The environment minus npm_config_* (set when this runs under `npm test`), so only the project's .npmrc decides. */
function withoutNpmConfig(env: NodeJS.ProcessEnv) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.toLowerCase().startsWith("npm_config_")));
}

async function npmInstallAs(nodeVersion: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-engine-"));
  for (const f of ["package.json", "package-lock.json", ".npmrc"]) fs.copyFileSync(path.join(root, f), path.join(dir, f));
  const fake = path.join(dir, "fake-node-version.cjs");
  fs.writeFileSync(fake, `Object.defineProperty(process, "version", { value: ${JSON.stringify(nodeVersion)} });\n`);
  try {
    const { stdout, stderr } = await run("npm", ["install", "--dry-run", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: dir,
      env: { ...withoutNpmConfig(process.env), NODE_OPTIONS: `--require ${fake}` } as unknown as NodeJS.ProcessEnv,
    });
    return { failed: false, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout: string; stderr: string };
    return { failed: true, output: e.stdout + e.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("the Node version check at install", () => {
  it("refuses Node 20 before installing anything, with one line saying what to do", async () => {
    const { failed, output } = await npmInstallAs("v20.19.0");
    expect(failed).toBe(true);
    expect(output).toContain("EBADENGINE");
    const line = output.split("\n").find((l) => l.includes("Required:"));
    expect(line).toMatch(/"node":">=24".*IPC Lab needs Node 24: run `nvm install`.*npm install -g node@24/);
    // Nothing was fetched or built: the check is the first thing that happens.
    expect(output).not.toMatch(/isolated-vm|gyp/);
  }, 60_000);

  it("lets Node 24 through the check (the lockfile's own engines included)", async () => {
    const { output } = await npmInstallAs("v24.0.0");
    expect(output).not.toContain("EBADENGINE");
  }, 60_000);
});
