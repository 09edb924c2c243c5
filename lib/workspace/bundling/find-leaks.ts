import type { TestScenario } from "./load-test-scenarios";

/** Solution lines this long or longer are specific enough that finding one verbatim is a leak. */
const MIN_SOLUTION_LINE = 24;

/**
 * What of the secret material appears in a script bound for the browser: a hidden test's id
 * (as a string literal) or message (which says what the test is after), or a distinctive
 * line of the reference solution that the starter does not already contain. Titles are not
 * secret (grade reports show them, and a public test may share one). Empty means clean.
 */
export function findLeaks(js: string, secrets: { hidden: TestScenario[]; solution: string | null; starter: string | null }): string[] {
  const leaks: string[] = [];
  for (const t of secrets.hidden) {
    if (js.includes(JSON.stringify(t.id)) || js.includes(`'${t.id}'`)) leaks.push(`hidden test id ${t.id}`);
    for (const text of [t.message.ko, t.message.en]) {
      if (text && js.includes(text)) leaks.push(`text of hidden test ${t.id}: ${text.slice(0, 40)}`);
    }
  }
  const starterLines = new Set((secrets.starter ?? "").split("\n").map((l) => l.trim()));
  for (const line of (secrets.solution ?? "").split("\n").map((l) => l.trim())) {
    if (line.length >= MIN_SOLUTION_LINE && !starterLines.has(line) && js.includes(line)) leaks.push(`solution line: ${line}`);
  }
  return leaks;
}
