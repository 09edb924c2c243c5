/**
 * `npm start`: migrate, seed (idempotent), build when the sources changed, then serve the
 * web app on PORT (default 3000). Run with plain `node` (Node 24 strips the types).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
process.env.DATABASE_URL ||= "file:./data/ipclab.db";

function step(title: string, command: string, args: string[]) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) {
    if (child === "node_modules" || child === "generated" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "lib", "content", "exercises", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json"];
  return sources.some((s) => newestMtime(s) > built);
}

if (!fs.existsSync(path.join(root, "lib/generated/sqlite/client.ts"))) step("Generating the Prisma clients", "npm", ["run", "db:generate"]);
step("Applying database migrations", bin("prisma"), ["migrate", "deploy"]);
step("Seeding demo data", bin("tsx"), ["scripts/seed.ts"]);
step("Syncing exercises and quizzes", bin("tsx"), ["scripts/sync-content.ts"]);
if (buildIsStale()) step("Building the web app", bin("next"), ["build"]);
else console.log("\n▶ Build is up to date");

const port = process.env.PORT || "3000";
console.log(`\n▶ Serving IPC Lab on http://localhost:${port}`);
const server = spawn(process.execPath, ["--no-node-snapshot", bin("next"), "start", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
