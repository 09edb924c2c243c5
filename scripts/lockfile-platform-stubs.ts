/**
 * Keeps `npm ci` working with a lockfile made on this network. The npm mirror these machines
 * use lacks some platform-specific optional packages (macOS/Windows/other-CPU builds of
 * @next/swc, @unrs/resolver-binding, @msgpackr-extract). `npm install` skips them silently,
 * so the lockfile has no entry for them, and `npm ci` then refuses the lockfile as out of
 * sync. This adds the entries npm would have written: version, `optional`, and the os/cpu
 * that make npm skip them on Linux x64 without fetching anything. Run after `npm install`
 * changes the lockfile: `node scripts/lockfile-platform-stubs.ts`. See ADR 003.
 */
import fs from "node:fs";
import path from "node:path";

const lockPath = path.resolve(import.meta.dirname, "../package-lock.json");
type LockPackage = { version?: string; optional?: boolean; os?: string[]; cpu?: string[]; libc?: string[]; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { packages: Record<string, LockPackage> };

const OSES = ["darwin", "win32", "linux", "android", "freebsd", "openharmony"];
const CPUS = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x"];

/** Platform of a binary package, read from its name (e.g. `resolver-binding-linux-arm-musleabihf`). */
export function platformOf(name: string): { os: string[]; cpu: string[]; libc?: string[] } | null {
  const parts = name.split("/").pop()!.split("-");
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.find((p) => CPUS.includes(p)) ?? (parts.includes("arm") ? "arm" : undefined);
  if (!os || !cpu) return null;
  const libc = os === "linux" ? (parts.some((p) => p.startsWith("musl")) ? ["musl"] : ["glibc"]) : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [location, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const parentModules = location ? `${location}/node_modules/` : "node_modules/";
    if (lock.packages[`${parentModules}${dep}`] || lock.packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    lock.packages[`node_modules/${dep}`] = { version, optional: true, ...platform };
    added++;
  }
}
if (added) {
  const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  fs.writeFileSync(lockPath, JSON.stringify({ ...lock, packages: sorted }, null, 2) + "\n");
}
console.log(`lockfile: ${added} platform-specific optional entries added`);
