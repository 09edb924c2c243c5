import type { Snapshot } from "../../../lib/kernel";
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

/** The pipeline's result is what `wc` wrote to its standard output (inherited from main). */
export function checkCount(expected: number) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel already reports deadlocks and hangs
    const wcs = s.processes.filter((p) => p.name === "wc");
    if (wcs.length === 0) return "wc was never started";
    if (wcs.length > 1) return `wc was started ${wcs.length} times`;
    const out = s.output[wcs[0].pid] ?? "";
    if (out === "") return "wc printed nothing on standard output (is its stdout still main's stdout?)";
    return out === `${expected}\n` ? null : `wc printed ${JSON.stringify(out)}, expected ${JSON.stringify(`${expected}\n`)}`;
  };
}

/** Every child must be reaped: a zombie is a child its parent never waited for. */
export function checkReaped(s: Snapshot): string | null {
  if (s.outcome.kind !== "completed") return null;
  if (s.zombies.length === 0) return null;
  const names = s.zombies.map((pid) => `pid ${pid} (${s.processes.find((p) => p.pid === pid)?.name ?? "?"})`);
  return `zombie processes left: ${names.join(", ")}`;
}
