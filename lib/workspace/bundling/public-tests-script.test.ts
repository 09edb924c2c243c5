import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { listExerciseSlugs } from "../../grader/exercises/load-exercise";
import { bundleExerciseTests } from "./bundle-exercise-tests";
import { findLeaks } from "./find-leaks";
import { loadTestScenarios } from "./load-test-scenarios";
import { publicTestsScript } from "./public-tests-script";

const EXERCISES = path.resolve(import.meta.dirname, "../../../exercises");
const read = (...p: string[]) => fs.readFileSync(path.join(EXERCISES, ...p), "utf8");

describe("the public-test bundle served to the browser", () => {
  it("contains fix-the-race's public tests and none of its hidden test ids, texts or solution", async () => {
    const js = await publicTestsScript("fix-the-race", EXERCISES);
    const hidden = await loadTestScenarios("fix-the-race", "hidden", EXERCISES);
    expect(hidden.map((t) => t.id)).toEqual(["two-tellers", "three-tellers", "refused-withdrawal", "no-overdraft", "refused-by-the-other"]);
    for (const t of hidden) {
      expect(js).not.toContain(t.id);
      for (const text of [t.message.ko, t.message.en]) expect(js).not.toContain(text);
    }
    expect(js).not.toContain("mutex_lock");
    expect(js).not.toContain("hidden.ts");
    const context: { __ipclabPublicTests?: Array<{ id: string; explore: { budget: number; strategy: string } }> } = {};
    vm.runInNewContext(js, context);
    expect(context.__ipclabPublicTests?.map((t) => t.id)).toEqual(["sequential-deposit", "one-teller-each"]);
    // The exercise's exploration defaults are merged in, as the grader merges them.
    expect(context.__ipclabPublicTests?.[1].explore).toEqual({ strategy: "auto", budget: 200, maxPreemptions: 2, missTarget: 0.01 });
  });

  it.each(listExerciseSlugs(EXERCISES))("reveals nothing secret of %s", async (slug) => {
    const js = await bundleExerciseTests(slug, "public", EXERCISES);
    const hidden = await loadTestScenarios(slug, "hidden", EXERCISES);
    expect(findLeaks(js, { hidden, solution: read(slug, "solution.ts"), starter: read(slug, "starter.ts") })).toEqual([]);
  });

  describe("with a careless exercise", () => {
    // Inside the repository (like the grader's own fixtures), so the tests' relative imports of lib/ resolve.
    const root = fs.mkdtempSync(path.join(EXERCISES, "../.test-exercises-bundle-"));
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
    const copy = (slug: string, publicTs: string) => {
      fs.cpSync(path.join(EXERCISES, "fix-the-race"), path.join(root, slug), { recursive: true });
      fs.writeFileSync(path.join(root, slug, "tests/public.ts"), publicTs);
      const manifest = JSON.parse(fs.readFileSync(path.join(root, slug, "exercise.json"), "utf8"));
      fs.writeFileSync(path.join(root, slug, "exercise.json"), JSON.stringify({ ...manifest, slug }));
    };

    it("refuses to bundle public tests that import the hidden tests", async () => {
      copy("imports-hidden", `import hidden from "./hidden";\nexport default hidden;\n`);
      await expect(bundleExerciseTests("imports-hidden", "public", root)).rejects.toThrow(/may not include tests\/hidden\.ts/);
    });

    it("refuses to bundle public tests that import the solution", async () => {
      copy("imports-solution", `import * as s from "../solution";\nexport default [s];\n`);
      await expect(bundleExerciseTests("imports-solution", "public", root)).rejects.toThrow(/may not include solution\.ts/);
    });

    it("refuses to serve public tests that copy a hidden test's message", async () => {
      const hidden = await loadTestScenarios("fix-the-race", "hidden", EXERCISES);
      copy("copies-message", `export default [{ id: "x", title: { ko: "x", en: "x" }, points: 0, message: ${JSON.stringify(hidden[0].message)}, scenario: {} }];\n`);
      await expect(publicTestsScript("copies-message", root)).rejects.toThrow(/reveal secret material: text of hidden test two-tellers/);
    });
  });
});

describe("findLeaks", () => {
  const hidden = [{ id: "secret-test", title: { ko: "비밀", en: "Secret title" }, message: { ko: "비밀 메시지", en: "Secret message" }, scenario: {} }];
  it("finds hidden ids, texts and solution lines, but not lines the starter has too", () => {
    const solution = "export async function main() {\n  await mutex_lock(theLockHandle);\n}";
    const starter = "export async function main() {\n}";
    expect(findLeaks(`x = "secret-test"; y = "Secret message"; await mutex_lock(theLockHandle); export async function main() {`, { hidden, solution, starter })).toEqual([
      "hidden test id secret-test",
      "text of hidden test secret-test: Secret message",
      "solution line: await mutex_lock(theLockHandle);",
    ]);
    expect(findLeaks("nothing to see", { hidden, solution, starter })).toEqual([]);
  });
});
