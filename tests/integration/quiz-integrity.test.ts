/**
 * Issue 14, quiz half: practice must not leak a graded attempt's answers, graded attempts
 * draw their variants and option order from the assignment's scope, answers are released by
 * the assignment's policy (the student's own deadline: extension and late window included),
 * options are shuffled per attempt and graded by identity, and a removed student can no
 * longer submit. Runs on both databases.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAssignmentBody } from "@/app/api/courses/[courseId]/assignments/schema";
import { setDb, type Db } from "@/lib/db";
import { syncQuizzes } from "@/lib/content/sync-quizzes";
import { ApiError } from "@/lib/http/api-error";
import { attemptSeed } from "@/lib/quiz/attempt-seed";
import { getQuizAttempt } from "@/lib/quiz/attempts/get-quiz-attempt";
import { getTopicMastery } from "@/lib/quiz/attempts/get-topic-mastery";
import { startQuizAttempt, type StartedQuizAttempt } from "@/lib/quiz/attempts/start-quiz-attempt";
import { submitQuizAttempt } from "@/lib/quiz/attempts/submit-quiz-attempt";
import { loadQuestionBank } from "@/lib/quiz/load-question-bank";
import { prepareQuestions } from "@/lib/quiz/prepare-questions";
import { toPublicQuestion, type PublicQuestion } from "@/lib/quiz/public-question";
import { seedFor } from "@/lib/quiz/seed-for";
import { resolveQuestion, type ResolvedQuestion } from "@/lib/quiz/resolve-question";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

const hasPostgres = await postgresAvailable();
const QUIZ = "race-conditions";
const DAY = 24 * 3600 * 1000;
const ANSWER_KEYS = ["answer", "answers", "explanation", "correctAnswer", "perOption", "perPair", "acceptAlternatives", "tolerance", "generator", "results"];

function keysDeep(v: unknown, acc = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysDeep(x, acc));
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      acc.add(k);
      keysDeep(x, acc);
    }
  }
  return acc;
}
function expectNoAnswers(v: unknown): void {
  const keys = keysDeep(v);
  for (const k of ANSWER_KEYS) expect(keys.has(k), `"${k}" revealed`).toBe(false);
}

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof ApiError) return e.status;
    throw e;
  }
}

function perfect(q: ResolvedQuestion): unknown {
  switch (q.type) {
    case "single": return { type: "single", optionId: q.answer };
    case "multiple": return { type: "multiple", optionIds: q.answers };
    case "truefalse": return { type: "truefalse", value: q.answer };
    case "ordering": return { type: "ordering", order: q.answer };
    case "matching": return { type: "matching", pairs: q.answer };
    case "numeric": return { type: "numeric", value: q.answer };
    case "code-output": return { type: "code-output", output: q.answer };
  }
}

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`quiz integrity on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let quizId: string;
    type U = { id: string; role: string };
    let teacher: U;
    const admin: U = { id: "integrity-admin", role: "ADMIN" };
    let n = 0;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      await syncQuizzes(db);
      quizId = (await db.quiz.findUniqueOrThrow({ where: { slug: QUIZ } })).id;
    });
    afterAll(async () => drop());
    // A course per test: an assignment holds answers back from every student of its course.
    beforeEach(async () => {
      n += 1;
      courseId = (await db.course.create({ data: { code: `INT${n}`, title: "Integrity", joinCode: `INTG-${1000 + n}` } })).id;
      teacher = await student(`teacher${n}`, "INSTRUCTOR");
    });

    /** A course member with a fixed id, so that seeds (and so these tests) are the same on every run. */
    async function student(name: string, courseRole: "STUDENT" | "INSTRUCTOR" = "STUDENT"): Promise<U> {
      const id = `integrity-${name}`;
      const role = courseRole === "INSTRUCTOR" ? "INSTRUCTOR" : "STUDENT";
      await db.user.create({ data: { id, email: `${name}@integrity.example`, name, role } });
      await db.enrollment.create({ data: { courseId, userId: id, role: courseRole } });
      return { id, role };
    }

    async function quizAssignment(data: Partial<{ maxAttempts: number | null; opensAt: Date; dueAt: Date; lateUntil: Date | null; answerRelease: "AFTER_SUBMIT" | "AFTER_DUE" | "NEVER" }> = {}) {
      n += 1;
      return db.assignment.create({
        data: {
          id: `integrity-a${n}`, courseId, kind: "QUIZ", quizId, title: `Quiz ${n}`, published: true,
          opensAt: new Date(Date.now() - DAY), dueAt: new Date(Date.now() + DAY), maxAttempts: 1, ...data,
        },
      });
    }

    /** The variants an attempt really has, as the server resolves them (the test's oracle). */
    async function truth(attemptId: string): Promise<Map<string, ResolvedQuestion>> {
      const a = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      const qs = loadQuestionBank().filter((q) => q.topic === QUIZ);
      const seedOf = (questionId: string) => attemptSeed({ scheme: a.seedScheme, userId: a.userId, questionId, attemptNo: a.attemptNo, assignmentId: a.assignmentId });
      await prepareQuestions(qs, seedOf);
      return new Map(qs.map((q) => [q.id, resolveQuestion(q, seedOf(q.id))]));
    }
    async function perfectResponses(attemptId: string): Promise<Record<string, unknown>> {
      return Object.fromEntries([...(await truth(attemptId)).values()].map((q) => [q.id, perfect(q)]));
    }

    const choices = (q: PublicQuestion) => (q.type === "single" || q.type === "multiple" ? q.options.map((o) => o.id) : []);

    it("practice then graded: practice reveals nothing while the assignment is open, and its answers are not the graded attempt's", async () => {
      const now = Date.now();
      const hits = { positions: 0, choiceQuestions: 0, generatedSame: 0, generated: 0 };
      for (let i = 0; i < 6; i++) {
        const dave = await student(`dave${i}`);
        const a = await quizAssignment({ dueAt: new Date(now + DAY) });
        // A blank practice submission used to return every correct answer.
        const practice = await startQuizAttempt({ user: dave, slug: QUIZ, db });
        const submitted = await submitQuizAttempt({ userId: dave.id, attemptId: practice.attemptId, responses: {}, db });
        expectNoAnswers(submitted);
        expect(submitted.result).toBeNull();
        // Not even the score: practice is unlimited, so a score would answer one question per try.
        expect(submitted.score).toBeNull();
        expect(submitted.release).toMatchObject({ released: false, until: new Date(now + DAY).toISOString() });
        const view = await getQuizAttempt({ viewer: dave, attemptId: practice.attemptId, db });
        expectNoAnswers(view);
        expect(view.score).toBeNull();
        // Only the student's own (blank) responses come back.
        expect(Object.values(view.responses ?? { x: 1 }).every((r) => r === null)).toBe(true);

        // What practice would have taught (by displayed position, or by value for a generated variant) does not carry over.
        const graded = await startQuizAttempt({ user: dave, slug: QUIZ, assignmentId: a.id, db });
        expect(JSON.stringify(graded.questions)).not.toBe(JSON.stringify(practice.questions));
        const [pTruth, gTruth] = [await truth(practice.attemptId), await truth(graded.attemptId)];
        for (const pq of practice.questions) {
          const gq = graded.questions.find((q) => q.id === pq.id)!;
          const [p, g] = [pTruth.get(pq.id)!, gTruth.get(pq.id)!];
          if (p.type === "single" && g.type === "single") {
            hits.choiceQuestions += 1;
            if (choices(gq)[choices(pq).indexOf(p.answer)] === g.answer) hits.positions += 1;
          }
          if (p.params) {
            hits.generated += 1;
            if (JSON.stringify(p.params) === JSON.stringify(g.params)) hits.generatedSame += 1;
          }
        }
        // The graded attempt itself shows its score but no answers until the deadline.
        const gs = await submitQuizAttempt({ userId: dave.id, attemptId: graded.attemptId, responses: {}, db });
        expect(gs.score).toEqual({ total: 0, max: expect.any(Number) });
        expect(gs.result).toBeNull();
        expectNoAnswers(gs);
      }
      // 1/k by chance (k = 4 options); it was every one of them.
      expect(hits.positions / hits.choiceQuestions).toBeLessThan(0.6);
      expect(hits.generatedSame / hits.generated).toBeLessThan(0.5);
    });

    it("after the student's deadline practice and the graded attempt show everything", async () => {
      const erin = await student("erin");
      const now = Date.now();
      const a = await quizAssignment({ dueAt: new Date(now + DAY) });
      const practice = await startQuizAttempt({ user: erin, slug: QUIZ, db });
      expect(practice.release).toMatchObject({ released: false, assignments: [{ id: a.id }] });
      const p = await submitQuizAttempt({ userId: erin.id, attemptId: practice.attemptId, responses: await perfectResponses(practice.attemptId), db });
      expect(p.result).toBeNull();
      const later = new Date(now + 2 * DAY);
      const view = await getQuizAttempt({ viewer: erin, attemptId: practice.attemptId, now: later, db });
      expect(view.result?.total).toBe(view.result?.max);
      expect(view.result?.results[0]?.feedback.explanation).toBeDefined();
      // A practice attempt started after the deadline is not held at all.
      const free = await startQuizAttempt({ user: erin, slug: QUIZ, now: later, db });
      expect(free.release).toEqual({ released: true });
    });

    it("held practice does not move mastery until release (no oracle through the home page)", async () => {
      const fay = await student("fay");
      const now = Date.now();
      await quizAssignment({ dueAt: new Date(now + DAY) });
      const before = (await getTopicMastery(fay.id, db))[QUIZ];
      const practice = await startQuizAttempt({ user: fay, slug: QUIZ, db });
      await submitQuizAttempt({ userId: fay.id, attemptId: practice.attemptId, responses: await perfectResponses(practice.attemptId), db });
      expect((await getTopicMastery(fay.id, db))[QUIZ]).toBe(before);
      expect((await getTopicMastery(fay.id, db, new Date(now + 2 * DAY)))[QUIZ]).toBe(1);
    });

    it("graded variants and option order come from a seed that includes the assignment", async () => {
      const gus = await student("gus");
      const [a1, a2] = [await quizAssignment(), await quizAssignment()];
      const g1 = await startQuizAttempt({ user: gus, slug: QUIZ, assignmentId: a1.id, db });
      const g2 = await startQuizAttempt({ user: gus, slug: QUIZ, assignmentId: a2.id, db });
      expect(g1.attemptNo).toBe(g2.attemptNo);
      expect(JSON.stringify(g1.questions)).not.toBe(JSON.stringify(g2.questions));
      const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: g1.attemptId } });
      expect(stored.seedScheme).toBe(2);
      const q = "race-bank-final-balance";
      const seed = (assignmentId: string | null) => attemptSeed({ scheme: 2, userId: gus.id, questionId: q, attemptNo: 1, assignmentId });
      expect(new Set([seed(a1.id), seed(a2.id), seed(null)]).size).toBe(3);
      // The seed of the stored scheme-1 attempts is unchanged, so their variants are too.
      expect(attemptSeed({ scheme: 1, userId: "alice", questionId: "q", attemptNo: 1, assignmentId: a1.id })).toBe(1969847893);
    });

    it("release policy AFTER_DUE follows the student's own deadline: extension and late window included", async () => {
      const t0 = Date.now();
      const a = await quizAssignment({ dueAt: new Date(t0 + DAY), lateUntil: new Date(t0 + 2 * DAY) });
      expect(a.answerRelease).toBe("AFTER_DUE");
      // …and so is the API's default for a new quiz assignment; the setting is validated.
      const body = { kind: "QUIZ", content: QUIZ, title: "Q", opensAt: "2026-01-01T00:00:00Z", dueAt: "2026-01-02T00:00:00Z" };
      expect(createAssignmentBody.parse(body).answerRelease).toBe("AFTER_DUE");
      expect(createAssignmentBody.safeParse({ ...body, answerRelease: "SOMETIMES" }).success).toBe(false);
      const [hal, ivy] = [await student("hal"), await student("ivy")];
      await db.extension.create({ data: { assignmentId: a.id, userId: ivy.id, dueAt: new Date(t0 + 3 * DAY), lateUntil: new Date(t0 + 4 * DAY) } });
      const attempts: Record<string, string> = {};
      for (const u of [hal, ivy]) {
        const s = await startQuizAttempt({ user: u, slug: QUIZ, assignmentId: a.id, db });
        await submitQuizAttempt({ userId: u.id, attemptId: s.attemptId, responses: await perfectResponses(s.attemptId), db });
        attempts[u.id] = s.attemptId;
      }
      const released = async (u: U, days: number) => {
        const v = await getQuizAttempt({ viewer: u, attemptId: attempts[u.id]!, now: new Date(t0 + days * DAY), db });
        expect(v.score).toBe(v.maxScore);
        if (v.result === null) expectNoAnswers(v);
        return v.result !== null;
      };
      expect(await released(hal, 1.5)).toBe(false); // past the class due date, inside the late window
      expect(await released(hal, 2.5)).toBe(true);
      expect(await released(ivy, 2.5)).toBe(false); // past the class window, inside the extension
      expect(await released(ivy, 3.5)).toBe(false); // inside the extension's late window
      expect(await released(ivy, 4.5)).toBe(true);
      // Staff see everything at once.
      expect((await getQuizAttempt({ viewer: teacher, attemptId: attempts[ivy.id]!, now: new Date(t0), db })).result).not.toBeNull();
    });

    it("release policies AFTER_SUBMIT (once no attempt is left) and NEVER", async () => {
      const jo = await student("jo");
      const now = Date.now();
      const once = await quizAssignment({ answerRelease: "AFTER_SUBMIT", maxAttempts: 1 });
      const s = await startQuizAttempt({ user: jo, slug: QUIZ, assignmentId: once.id, db });
      const r = await submitQuizAttempt({ userId: jo.id, attemptId: s.attemptId, responses: {}, db });
      expect(r.result?.results.length).toBeGreaterThan(0);
      expect(r.release).toEqual({ released: true });

      // With an attempt left, answers would help the next one: held until none is left.
      const twice = await quizAssignment({ answerRelease: "AFTER_SUBMIT", maxAttempts: 2 });
      const t1 = await startQuizAttempt({ user: jo, slug: QUIZ, assignmentId: twice.id, db });
      expect((await submitQuizAttempt({ userId: jo.id, attemptId: t1.attemptId, responses: {}, db })).result).toBeNull();
      const t2 = await startQuizAttempt({ user: jo, slug: QUIZ, assignmentId: twice.id, db });
      expect((await submitQuizAttempt({ userId: jo.id, attemptId: t2.attemptId, responses: {}, db })).result).not.toBeNull();
      expect((await getQuizAttempt({ viewer: jo, attemptId: t1.attemptId, db })).result).not.toBeNull();

      const never = await quizAssignment({ answerRelease: "NEVER", dueAt: new Date(now + DAY) });
      const ns = await startQuizAttempt({ user: jo, slug: QUIZ, assignmentId: never.id, db });
      const nr = await submitQuizAttempt({ userId: jo.id, attemptId: ns.attemptId, responses: {}, db });
      expect(nr.result).toBeNull();
      expect(nr.release).toMatchObject({ released: false, until: null });
      const years = new Date(now + 400 * DAY);
      expectNoAnswers(await getQuizAttempt({ viewer: jo, attemptId: ns.attemptId, now: years, db }));
      // …and practice of that quiz stays held for this student too, or NEVER would leak through it.
      const p = await startQuizAttempt({ user: jo, slug: QUIZ, now: years, db });
      expect(p.release).toMatchObject({ released: false, until: null });
      expect((await getQuizAttempt({ viewer: admin, attemptId: ns.attemptId, now: years, db })).result).not.toBeNull();
    });

    it("options are shuffled deterministically per attempt, and grading maps them back by identity", async () => {
      const kim = await student("kim");
      const a = await quizAssignment({ maxAttempts: 3, answerRelease: "AFTER_SUBMIT" });
      const started: StartedQuizAttempt[] = [];
      let firstShownRight = 0;
      let singlesShown = 0;
      for (let i = 0; i < 3; i++) {
        const s = await startQuizAttempt({ user: kim, slug: QUIZ, assignmentId: a.id, db });
        const again = await startQuizAttempt({ user: kim, slug: QUIZ, assignmentId: a.id, db });
        expect(again.resumed).toBe(true);
        expect(JSON.stringify(again.questions)).toBe(JSON.stringify(s.questions));
        started.push(s);
        const t = await truth(s.attemptId);
        // "Always the first option" scores exactly the singles whose right option happens to be shown first.
        const singles = s.questions.filter((q) => q.type === "single");
        const first = Object.fromEntries(singles.map((q) => [q.id, { type: "single", optionId: choices(q)[0] }]));
        const firstRight = singles.filter((q) => choices(q)[0] === (t.get(q.id) as { answer: string }).answer);
        firstShownRight += firstRight.length;
        singlesShown += singles.length;
        const r = await submitQuizAttempt({ userId: kim.id, attemptId: s.attemptId, responses: i === 2 ? await perfectResponses(s.attemptId) : first, db });
        if (i === 2) expect(r.score?.total).toBe(r.score?.max);
        else expect(r.score?.total).toBe(firstRight.reduce((sum, q) => sum + q.points, 0));
        for (const q of singles) expect(choices(q)).toContain((t.get(q.id) as { answer: string }).answer);
      }
      expect(firstShownRight).toBeLessThan(singlesShown);
      const orders = new Set(started.map((s) => JSON.stringify(s.questions.filter((q) => q.type === "multiple").map(choices))));
      expect(orders.size).toBeGreaterThan(1);
    });

    it("attempts stored before scoped seeds (scheme 1) keep their variants", async () => {
      const old = await student("old");
      const row = await db.quizAttempt.create({ data: { userId: old.id, quizId, attemptNo: 1, seed: 0 } });
      expect(row.seedScheme).toBe(1);
      const view = await getQuizAttempt({ viewer: old, attemptId: row.id, db });
      const qs = loadQuestionBank().filter((q) => q.topic === QUIZ);
      const legacy = (id: string) => seedFor(old.id, id, 1);
      await prepareQuestions(qs, legacy);
      expect(JSON.stringify(view.questions)).toBe(JSON.stringify(qs.map((q) => toPublicQuestion(q, { seed: legacy(q.id) }))));
    });

    it("a removed student's open attempt can no longer be submitted", async () => {
      const lee = await student("lee");
      const a = await quizAssignment();
      const s = await startQuizAttempt({ user: lee, slug: QUIZ, assignmentId: a.id, db });
      await db.enrollment.delete({ where: { courseId_userId: { courseId, userId: lee.id } } });
      expect(await status(submitQuizAttempt({ userId: lee.id, attemptId: s.attemptId, responses: {}, db }))).toBe(403);
      expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })).submittedAt).toBeNull();
      // Practice needs no course and stays open to them.
      const p = await startQuizAttempt({ user: lee, slug: QUIZ, db });
      expect(await status(submitQuizAttempt({ userId: lee.id, attemptId: p.attemptId, responses: {}, db }))).toBe(200);
    });
  });
}
