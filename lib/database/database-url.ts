import path from "node:path";
import fs from "node:fs";

export const DEFAULT_DATABASE_URL = "file:./data/ipclab.db";

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url}"`);
}

/**
 * Resolves a SQLite `file:` URL against the project root (the current directory) and
 * creates its folder, so the CLI, the web app and the grader all open the same file.
 */
export function sqliteFileUrl(url: string): string {
  const file = path.resolve(url.slice("file:".length).split("?")[0]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return `file:${file}`;
}
