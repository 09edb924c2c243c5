import fs from "node:fs";
import path from "node:path";
import { exerciseManifestSchema, type ExerciseManifest } from "../grader/exercises/exercise-manifest";
import type { Lang } from "../grader/types";
import { projectPath } from "./bundling/project-path";
import { isContentSlug } from "../content/content-slug";

export type ExerciseContent = { manifest: ExerciseManifest; prompt: string; starter: string };

/**
 * What the exercise page shows of exercises/<slug>: the manifest, the prompt in one language
 * and the starter. Read straight from the files (never the grader's loader, which would pull
 * the hidden tests into the web process); null for an unknown slug.
 */
export function readExerciseContent(slug: string, lang: Lang, root = projectPath("exercises")): ExerciseContent | null {
  if (!isContentSlug(slug)) return null;
  const dir = path.join(root, slug);
  const read = (name: string) => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), "utf8") : null);
  const manifestText = read("exercise.json");
  if (manifestText === null) return null;
  const manifest = exerciseManifestSchema.parse(JSON.parse(manifestText));
  const prompt = read(`prompt.${lang}.md`) ?? read(`prompt.${lang === "ko" ? "en" : "ko"}.md`) ?? "";
  return { manifest, prompt, starter: read("starter.ts") ?? "" };
}
