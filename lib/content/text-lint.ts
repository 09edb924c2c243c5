/**
 * Text rules of `content:check` over everything a student reads: lessons, quiz questions,
 * exercise prompts and test hints, in both languages (content review §4.3, issue 16).
 *
 *  - `literal-emphasis`: a `**` left in rendered HTML outside code is a bold that Markdown did
 *    not close (it shows as two asterisks on the page).
 *  - `raw-backtick`: summaries, titles and hints are shown as plain text, so a backtick in them
 *    is shown as a backtick, not as code.
 *  - `glossary`: Korean text uses the glossary's term for a concept, not a variant it rejects
 *    (`content/glossary.ko.json`).
 *
 * Pure functions over strings; scripts/content-check.ts reads the files.
 */
import { z } from "zod";
import type { ContentFailure } from "../quiz/check-question-bank";
import { renderMarkdown } from "./render-markdown";

const nonEmpty = z.string().refine((s) => s.trim().length > 0, { message: "must not be empty" });

export const GlossarySchema = z.strictObject({
  about: z.string(),
  terms: z.array(
    z.strictObject({
      en: nonEmpty,
      ko: nonEmpty,
      reject: z.array(nonEmpty).min(1),
      /** Phrases that contain a rejected variant and are still right (e.g. `문맥 교환)`). */
      allow: z.array(nonEmpty).optional(),
      note: z.string().optional(),
    }),
  ),
});
export type Glossary = z.infer<typeof GlossarySchema>;

export type TextRule = "literal-emphasis" | "raw-backtick" | "glossary";
export interface TextProblem {
  rule: TextRule;
  message: string;
}

/** A text as students see it: Markdown rendered to HTML, or plain text shown as is. */
export interface ContentText {
  file: string;
  /** Lesson slug, question id, `<exercise>/<test id>`… */
  id: string;
  /** Where in the item (a JSON path such as `options.2.explanation`), for the message. */
  where?: string;
  lang: "ko" | "en";
  format: "markdown" | "plain";
  text: string;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function excerpt(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 20);
  const to = Math.min(text.length, index + length + 20);
  return `${from > 0 ? "…" : ""}${oneLine(text.slice(from, to))}${to < text.length ? "…" : ""}`;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** HTML without code (`<pre>`, `<code>`), where `**` is legitimate (`char **argv`), and without tags. */
function proseOfHtml(html: string): string {
  return html
    .replace(/<pre[\s>][\s\S]*?<\/pre>/g, " ")
    .replace(/<code[\s>][\s\S]*?<\/code>/g, " ")
    .replace(/<[^>]+>/g, " ");
}

function* occurrences(haystack: string, needle: string): Generator<number> {
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) yield i;
}

/**
 * `**` left in rendered HTML outside code: a bold Markdown did not close. Also a single `*`
 * touching a word (`*강조*를`), an italic left open; a spaced `2 * 3` is arithmetic.
 */
export function literalEmphasisProblems(html: string): TextProblem[] {
  const prose = proseOfHtml(html);
  const problems: TextProblem[] = [];
  for (const m of prose.matchAll(/\*+/g)) {
    const i = m.index ?? 0;
    const run = m[0];
    const touching = /\S/.test(prose[i - 1] ?? " ") || /\S/.test(prose[i + run.length] ?? " ");
    if (run.length === 1 && !touching) continue;
    problems.push({ rule: "literal-emphasis", message: `literal ${run} in the rendered HTML: "${excerpt(prose, i, run.length)}"` });
  }
  return problems;
}

/** Text shown verbatim: backticks and `**` would be shown as typed. */
export function plainTextProblems(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const ticks = [...occurrences(text, "`")];
  if (ticks.length > 0) {
    // One problem per text: code spans come in pairs.
    const i = ticks[0] as number;
    problems.push({ rule: "raw-backtick", message: `raw backtick in text shown as plain text, not as Markdown (${ticks.length} in this text; write it without code formatting): "${excerpt(text, i, 1)}"` });
  }
  for (const i of occurrences(text, "**")) {
    problems.push({ rule: "literal-emphasis", message: `literal ** in text shown as plain text: "${excerpt(text, i, 2)}"` });
  }
  return problems;
}

/** Korean variants the glossary rejects, each with the term to use instead. */
export function glossaryProblems(text: string, glossary: Glossary): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const term of glossary.terms) {
    // Spans covered by an allowed phrase.
    const allowed: Array<[number, number]> = [];
    for (const phrase of term.allow ?? []) for (const i of occurrences(text, phrase)) allowed.push([i, i + phrase.length]);
    for (const variant of term.reject) {
      for (const i of occurrences(text, variant)) {
        if (allowed.some(([from, to]) => i >= from && i + variant.length <= to)) continue;
        problems.push({
          rule: "glossary",
          message: `line ${lineOf(text, i)}: "${variant}" → "${term.ko}" (${term.en}; content/glossary.ko.json): "${excerpt(text, i, variant.length)}"`,
        });
      }
    }
  }
  return problems;
}

/** Every text rule over one text as students see it. */
export function textProblems(t: ContentText, glossary: Glossary): TextProblem[] {
  const problems = t.format === "markdown" ? literalEmphasisProblems(renderMarkdown(t.text)) : plainTextProblems(t.text);
  if (t.lang === "ko") problems.push(...glossaryProblems(t.text, glossary));
  return problems;
}

export function checkContentTexts(texts: readonly ContentText[], glossary: Glossary): ContentFailure[] {
  return texts.flatMap((t) =>
    textProblems(t, glossary).map((p) => ({
      file: t.file,
      questionId: t.id,
      rule: p.rule,
      message: `${t.lang}${t.where ? ` ${t.where}` : ""}: ${p.message}`,
    })),
  );
}

/**
 * Every `{ ko, en }` pair of strings inside a JSON value (a question, a lesson manifest), with
 * its path: the texts of a question, whatever its type.
 */
export function localizedPairs(value: unknown, path: string[] = []): Array<{ where: string; ko: string; en: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedPairs(v, [...path, String(i)]));
  if (!value || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 2 && typeof o.ko === "string" && typeof o.en === "string") return [{ where: path.join("."), ko: o.ko, en: o.en }];
  return keys.flatMap((k) => localizedPairs(o[k], [...path, k]));
}
