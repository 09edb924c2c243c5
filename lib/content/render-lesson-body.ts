/**
 * Lesson Markdown → HTML segments, done at build time (lesson pages are
 * statically generated). `{{widget:<id>}}` markers split the body; the page
 * puts the interactive widget between the HTML segments. The Markdown is
 * ours (from git), so its HTML is trusted.
 */
import { Marked } from "marked";

export type LessonSegment = { kind: "html"; html: string } | { kind: "widget"; id: string };

const MARKER = /\{\{\s*widget:([^}\s]+)\s*\}\}/g;

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

// Headings get ids so that sections of a lesson can be linked to.
const marked = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth }) {
      const inner = this.parser.parseInline(tokens);
      return `<h${depth} id="${slugify(inner)}">${inner}</h${depth}>\n`;
    },
  },
});

export function renderLessonBody(markdown: string): LessonSegment[] {
  const segments: LessonSegment[] = [];
  let last = 0;
  for (const m of markdown.matchAll(MARKER)) {
    const before = markdown.slice(last, m.index);
    if (before.trim()) segments.push({ kind: "html", html: marked.parse(before, { async: false }) });
    segments.push({ kind: "widget", id: m[1] as string });
    last = (m.index ?? 0) + m[0].length;
  }
  const rest = markdown.slice(last);
  if (rest.trim()) segments.push({ kind: "html", html: marked.parse(rest, { async: false }) });
  return segments;
}
