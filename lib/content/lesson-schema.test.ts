import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLesson, LessonSchema, widgetMarkers, type Lesson } from "./lesson-schema";

const lesson: Lesson = {
  slug: "pipes", order: 3, topic: "pipes",
  title: { ko: "파이프", en: "Pipes" }, summary: { ko: "요약", en: "Summary" },
  objectives: { ko: ["하나"], en: ["one"] }, minutes: 15,
  widgets: ["pipe-pipeline"], exercises: ["pipe-pipeline"], quiz: "pipes",
};
const topics = new Set(["pipes"]);

describe("lesson schema", () => {
  it("accepts a well-formed lesson and rejects missing languages / unknown topics", () => {
    expect(LessonSchema.safeParse(lesson).success).toBe(true);
    expect(LessonSchema.safeParse({ ...lesson, title: { ko: "파이프" } }).success).toBe(false);
    expect(LessonSchema.safeParse({ ...lesson, quiz: "not-a-topic" }).success).toBe(false);
    expect(LessonSchema.safeParse({ ...lesson, objectives: { ko: ["a", "b"], en: ["a"] } }).success).toBe(false);
  });
  it("finds widget markers", () => {
    expect(widgetMarkers("a {{widget:pipe-pipeline}} b {{ widget:bank-race }}")).toEqual(["pipe-pipeline", "bank-race"]);
  });
  it("cross-checks bodies, markers and the quiz topic", () => {
    const ok = "text\n\n{{widget:pipe-pipeline}}\n";
    expect(checkLesson(lesson, { ko: ok, en: ok }, topics)).toEqual([]);
    expect(checkLesson(lesson, { ko: null, en: ok }, topics)).toEqual(["ko.md is missing"]);
    expect(checkLesson(lesson, { ko: ok, en: "   " }, topics)).toContain("en.md is empty");
    expect(checkLesson(lesson, { ko: ok, en: `${ok}{{widget:other}}` }, topics)).toEqual([
      "en.md: marker {{widget:other}} is not in widgets",
    ]);
    expect(checkLesson(lesson, { ko: ok, en: ok }, new Set())).toEqual(['quiz "pipes" has no questions']);
  });
  it("validates the lessons that exist in content/lessons (zero is fine)", () => {
    const dir = path.join(process.cwd(), "content", "lessons");
    const dirs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "lesson.json"))) : [];
    for (const d of dirs) {
      const parsed = LessonSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, d, "lesson.json"), "utf8")));
      expect(parsed.success, `${d}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
