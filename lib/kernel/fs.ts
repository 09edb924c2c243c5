import { fail } from "./errors";
import { OpenFile, type FileOps } from "./fd";
import { checkAccess, R, type IpcPerm } from "./perm";
import type { Process } from "./process";
import { utf8Encode } from "./utf8";

export type FileSpec = string | { content: string; mode?: number; uid?: number; gid?: number };

interface FileNode {
  path: string;
  data: Uint8Array;
  perm: IpcPerm;
}

/** Read-side open file description with its own offset, as after open(2). */
class FileReader implements FileOps {
  readonly kind = "file" as const;
  private offset = 0;
  constructor(private readonly node: { path: string; data: Uint8Array }) {}
  read(_k: unknown, _p: unknown, _r: unknown, _of: unknown, max: number): Uint8Array {
    const out = this.node.data.slice(this.offset, this.offset + max);
    this.offset += out.length;
    return out;
  }
  release(): void {}
  describe(): string {
    return `file ${this.node.path}`;
  }
}

/** A tiny read-only file system: enough for `cat file` and `ls` in exercises. */
export class FileSystem {
  private readonly files = new Map<string, FileNode>();

  constructor(
    specs: Record<string, FileSpec>,
    private readonly stdin: string,
  ) {
    for (const path of Object.keys(specs).sort()) {
      const s = specs[path];
      const spec = typeof s === "string" ? { content: s } : s;
      const uid = spec.uid ?? 0;
      const gid = spec.gid ?? 0;
      this.files.set(normalize(path), {
        path: normalize(path),
        data: utf8Encode(spec.content),
        perm: { uid, gid, cuid: uid, cgid: gid, mode: (spec.mode ?? 0o644) & 0o777 },
      });
    }
  }

  openStdin(): OpenFile {
    return new OpenFile(new FileReader({ path: "<stdin>", data: utf8Encode(this.stdin) }));
  }

  open(p: Process, path: string, flags: string): OpenFile {
    if (typeof path !== "string") fail("EINVAL");
    if (flags !== "r") fail("EROFS", "the file system is read-only");
    const node = this.files.get(normalize(path));
    if (!node) fail("ENOENT", path);
    checkAccess(p, node.perm, R);
    return new OpenFile(new FileReader(node));
  }

  /** Names directly under `dir`, with a trailing slash for subdirectories, sorted. */
  list(dir: string): string[] {
    const prefix = normalize(dir) === "/" ? "/" : normalize(dir) + "/";
    const names = new Set<string>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf("/");
      names.add(slash < 0 ? rest : rest.slice(0, slash + 1));
    }
    if (names.size === 0 && !this.files.has(normalize(dir)) && prefix !== "/") fail("ENOENT", dir);
    if (names.size === 0 && this.files.has(normalize(dir))) return [normalize(dir)];
    return [...names].sort();
  }
}

function normalize(path: string): string {
  const parts = path.split("/").filter((x) => x && x !== ".");
  return "/" + parts.join("/");
}
