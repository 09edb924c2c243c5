/**
 * Grades a file locally with the same compile + sandbox + hidden tests as the service,
 * without the database. Usage:
 *   npm run grade -- <exercise-slug> <file.ts> [--json] [--seed N] [--public]
 * Exit status: 0 when a grade was produced (whatever the score), 2 on usage errors.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { gradeSource } from "../lib/grader/grade-source";
import { ExerciseError } from "../lib/grader/exercises/load-exercise";
import { renderAsciiTimeline } from "../lib/grader/timeline/render-ascii-timeline";
import type { GradeReport } from "../lib/grader/types";

const USAGE = "usage: npm run grade -- <exercise-slug> <file.ts> [--json] [--seed N] [--public]";

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function printHuman(report: GradeReport) {
  console.log(`${report.exercise}: ${report.score} / ${report.maxScore}  (${report.verdict}, ${report.schedulesExplored} schedules, ${report.durationMs} ms)`);
  for (const d of report.compile.diagnostics) console.log(`  ${d.severity} ${d.code} at ${d.line}:${d.column}: ${d.message}`);
  if (report.error) console.log(`  ${report.error}`);
  for (const t of report.tests) {
    console.log(`  ${t.passed ? "✔" : "✘"} ${t.title}  ${t.points}/${t.maxPoints}${t.passed ? "" : `\n      ${t.message.replace(/\n/g, "\n      ")}`}`);
    if (!t.passed && t.trace) {
      console.log(renderAsciiTimeline(t.trace as Parameters<typeof renderAsciiTimeline>[0]).replace(/^/gm, "      "));
      if (t.replay) console.log(`      replay: ${t.replay}`);
    }
  }
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { json: { type: "boolean" }, seed: { type: "string" }, public: { type: "boolean" } } });
} catch (error) {
  usage((error as Error).message);
}
const [slug, file, ...rest] = parsed.positionals;
if (!slug || !file || rest.length) usage("expected an exercise slug and a file");
if (!fs.existsSync(file)) usage(`no such file: ${file}`);
const seed = parsed.values.seed === undefined ? 1 : Number(parsed.values.seed);
if (!Number.isInteger(seed)) usage(`--seed must be an integer, got ${parsed.values.seed}`);

try {
  const report = await gradeSource({ exercise: slug, source: fs.readFileSync(file, "utf8"), seed, suite: parsed.values.public ? "public" : "hidden" });
  if (parsed.values.json) {
    const { exercise, score, maxScore, compile, tests, limits, schedulesExplored, verdict, error, durationMs } = report;
    console.log(JSON.stringify({ exercise, score, maxScore, verdict, error, compile, tests, limits, schedulesExplored, durationMs }, null, 2));
  } else printHuman(report);
} catch (error) {
  if (error instanceof ExerciseError) usage(error.message);
  throw error;
}
