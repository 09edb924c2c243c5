import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeSource, prepareForServing, warmUpGrader } from "@/lib/grader/grade-source";
import { describeHostileSubmissions } from "./hostile-cases";

// As a grader worker process serves: isolates prepared and warmed ahead, type checks on their own thread.
prepareForServing();

describeHostileSubmissions("prepared, warmed isolates and the type-check thread, as a worker serves");

describe("prepared isolates grade exactly like fresh ones", () => {
  it("gives a buggy submission the same failures, counterexamples and replay tokens as the CLI", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const mutant = path.join(root, "exercises/fix-the-race/mutants/check-outside-the-lock.ts");
    await warmUpGrader();
    const served = await gradeSource({ exercise: "fix-the-race", source: fs.readFileSync(mutant, "utf8"), seed: 7 });
    const cli = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/grade.ts", "fix-the-race", mutant, "--json", "--seed", "7"], { cwd: root, encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
    const fresh = JSON.parse(cli.stdout) as { score: number; schedulesExplored: number; tests: Array<{ id: string; passed: boolean; replay?: string }> };
    const summary = (r: typeof fresh) => ({ score: r.score, schedulesExplored: r.schedulesExplored, tests: r.tests.map((t) => [t.id, t.passed, t.replay ?? null]) });
    expect(served.tests.some((t) => t.replay)).toBe(true);
    expect(summary(served)).toEqual(summary(fresh));
  }, 60_000);
});
