import vm from "node:vm";
import type { Localized } from "../../grader/types";
import type { Scenario } from "../../grader/exercises/test-definition";
import { bundleExerciseTests, type TestSuite } from "./bundle-exercise-tests";

export type TestScenario = { id: string; title: Localized; message: Localized; scenario: Scenario };

const cache = new Map<string, Promise<TestScenario[]>>();

/**
 * The data half of an exercise's tests (ids, titles, messages, scenarios), without their
 * checks, read on the web server. The grader's loader imports the .ts files directly, which
 * only works under its own TypeScript loader; here the suite is bundled and evaluated in a
 * fresh context instead. Course content is trusted, and nothing of it leaves the server
 * unless a caller decides to (replaying a counterexample the student already sees).
 */
export function loadTestScenarios(slug: string, suite: TestSuite, root?: string): Promise<TestScenario[]> {
  const key = `${root}:${slug}:${suite}`;
  if (!cache.has(key)) {
    const loading = bundleExerciseTests(slug, suite, root).then((js) => {
      if (suite === "public") {
        const context: { __ipclabPublicTests?: TestScenario[] } = {};
        vm.runInNewContext(js, context);
        return (context.__ipclabPublicTests ?? []).map(({ id, title, message, scenario }) => ({ id, title, message, scenario }));
      }
      const cjs = { exports: [] as TestScenario[] };
      vm.runInNewContext(js, { module: cjs, exports: cjs.exports });
      return cjs.exports.map(({ id, title, message, scenario }) => ({ id, title, message, scenario }));
    });
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return cache.get(key)!;
}
