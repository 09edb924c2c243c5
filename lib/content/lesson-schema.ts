/**
 * Schema of `content/lessons/<dir>/lesson.json` and the pure checks that tie
 * a lesson to its `ko.md`/`en.md` and to the question bank. File reading is
 * done by the caller (scripts/content-check.ts).
 */
import { z } from "zod";
import { TOPIC_IDS } from "../quiz/topics";

const nonEmpty = z.string().refine((s) => s.trim().length > 0, { message: "must not be empty" });
const localized = z.strictObject({ ko: nonEmpty, en: nonEmpty });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be kebab-case" });

/** Widgets and exercises are referenced by id (a string) or by an object carrying an id. */
const ref = z.union([slug, z.looseObject({ id: slug })]);

export const LessonSchema = z
  .strictObject({
    slug,
    order: z.number().int().positive(),
    topic: z.enum(TOPIC_IDS),
    title: localized,
    summary: localized,
    objectives: z.strictObject({ ko: z.array(nonEmpty).min(1), en: z.array(nonEmpty).min(1) }),
    minutes: z.number().positive().max(600),
    widgets: z.array(ref),
    exercises: z.array(ref),
    /** Topic id of the lesson's quiz. */
    quiz: z.enum(TOPIC_IDS),
  })
  .superRefine((l, ctx) => {
    if (l.objectives.ko.length !== l.objectives.en.length) {
      ctx.addIssue({ code: "custom", path: ["objectives"], message: "ko and en must list the same number of objectives" });
    }
  });
export type Lesson = z.infer<typeof LessonSchema>;

export function refId(r: Lesson["widgets"][number]): string {
  return typeof r === "string" ? r : r.id;
}

/** Ids of `{{widget:<id>}}` markers in a Markdown text, in order of appearance. */
export function widgetMarkers(markdown: string): string[] {
  return [...markdown.matchAll(/\{\{\s*widget:([^}\s]+)\s*\}\}/g)].map((m) => m[1] as string);
}

/**
 * Cross-checks one parsed lesson with its Markdown bodies. Returns one
 * message per problem (empty = fine):
 *  - both bodies present and non-empty;
 *  - every `{{widget:id}}` marker names a widget in `widgets`;
 *  - every listed widget appears in both languages;
 *  - `quiz` refers to a topic that has questions.
 */
export function checkLesson(
  lesson: Lesson,
  bodies: { ko: string | null; en: string | null },
  topicsWithQuestions: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const widgets = new Set(lesson.widgets.map(refId));
  for (const lang of ["ko", "en"] as const) {
    const body = bodies[lang];
    if (body === null) {
      problems.push(`${lang}.md is missing`);
      continue;
    }
    if (body.trim().length === 0) problems.push(`${lang}.md is empty`);
    const markers = widgetMarkers(body);
    for (const m of markers) if (!widgets.has(m)) problems.push(`${lang}.md: marker {{widget:${m}}} is not in widgets`);
    for (const w of widgets) if (!markers.includes(w)) problems.push(`${lang}.md: widget "${w}" has no {{widget:${w}}} marker`);
  }
  if (!topicsWithQuestions.has(lesson.quiz)) problems.push(`quiz "${lesson.quiz}" has no questions`);
  return problems;
}
