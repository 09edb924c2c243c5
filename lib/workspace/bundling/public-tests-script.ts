import fs from "node:fs";
import path from "node:path";
import { bundleExerciseTests } from "./bundle-exercise-tests";
import { findLeaks } from "./find-leaks";
import { loadTestScenarios } from "./load-test-scenarios";
import { projectPath } from "./project-path";

const cache = new Map<string, Promise<string>>();

const readIfExists = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);

/**
 * The public tests of an exercise as a browser script, built once per server process.
 * Before it is served it is checked against the hidden tests and the solution: an exercise
 * whose public tests would reveal them is refused (a 500 for the author to fix) rather than
 * served.
 */
export function publicTestsScript(slug: string, root = projectPath("exercises")): Promise<string> {
  const key = `${root}:${slug}`;
  if (!cache.has(key)) {
    const building = (async () => {
      const [js, hidden] = await Promise.all([bundleExerciseTests(slug, "public", root), loadTestScenarios(slug, "hidden", root)]);
      const dir = path.join(root, slug);
      const leaks = findLeaks(js, { hidden, solution: readIfExists(path.join(dir, "solution.ts")), starter: readIfExists(path.join(dir, "starter.ts")) });
      if (leaks.length) throw new Error(`the public tests of ${slug} reveal secret material: ${leaks.join("; ")}`);
      return js;
    })();
    building.catch(() => cache.delete(key));
    cache.set(key, building);
  }
  return cache.get(key)!;
}
