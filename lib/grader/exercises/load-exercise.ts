import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { exerciseManifestSchema, type ExerciseManifest } from "./exercise-manifest";
import type { TestDefinition } from "./test-definition";
import { isContentSlug } from "../../content/content-slug";

export const EXERCISES_DIR = path.resolve(import.meta.dirname, "../../../exercises");

export type LoadedExercise = {
  manifest: ExerciseManifest;
  dir: string;
  hidden: TestDefinition[];
  public: TestDefinition[];
  /** Changes whenever the hidden tests or their points change: earlier grades become stale. */
  testsHash: string;
};

export class ExerciseError extends Error {}

const cache = new Map<string, Promise<LoadedExercise>>();

async function importTests(file: string): Promise<TestDefinition[]> {
  if (!fs.existsSync(file)) return [];
  const mod = (await import(pathToFileURL(file).href)) as { default?: TestDefinition[] };
  if (!Array.isArray(mod.default)) throw new ExerciseError(`${file} must export default defineTests([...])`);
  return mod.default;
}

async function load(slug: string, root: string): Promise<LoadedExercise> {
  if (!isContentSlug(slug)) throw new ExerciseError(`unknown exercise "${slug}"`);
  const dir = path.join(root, slug);
  const manifestFile = path.join(dir, "exercise.json");
  if (!fs.existsSync(manifestFile)) throw new ExerciseError(`unknown exercise "${slug}"`);
  const parsed = exerciseManifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestFile, "utf8")));
  if (!parsed.success) throw new ExerciseError(`${slug}/exercise.json: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const manifest = parsed.data;
  if (manifest.slug !== slug) throw new ExerciseError(`${slug}/exercise.json: slug "${manifest.slug}" does not match the folder`);
  const hiddenFile = path.join(dir, "tests/hidden.ts");
  const hidden = await importTests(hiddenFile);
  const ids = hidden.map((t) => t.id);
  const pointIds = Object.keys(manifest.points);
  const missing = ids.filter((id) => !(id in manifest.points));
  const extra = pointIds.filter((id) => !ids.includes(id));
  if (missing.length || extra.length) {
    throw new ExerciseError(`${slug}: exercise.json points must list exactly the hidden tests (missing: ${missing.join(", ") || "none"}; unknown: ${extra.join(", ") || "none"})`);
  }
  for (const t of hidden) t.points = manifest.points[t.id];
  const testsHash = crypto
    .createHash("sha256")
    .update(fs.readFileSync(hiddenFile))
    .update(JSON.stringify(manifest.points))
    .update(JSON.stringify(manifest.explore))
    .digest("hex")
    .slice(0, 16);
  return { manifest, dir, hidden, public: await importTests(path.join(dir, "tests/public.ts")), testsHash };
}

/** Loads an exercise from exercises/<slug> (cached per process; hidden tests stay host-side). */
export function loadExercise(slug: string, root = EXERCISES_DIR): Promise<LoadedExercise> {
  const key = `${root}:${slug}`;
  if (!cache.has(key)) {
    const p = load(slug, root);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return cache.get(key)!;
}

/** Slugs of every exercise folder with a manifest. */
export function listExerciseSlugs(root = EXERCISES_DIR): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, "exercise.json")))
    .map((d) => d.name)
    .sort();
}
