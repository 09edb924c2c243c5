import { ExerciseError, type LoadedExercise } from "../exercises/load-exercise";
import { judgeScript } from "./judge-bundle";
import { callJudge, judgeContext, type JudgeCall } from "./judge-isolate";

/** Judges a batch of runs of one test: its index, the runs' snapshots as JSON, the time it may take. */
export type JudgeCaller = (index: number, snapshotsJson: string, timeoutMs: number) => JudgeCall;

/**
 * The judge of one exercise's suite, ready before the sandbox starts: the exercise's checks
 * bundled and loaded into the judge isolate, and their test ids the same, in the same order,
 * as the host's own import of the tests (which numbers the tests for the sandbox). A broken
 * exercise throws here, as an ExerciseError, not halfway through a submission.
 */
export function exerciseJudge(exercise: LoadedExercise, suite: "hidden" | "public"): JudgeCaller {
  const slug = exercise.manifest.slug;
  let script;
  let ids;
  try {
    script = judgeScript(exercise);
    ids = judgeContext(script).ids;
  } catch (error) {
    throw new ExerciseError(`${slug}: the tests could not be loaded into the judge isolate: ${String((error as Error)?.message ?? error)}`);
  }
  const expected = { hidden: exercise.hidden.map((t) => t.id), public: exercise.public.map((t) => t.id) };
  if (JSON.stringify(ids) !== JSON.stringify(expected)) {
    throw new ExerciseError(`${slug}: the judge isolate sees tests ${JSON.stringify(ids)}, the host ${JSON.stringify(expected)}`);
  }
  const loaded = script;
  return (index, snapshotsJson, timeoutMs) => callJudge(loaded, suite, index, snapshotsJson, timeoutMs);
}
