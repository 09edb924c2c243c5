/**
 * Lesson Markdown → HTML segments, done at build time (lesson pages are
 * statically generated). `{{widget:<id>}}` markers split the body; the page
 * puts the interactive widget between the HTML segments. The Markdown is
 * ours (from git), so its HTML is trusted (see render-markdown).
 */
import { renderMarkdown } from "./render-markdown";

export type LessonSegment = { kind: "html"; html: string } | { kind: "widget"; id: string };

const MARKER = /\{\{\s*widget:([^}\s]+)\s*\}\}/g;

export function renderLessonBody(markdown: string): LessonSegment[] {
  const segments: LessonSegment[] = [];
  let last = 0;
  for (const m of markdown.matchAll(MARKER)) {
    const before = markdown.slice(last, m.index);
    if (before.trim()) segments.push({ kind: "html", html: renderMarkdown(before) });
    segments.push({ kind: "widget", id: m[1] as string });
    last = (m.index ?? 0) + m[0].length;
  }
  const rest = markdown.slice(last);
  if (rest.trim()) segments.push({ kind: "html", html: renderMarkdown(rest) });
  return segments;
}
