import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { E2E_PASSWORD, E2E_PORT } from "./e2e-constants";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, `data/e2e-${E2E_PORT}`);
let server: ChildProcess | undefined;

async function waitForHealth(url: string, timeoutMs: number, log: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`server exited early:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

/** Starts the app exactly as `npm start` does, on its own port and a fresh database. */
export default async function setup(project: TestProject) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const env = {
    ...process.env,
    PORT: String(E2E_PORT),
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, "ipclab.db")}`,
    AUTH_URL: `http://localhost:${E2E_PORT}`,
    NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
    DEMO_PASSWORD: E2E_PASSWORD,
    NODE_ENV: "production" as const,
    NEXT_DIST_DIR: E2E_PORT === 3210 ? ".next" : `.next-${E2E_PORT}`,
    // Suites submit more often than a student would.
    SUBMISSIONS_PER_MINUTE: "1000",
  };
  let output = "";
  const child = spawn(process.execPath, ["scripts/start.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  server = child;
  await waitForHealth(`http://localhost:${E2E_PORT}/api/health`, 420_000, () => output.slice(-4000));
  project.provide("baseUrl", `http://localhost:${E2E_PORT}`);
  project.provide("databaseUrl", env.DATABASE_URL);
  project.provide("dataDir", dataDir);

  return async () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    dataDir: string;
  }
}
