import { describe, expect, it } from "vitest";
import { loadLessons } from "./load-lessons";
import { renderLessonBody } from "./render-lesson-body";

describe("renderLessonBody", () => {
  it("splits at widget markers and renders Markdown (headings with ids, tables, code)", () => {
    const s = renderLessonBody("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n{{widget:bank-race}}\n\n```ts\nconst x = 1;\n```\n");
    expect(s.map((x) => x.kind)).toEqual(["html", "widget", "html"]);
    expect(s[0]).toMatchObject({ kind: "html", html: expect.stringContaining('<h1 id="title">Title</h1>') });
    expect((s[0] as { html: string }).html).toContain("<table>");
    expect(s[1]).toEqual({ kind: "widget", id: "bank-race" });
    expect((s[2] as { html: string }).html).toContain('<code class="language-ts">');
  });
  it("renders every lesson in both languages with its widgets", () => {
    for (const lesson of loadLessons()) {
      for (const lang of ["ko", "en"] as const) {
        const segments = renderLessonBody(lesson.body[lang]);
        expect(segments.some((x) => x.kind === "html")).toBe(true);
        expect(segments.filter((x) => x.kind === "widget").length).toBeGreaterThanOrEqual(lesson.widgets.length);
        expect(JSON.stringify(segments)).not.toContain("{{widget");
      }
    }
  });
});
