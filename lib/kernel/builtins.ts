import type { Ipc } from "./ipc";
import type { JsonValue } from "./clone";
import { utf8Length } from "./utf8";

/**
 * Shell-like programs available to spawn() by name. They are ordinary
 * processes using the same ipc API, so every read/write they do is a
 * scheduling point and they get SIGPIPE like the real ones.
 */
type Builtin = (ipc: Ipc, args: JsonValue[]) => Promise<number>;

const CHUNK = 512;

async function readAll(ipc: Ipc, fd: number): Promise<string> {
  let s = "";
  for (;;) {
    const chunk = await ipc.read(fd, CHUNK);
    if (chunk === "") return s;
    s += chunk;
  }
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

async function writeLines(ipc: Ipc, lines: string[]): Promise<void> {
  if (lines.length) await ipc.write(1, lines.join("\n") + "\n");
}

function strArgs(args: JsonValue[]): string[] {
  return args.map((a) => String(a));
}

async function fail(ipc: Ipc, msg: string): Promise<number> {
  await ipc.write(2, msg + "\n");
  return 1;
}

const cat: Builtin = async (ipc, args) => {
  const files = strArgs(args);
  const copy = async (fd: number) => {
    for (;;) {
      const chunk = await ipc.readBytes(fd, CHUNK);
      if (chunk.length === 0) return;
      await ipc.write(1, chunk);
    }
  };
  if (files.length === 0) {
    await copy(0);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    let fd: number;
    try {
      fd = await ipc.open(f);
    } catch (e) {
      status = await fail(ipc, `cat: ${f}: ${(e as { code?: string }).code ?? "error"}`);
      continue;
    }
    await copy(fd);
    await ipc.close(fd);
  }
  return status;
};

const grep: Builtin = async (ipc, args) => {
  const a = strArgs(args);
  const invert = a.includes("-v");
  const count = a.includes("-c");
  const pattern = a.find((x) => !x.startsWith("-"));
  if (pattern === undefined) return fail(ipc, "usage: grep PATTERN [-v] [-c]");
  const re = new RegExp(pattern);
  const matches = splitLines(await readAll(ipc, 0)).filter((l) => re.test(l) !== invert);
  if (count) await ipc.write(1, `${matches.length}\n`);
  else await writeLines(ipc, matches);
  return matches.length ? 0 : 1;
};

const wc: Builtin = async (ipc, args) => {
  const a = strArgs(args);
  const text = await readAll(ipc, 0);
  const lines = (text.match(/\n/g) ?? []).length;
  const words = text.split(/\s+/).filter(Boolean).length;
  const bytes = utf8Length(text);
  const picked = [a.includes("-l") && lines, a.includes("-w") && words, a.includes("-c") && bytes].filter((x) => x !== false);
  await ipc.write(1, (picked.length ? picked : [lines, words, bytes]).join(" ") + "\n");
  return 0;
};

const sort: Builtin = async (ipc, args) => {
  const a = strArgs(args);
  const lines = splitLines(await readAll(ipc, 0));
  if (a.includes("-n")) lines.sort((x, y) => (parseFloat(x) || 0) - (parseFloat(y) || 0));
  else lines.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  if (a.includes("-r")) lines.reverse();
  await writeLines(ipc, lines);
  return 0;
};

const head: Builtin = async (ipc, args) => {
  const a = strArgs(args);
  const i = a.indexOf("-n");
  const n = i >= 0 ? parseInt(a[i + 1], 10) : 10;
  if (!Number.isInteger(n) || n < 0) return fail(ipc, "head: invalid number of lines");
  let buf = "";
  let emitted = 0;
  // Stops reading as soon as it has enough, so an upstream writer may get SIGPIPE, as with real head.
  while (emitted < n) {
    const chunk = await ipc.read(0, CHUNK);
    if (chunk === "") break;
    buf += chunk;
    let nl: number;
    while (emitted < n && (nl = buf.indexOf("\n")) >= 0) {
      await ipc.write(1, buf.slice(0, nl + 1));
      buf = buf.slice(nl + 1);
      emitted++;
    }
  }
  if (emitted < n && buf) await ipc.write(1, buf);
  return 0;
};

const ls: Builtin = async (ipc, args) => {
  const dirs = strArgs(args).filter((x) => !x.startsWith("-"));
  let status = 0;
  for (const d of dirs.length ? dirs : ["/"]) {
    try {
      await writeLines(ipc, await ipc.readdir(d));
    } catch (e) {
      status = await fail(ipc, `ls: ${d}: ${(e as { code?: string }).code ?? "error"}`);
    }
  }
  return status;
};

const BUILTINS: Record<string, Builtin> = { cat, grep, wc, sort, head, ls };

/** The built-in program called `name` (own keys only: "constructor" is not a program). */
export function builtinNamed(name: string): Builtin | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
}
