import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type RunningApp = { baseUrl: string; databaseUrl: string; stop(): void };

/**
 * Starts the app exactly as `npm start` does (scripts/start.ts: migrate, seed, build when
 * stale, serve with the embedded grader) on its own port, data directory and SQLite file,
 * and waits until /api/health answers. A server that exits early, or never gets healthy,
 * fails with the tail of its output.
 */
export async function startApp({ port, dataDir, env = {}, timeoutMs = 420_000 }: { port: number; dataDir: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RunningApp> {
  const baseUrl = `http://localhost:${port}`;
  const databaseUrl = `file:${path.join(dataDir, "ipclab.db")}`;
  const child = spawn(process.execPath, ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: databaseUrl, AUTH_URL: baseUrl, NEXTAUTH_URL: baseUrl, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.slice(-4000)}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, databaseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output.slice(-4000)}`);
}
