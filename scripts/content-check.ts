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
 *
 * Texts (lib/content/text-lint.ts), over lessons, questions (fixed, and a few
 * variants of each generated one), exercise prompts, titles and test hints:
 * no `**` (or `*` touching a word) left in rendered HTML outside code
 * (`literal-emphasis`), no backtick
 * or `**` in texts shown as plain text (`raw-backtick`: lesson titles,
 * summaries and objectives, exercise and test titles, hints), and Korean text
 * uses the terms of content/glossary.ko.json (`glossary`).
 */
import fs from "node:fs";
import path from "node:path";
import { checkLessonCode, formatLessonCodeProblem, tsCodeBlocks } from "../lib/content/check-lesson-code";
import { checkLesson, LessonSchema } from "../lib/content/lesson-schema";
import { checkContentTexts, GlossarySchema, localizedPairs, type ContentText } from "../lib/content/text-lint";
import { listExerciseSlugs, loadExercise } from "../lib/grader/exercises/load-exercise";
import { getGenerator } from "../lib/quiz/generators";
import { isGenerated } from "../lib/quiz/question-schema";
import { resolveQuestion } from "../lib/quiz/resolve-question";
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
  // Texts as students see them, checked together once lessons and exercises are read.
  const texts: ContentText[] = [];
  const pairs = (file: string, id: string, format: ContentText["format"], value: unknown, where?: string) => {
    for (const p of localizedPairs(value)) {
      const at = [where, p.where].filter(Boolean).join(".") || undefined;
      for (const lang of ["ko", "en"] as const) texts.push({ file, id, where: at, lang, format, text: p[lang] });
    }
  };
  const questionFile = new Map<string, string>();
  for (const { file, data } of files) {
    if (Array.isArray(data)) for (const q of data) if (q && typeof q === "object" && "id" in q) questionFile.set(String(q.id), rel(file));
  }
  for (const q of questions) {
    const file = questionFile.get(q.id) ?? "content/questions";
    if (!isGenerated(q)) {
      pairs(file, q.id, "markdown", q);
      continue;
    }
    // A generated question's text is the bank's plus the generator's: check a few variants.
    for (const seed of [1, 2, 3]) {
      try {
        await getGenerator(q.generator)?.prepare?.(seed);
        pairs(file, q.id, "markdown", resolveQuestion(q, seed), `seed ${seed}`);
      } catch {
        // Reported by the generator rules above.
      }
    }
  }

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
      for (const lang of ["ko", "en"] as const) {
        const text = body(lang);
        if (text) texts.push({ file: rel(path.join(full, `${lang}.md`)), id: lesson.slug, lang, format: "markdown", text });
        lesson.objectives[lang].forEach((o, i) => texts.push({ file: rel(jsonPath), id: lesson.slug, where: `objectives.${i}`, lang, format: "plain", text: o }));
      }
      pairs(rel(jsonPath), lesson.slug, "plain", { title: lesson.title, summary: lesson.summary });
    }
  }

  // ---- exercise prompts, titles and test hints (the grader's texts are plain text)
  const exercisesDir = path.join(root, "exercises");
  let exercises = 0;
  for (const slug of listExerciseSlugs(exercisesDir)) {
    exercises++;
    for (const lang of ["ko", "en"] as const) {
      const promptPath = path.join(exercisesDir, slug, `prompt.${lang}.md`);
      if (fs.existsSync(promptPath)) texts.push({ file: rel(promptPath), id: slug, lang, format: "markdown", text: fs.readFileSync(promptPath, "utf8") });
    }
    try {
      const ex = await loadExercise(slug, exercisesDir);
      pairs(rel(path.join(exercisesDir, slug, "exercise.json")), slug, "plain", { title: ex.manifest.title });
      for (const [suite, tests] of [["public", ex.public], ["hidden", ex.hidden]] as const) {
        for (const t of tests) pairs(rel(path.join(exercisesDir, slug, "tests", `${suite}.ts`)), `${slug}/${t.id}`, "plain", { title: t.title, message: t.message });
      }
    } catch (e) {
      // exercises:check owns the exercise rules; here only its texts are unreadable.
      failures.push({ file: rel(path.join(exercisesDir, slug)), questionId: slug, rule: "exercise-loads", message: (e as Error).message });
    }
  }

  // ---- texts
  const glossaryPath = path.join(root, "content", "glossary.ko.json");
  const glossary = GlossarySchema.safeParse(fs.existsSync(glossaryPath) ? JSON.parse(fs.readFileSync(glossaryPath, "utf8")) : null);
  if (!glossary.success) {
    failures.push({ file: rel(glossaryPath), questionId: "-", rule: "glossary-schema", message: glossary.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ") });
  } else {
    failures.push(...checkContentTexts(texts, glossary.data));
  }

  for (const f of failures) console.log(`FAIL ${f.file} ${f.questionId} [${f.rule}] ${f.message}`);
  const warnings = formatAnswerPositionReport(answerPositionReport(questions));
  for (const w of warnings) console.log(w);
  const stats = bankStats(questions);
  const topics = Object.values(stats.byTopic).filter((n) => n > 0).length;
  const summary = `content:check — ${stats.total} questions, ${topics} topics, ${stats.generated} parametrized, ${lessons} lessons, ${codeBlocks} lesson code blocks, ${exercises} exercises, ${texts.length} texts`;
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
