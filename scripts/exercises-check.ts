/**
 * `npm run exercises:check [slug…]`: validates every exercise against the authoring rules
 * (docs/authoring-exercises.md). Prints one line per broken rule, naming the exercise, then
 * what each hidden test's exploration covers under the reference solution and which hidden
 * tests kill which mutant (on how many of the seeds).
 */
import { checkExercise, formatKillTable, MUTANT_SEEDS } from "../lib/grader/exercises/check-exercise";
import { listExerciseSlugs } from "../lib/grader/exercises/load-exercise";
import { prepareForServing } from "../lib/grader/grade-source";

// As a grader worker does: type checks on the compiler's own thread, isolates prepared ahead,
// so gradings run side by side (check-exercise runs two at a time) without queuing on this thread.
prepareForServing();

const requested = process.argv.slice(2);
const slugs = requested.length ? requested : listExerciseSlugs();
const indent = (text: string) => text.replace(/^/gm, "    ");
let failures = 0;
let warnings = 0;
const startedAll = Date.now();
for (const slug of slugs) {
  const started = Date.now();
  // Progress on a terminal only: CI logs get the report alone.
  const progress = process.stdout.isTTY ? (what: string) => process.stdout.write(`\x1b[2K  ${slug}: ${what}\r`) : undefined;
  const result = await checkExercise(slug, undefined, progress);
  const ms = result.timings.solutionMs;
  const timing = ms.length ? `solution ${Math.min(...ms)}–${Math.max(...ms)} ms` : "";
  if (process.stdout.isTTY) process.stdout.write("\x1b[2K");
  if (result.problems.length === 0) console.log(`✔ ${slug} (${timing}, checked in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const p of result.problems) console.log(`✘ ${slug}: ${p}`);
  for (const w of result.warnings) console.log(`⚠ ${slug}: ${w}`);
  if (result.coverage.length) {
    console.log("  coverage (reference solution, seed 1):");
    for (const c of result.coverage) console.log(`    ${c.sufficient ? "✔" : "⚠"} ${c.id}: ${c.text} [${c.schedules} runs]`);
  }
  if (result.killTable.length) {
    console.log(`  kill table (hidden tests that fail each mutant, on how many of seeds ${MUTANT_SEEDS.join(", ")}):`);
    console.log(indent(formatKillTable(result.testIds, result.killTable)));
  }
  failures += result.problems.length;
  warnings += result.warnings.length;
}
console.log(`exercises:check — ${slugs.length} exercises, ${failures} problems, ${warnings} warnings (${((Date.now() - startedAll) / 1000).toFixed(1)} s)`);
process.exit(failures ? 1 : 0);
