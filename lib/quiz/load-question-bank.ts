/**
 * Reads and validates `content/questions/*.json` (one JSON array per topic,
 * file name = topic id). Server-only (node:fs); grading stays pure.
 * Throws `QuestionBankError` listing every problem found.
 * Results are cached per directory; pass `{ fresh: true }` to re-read.
 */
import fs from "node:fs";
import path from "node:path";
import { formatIssues, parseQuestion, type Question } from "./question-schema";

export class QuestionBankError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid question bank:\n${problems.join("\n")}`);
    this.name = "QuestionBankError";
    this.problems = problems;
  }
}

export interface RawQuestionFile {
  file: string;
  data: unknown;
}

export const DEFAULT_QUESTIONS_DIR = path.join(process.cwd(), "content", "questions");

/** Reads every `*.json` in `dir` (sorted by name) without validating it. */
export function readQuestionFiles(dir: string = DEFAULT_QUESTIONS_DIR): RawQuestionFile[] {
  // Content is read at run time from the checkout: nothing here is for Next's file tracer.
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const full = path.join(/*turbopackIgnore: true*/ dir, f);
      try {
        return { file: full, data: JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ full, "utf8")) as unknown };
      } catch (e) {
        throw new QuestionBankError([`${full}: not valid JSON (${(e as Error).message})`]);
      }
    });
}

/** Validates parsed files; returns the questions or the list of problems. */
export function parseQuestionFiles(files: readonly RawQuestionFile[]): { questions: Question[]; problems: string[] } {
  const questions: Question[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of files) {
    const topicFromName = path.basename(file, ".json");
    if (!Array.isArray(data)) {
      problems.push(`${file}: must contain a JSON array of questions`);
      continue;
    }
    data.forEach((raw, i) => {
      const label = typeof raw === "object" && raw && "id" in raw ? String((raw as { id: unknown }).id) : `#${i}`;
      const parsed = parseQuestion(raw);
      if (!parsed.success) {
        for (const msg of formatIssues(parsed.error)) problems.push(`${file}: ${label}: schema: ${msg}`);
        return;
      }
      const q = parsed.data;
      if (q.topic !== topicFromName) problems.push(`${file}: ${q.id}: topic "${q.topic}" does not match file name`);
      const prev = seen.get(q.id);
      if (prev) problems.push(`${file}: ${q.id}: duplicate id (also in ${path.basename(prev)})`);
      else seen.set(q.id, file);
      questions.push(q);
    });
  }
  return { questions, problems };
}

const cache = new Map<string, readonly Question[]>();

export function loadQuestionBank(opts: { dir?: string; fresh?: boolean } = {}): readonly Question[] {
  const dir = path.resolve(/*turbopackIgnore: true*/ opts.dir ?? DEFAULT_QUESTIONS_DIR);
  const hit = cache.get(dir);
  if (hit && !opts.fresh) return hit;
  const { questions, problems } = parseQuestionFiles(readQuestionFiles(dir));
  if (problems.length) throw new QuestionBankError(problems);
  const frozen = Object.freeze(questions);
  cache.set(dir, frozen);
  return frozen;
}
