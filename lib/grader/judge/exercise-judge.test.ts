import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExerciseError, loadExercise } from "../exercises/load-exercise";
import { exerciseJudge } from "./exercise-judge";
import { judgeScript } from "./judge-bundle";

const root = path.resolve(import.meta.dirname, "../../../tests/security/exercises");

/** A completed run of the shared-counter fixture whose cell ended at `value`. */
const run = (value: number) => ({
  outcome: { kind: "completed" },
  processes: [{ pid: 1, ppid: 0, name: "main", exit: { exited: true, code: 0 } }],
  errors: [],
  exitStatuses: { "1": { exited: true, code: 0 } },
  shm: [{ key: 0x42, data: [value] }],
});

describe("exerciseJudge", () => {
  it("runs the exercise's hidden checks in the judge isolate", async () => {
    const judge = exerciseJudge(await loadExercise("shared-counter", root), "hidden");
    expect(judge(0, JSON.stringify([run(6), run(5)]), 5000)).toEqual({ kind: "ok", answer: { verdicts: [null, "counter 5"], errors: [] } });
  });

  it("bundles the checks into a script of their own, not into the sandbox's", async () => {
    const { code } = judgeScript(await loadExercise("shared-counter", root));
    expect(code).toContain("HIDDEN-TEST-SECRET-7f3a");
    expect(code).toContain("kernelFailure");
  });

  it("refuses an exercise whose tests the judge isolate would number differently", async () => {
    const exercise = await loadExercise("shared-counter", root);
    const reordered = { ...exercise, hidden: [{ ...exercise.hidden[0], id: "something-else" }] };
    expect(() => exerciseJudge(reordered, "hidden")).toThrow(ExerciseError);
  });
});
