import type { Snapshot } from "../../../lib/kernel";
import { childrenOf, observed } from "../../../lib/kernel/observations";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

const LEVELS = ["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"];
const PATHS = ["/", "/login", "/api/orders", "/static/app.js", "/api/users/42", "/health"];
const DETAILS: Record<string, string[]> = {
  INFO: ["request served", "cache hit", "user logged in"],
  WARN: ["slow response", "retrying upstream", "deprecated endpoint"],
  ERROR: ["database timeout", "upstream returned 502", "null reference in handler"],
  DEBUG: ["headers parsed", "session refreshed", "ERROR_BUDGET=0.1% ok"],
};

/**
 * A deterministic web-server log of `lines` lines (a tiny LCG, so the same arguments always
 * give the same file). Some DEBUG lines mention "ERROR_BUDGET": `grep ERROR` matches them too,
 * exactly like the real grep, and the expected count below counts them the same way.
 */
export function makeLog(lines: number, seed: number): string {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor(x / 65536) % n; // the high bits: an LCG's low bits are poorly mixed
  };
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const level = LEVELS[next(LEVELS.length)];
    const sec = String(i % 60).padStart(2, "0");
    const min = String(Math.floor(i / 60) % 60).padStart(2, "0");
    out.push(`2026-03-14T09:${min}:${sec}Z ${level.padEnd(5)} GET ${PATHS[next(PATHS.length)]} ${DETAILS[level][next(3)]}`);
  }
  return out.join("\n") + "\n";
}

/** What `grep pattern | wc -l` prints for `text`: the builtin grep tests each line with `new RegExp(pattern)`. */
export function expectedCount(text: string, pattern: string): number {
  const re = new RegExp(pattern);
  return text.split("\n").filter((line, i, all) => !(i === all.length - 1 && line === "") && re.test(line)).length;
}

export function pipelineScenario(file: string, pattern: string, content: string): Scenario {
  return { main: "main", args: [file, pattern], files: { [file]: content } };
}

type Stages = { cat: number; grep: number; wc: number };

/** The three stages main started: the kernel's own cat, grep and wc (not exports of the submission that borrow their names). */
function stagesOf(s: Snapshot): Stages | string {
  const children = childrenOf(s, 1);
  const found: Partial<Stages> = {};
  for (const name of ["cat", "grep", "wc"] as const) {
    const ps = children.filter((p) => p.name === name);
    if (ps.length === 0) return `main never started ${name}`;
    if (ps.length > 1) return `${name} was started ${ps.length} times`;
    if (ps[0].program !== "builtin") return `pid ${ps[0].pid} named ${name} is not the builtin ${name}: spawn the shell's programs by name`;
    found[name] = ps[0].pid;
  }
  return found as Stages;
}

/**
 * The pipeline's result is what the builtin `wc` wrote to its standard output (inherited from
 * main), and the kernel must have seen it built: the whole file went from cat into a pipe read
 * only by grep, and wc read only from a pipe that only grep wrote into.
 */
export function checkPipeline(content: string, pattern: string) {
  const expected = expectedCount(content, pattern);
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel already reports deadlocks and hangs
    const stages = stagesOf(s);
    if (typeof stages === "string") return stages;
    const { cat, grep, wc } = stages;
    const pipes = observed(s).pipes;
    const only = (who: Record<string, number>, pid: number) => Object.keys(who).every((p) => Number(p) === pid);
    const catToGrep = pipes.filter((p) => p.written[cat] || p.read[grep]);
    if (!catToGrep.some((p) => p.written[cat] === content.length && p.read[grep])) return "cat's output (the whole file) did not reach grep through a pipe";
    if (!catToGrep.every((p) => only(p.written, cat) && only(p.read, grep))) return "the pipe between cat and grep carried data from or to other processes";
    const intoWc = pipes.filter((p) => p.read[wc]);
    if (!intoWc.every((p) => only(p.written, grep))) return "wc read data that grep did not write: its input must be grep's output";
    if (expected > 0 && !intoWc.some((p) => p.written[grep])) return "grep's output did not reach wc through a pipe";
    const out = s.output[wc] ?? "";
    if (out === "") return "wc printed nothing on standard output (is its stdout still main's stdout?)";
    return out === `${expected}\n` ? null : `wc printed ${JSON.stringify(out)}, expected ${JSON.stringify(`${expected}\n`)}`;
  };
}

/** Every child must be reaped, by main: a zombie is a child its parent never waited for. */
export function checkReaped(s: Snapshot): string | null {
  if (s.outcome.kind !== "completed") return null;
  const stages = stagesOf(s);
  if (typeof stages === "string") return stages;
  if (s.zombies.length) {
    const names = s.zombies.map((pid) => `pid ${pid} (${s.processes.find((p) => p.pid === pid)?.name ?? "?"})`);
    return `zombie processes left: ${names.join(", ")}`;
  }
  const unreaped = childrenOf(s, 1).filter((p) => p.reaped?.by !== 1);
  if (unreaped.length) return `main never waited for ${unreaped.map((p) => `pid ${p.pid} (${p.name})`).join(", ")}`;
  return null;
}
