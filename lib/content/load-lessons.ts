import fs from "node:fs";
import path from "node:path";
import { LessonSchema, type Lesson } from "./lesson-schema";

export const LESSONS_DIR = path.join(process.cwd(), "content", "lessons");

export type LessonWithBodies = Lesson & { dir: string; body: { ko: string; en: string } };

let cached: LessonWithBodies[] | undefined;

/** Every lesson in content/lessons, validated and sorted by `order` (cached per process). */
export function loadLessons(dir = LESSONS_DIR): LessonWithBodies[] {
  if (cached && dir === LESSONS_DIR) return cached;
  // Content is read at run time from the checkout: nothing here is for Next's file tracer.
  const lessons = fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "lesson.json")))
    .map((d) => {
      const folder = path.join(/*turbopackIgnore: true*/ dir, d.name);
      const lesson = LessonSchema.parse(JSON.parse(fs.readFileSync(path.join(folder, "lesson.json"), "utf8")));
      const body = { ko: fs.readFileSync(path.join(folder, "ko.md"), "utf8"), en: fs.readFileSync(path.join(folder, "en.md"), "utf8") };
      return { ...lesson, dir: d.name, body };
    })
    .sort((a, b) => a.order - b.order);
  if (dir === LESSONS_DIR) cached = lessons;
  return lessons;
}
