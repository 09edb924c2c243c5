/**
 * content:check — validates the question bank and the lessons.
 *
 *   npx tsx scripts/content-check.ts [--seeds N]
 *
 * Prints one line per failure: `FAIL <file> <question-or-lesson id> [rule] message`,
 * then a summary. Exits 1 on any failure.
 *
 * Questions (content/questions/*.json): schema (incl. both languages
 * non-empty, explanations everywhere), file name = topic, unique ids,
 * ≥ 5 questions per topic, ordering ids that do not leak the order, fixed
 * answers grade as correct, and for every parametrized question over N
 * seeds (default 1,000): the variant has the right shape, is deterministic,
 * its own answer grades full marks and a perturbed one does not, and it
 * agrees with the generator's reference implementation (the bank race is
 * computed on the simulated kernel and checked against the step interpreter).
 * Every fixed code-output question's code is run on the kernel and must
 * print the stored answer. Warnings (not failures): questions whose correct
 * answer sits in the same bank position as most others (`answer-position`).
 *
 * Lessons (content/lessons/<dir>/lesson.json, optional; zero is fine):
 * schema, slug unique, ko.md/en.md exist and are non-empty, widget markers
 * match the widgets list, quiz names a topic with questions. Every ```ts
 * block of ko.md/en.md must type-check against the real `ipc` API with the
 * grader's compiler (lib/content/check-lesson-code.ts): one failure per
 * diagnostic, naming the lesson file (language), block number and line.
 */
import fs from "node:fs";
import path from "node:path";
import { checkLessonCode, formatLessonCodeProblem, tsCodeBlocks } from "../lib/content/check-lesson-code";
import { checkLesson, LessonSchema } from "../lib/content/lesson-schema";
import { submissionCompiler } from "../lib/grader/compile/submission-compiler";
import { answerPositionReport, type AnswerPositionReport } from "../lib/quiz/answer-position-report";
import { bankStats, checkQuestionBank, type ContentFailure } from "../lib/quiz/check-question-bank";
import { readQuestionFiles, type RawQuestionFile } from "../lib/quiz/load-question-bank";
import { runCodeSnippet } from "../lib/quiz/run-code-snippet";

const root = path.resolve(import.meta.dirname, "..");
const rel = (p: string) => path.relative(root, p) || p;

async function main(): Promise<number> {
  const seedsArg = process.argv.indexOf("--seeds");
  const generatorSeeds = seedsArg >= 0 ? Number(process.argv[seedsArg + 1]) : 1000;
  const failures: ContentFailure[] = [];

  // ---- questions
  const qdir = path.join(root, "content", "questions");
  let files: RawQuestionFile[] = [];
  if (!fs.existsSync(qdir)) {
    failures.push({ file: rel(qdir), questionId: "-", rule: "exists", message: "directory missing" });
  } else {
    try {
      files = readQuestionFiles(qdir);
    } catch (e) {
      failures.push({ file: rel(qdir), questionId: "-", rule: "json", message: (e as Error).message });
    }
  }
  const { questions, failures: qf } = await checkQuestionBank(files, { generatorSeeds, runCode: runCodeSnippet });
  failures.push(...qf.map((f) => ({ ...f, file: path.isAbsolute(f.file) ? rel(f.file) : f.file })));
  const topicsWithQuestions = new Set<string>(questions.map((q) => q.topic));

  // ---- lessons
  const ldir = path.join(root, "content", "lessons");
  let lessons = 0;
  let codeBlocks = 0;
  if (fs.existsSync(ldir)) {
    const slugs = new Map<string, string>();
    for (const dir of fs.readdirSync(ldir).sort()) {
      const full = path.join(ldir, dir);
      const jsonPath = path.join(full, "lesson.json");
      if (!fs.statSync(full).isDirectory() || !fs.existsSync(jsonPath)) continue;
      lessons++;
      const fail = (id: string, rule: string, message: string) =>
        failures.push({ file: rel(jsonPath), questionId: id, rule, message });
      // Code examples are checked even when lesson.json is broken.
      for (const lang of ["ko", "en"] as const) {
        const mdPath = path.join(full, `${lang}.md`);
        if (!fs.existsSync(mdPath)) continue;
        const markdown = fs.readFileSync(mdPath, "utf8");
        codeBlocks += tsCodeBlocks(markdown).length;
        for (const p of checkLessonCode(markdown, submissionCompiler())) {
          failures.push({ file: rel(mdPath), questionId: dir, rule: `lesson-code:${p.rule}`, message: formatLessonCodeProblem(lang, p) });
        }
      }
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
      } catch (e) {
        fail(dir, "json", (e as Error).message);
        continue;
      }
      const parsed = LessonSchema.safeParse(raw);
      if (!parsed.success) {
        for (const i of parsed.error.issues) fail(dir, "lesson-schema", `${i.path.join(".") || "(root)"}: ${i.message}`);
        continue;
      }
      const lesson = parsed.data;
      const other = slugs.get(lesson.slug);
      if (other) fail(lesson.slug, "lesson-slug-unique", `slug also used by ${other}`);
      slugs.set(lesson.slug, dir);
      const body = (lang: "ko" | "en") => {
        const p = path.join(full, `${lang}.md`);
        return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : null;
      };
      for (const msg of checkLesson(lesson, { ko: body("ko"), en: body("en") }, topicsWithQuestions)) {
        fail(lesson.slug, "lesson", msg);
      }
    }
  }

  for (const f of failures) console.log(`FAIL ${f.file} ${f.questionId} [${f.rule}] ${f.message}`);
  const warnings = formatAnswerPositionReport(answerPositionReport(questions));
  for (const w of warnings) console.log(w);
  const stats = bankStats(questions);
  const topics = Object.values(stats.byTopic).filter((n) => n > 0).length;
  const summary = `content:check — ${stats.total} questions, ${topics} topics, ${stats.generated} parametrized, ${lessons} lessons, ${codeBlocks} lesson code blocks`;
  if (failures.length) {
    console.log(`${summary}: ${failures.length} failure(s)`);
    return 1;
  }
  console.log(`${summary}: OK${warnings.length ? `, ${warnings.length} warning(s)` : ""}`);
  return 0;
}

/** The report as content:check prints it: `WARN …` lines, none when nothing is biased. */
function formatAnswerPositionReport(r: AnswerPositionReport): string[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines: string[] = [];
  if (r.single.biased) {
    const b = r.single.biased;
    lines.push(
      `WARN [answer-position] ${b.questionIds.length} of ${r.single.total} fixed single-choice questions have their answer at option ${b.position + 1} ` +
        `(${pct(b.share)}, chance ≈ ${pct(b.chance)}); options are shuffled when shown, but vary the bank order: ${b.questionIds.join(", ")}`,
    );
  }
  if (r.multiple.biased) {
    lines.push(
      `WARN [answer-position] ${r.multiple.leading.length} of ${r.multiple.total} fixed multiple-choice questions have exactly the first options as answers ` +
        `(${pct(r.multiple.biased.share)}, chance ≈ ${pct(r.multiple.biased.chance)}): ${r.multiple.leading.join(", ")}`,
    );
  }
  if (r.unshuffled.length) {
    lines.push(`WARN [answer-position] shown unshuffled (fixedOrder), so students see the bias: ${r.unshuffled.join(", ")}`);
  }
  return lines;
}

process.exitCode = await main();
