/**
 * `npm run exercises:check [slug…]`: validates every exercise against the authoring rules
 * (docs/authoring-exercises.md). Prints one line per broken rule, naming the exercise.
 */
import { checkExercise } from "../lib/grader/exercises/check-exercise";
import { listExerciseSlugs } from "../lib/grader/exercises/load-exercise";

const requested = process.argv.slice(2);
const slugs = requested.length ? requested : listExerciseSlugs();
let failures = 0;
for (const slug of slugs) {
  const started = Date.now();
  // Progress on a terminal only: CI logs get one line per exercise.
  const progress = process.stdout.isTTY ? (what: string) => process.stdout.write(`\x1b[2K  ${slug}: ${what}\r`) : undefined;
  const result = await checkExercise(slug, undefined, progress);
  const ms = result.timings.solutionMs;
  const timing = ms.length ? `solution ${Math.min(...ms)}–${Math.max(...ms)} ms` : "";
  if (process.stdout.isTTY) process.stdout.write("\x1b[2K");
  if (result.problems.length === 0) console.log(`✔ ${slug} (${timing}, checked in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const p of result.problems) console.log(`✘ ${slug}: ${p}`);
  failures += result.problems.length;
}
console.log(`exercises:check — ${slugs.length} exercises, ${failures} problems`);
process.exit(failures ? 1 : 0);
