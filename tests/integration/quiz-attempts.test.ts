import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { syncQuizzes } from "@/lib/content/sync-quizzes";
import { ApiError } from "@/lib/http/api-error";
import { getQuizAttempt } from "@/lib/quiz/attempts/get-quiz-attempt";
import { getTopicMastery } from "@/lib/quiz/attempts/get-topic-mastery";
import { startQuizAttempt } from "@/lib/quiz/attempts/start-quiz-attempt";
import { submitQuizAttempt } from "@/lib/quiz/attempts/submit-quiz-attempt";
import { loadQuestionBank } from "@/lib/quiz/load-question-bank";
import { prepareQuestions } from "@/lib/quiz/prepare-questions";
import { resolveQuestion, type ResolvedQuestion } from "@/lib/quiz/resolve-question";
import { attemptSeed } from "@/lib/quiz/attempt-seed";
import { createTestDatabase } from "../helpers/test-database";

let db: Db;
let drop: () => Promise<void>;
let courseId: string;
type U = { id: string; role: string };
let alice: U, bob: U, carol: U, teacher: U, outsider: U;
const QUIZ = "race-conditions";
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase("sqlite"));
  setDb(db);
  await syncQuizzes(db);
  const course = await db.course.create({ data: { code: "Q1", title: "Quiz course", joinCode: "QUIZ-0001" } });
  courseId = course.id;
  const mk = async (name: string, role: "STUDENT" | "INSTRUCTOR", courseRole: "STUDENT" | "INSTRUCTOR" | null) => {
    const u = await db.user.create({ data: { email: `${name}@example.com`, name, role } });
    if (courseRole) await db.enrollment.create({ data: { courseId, userId: u.id, role: courseRole } });
    return { id: u.id, role };
  };
  alice = await mk("alice", "STUDENT", "STUDENT");
  bob = await mk("bob", "STUDENT", "STUDENT");
  carol = await mk("carol", "STUDENT", "STUDENT");
  teacher = await mk("teacher", "INSTRUCTOR", "INSTRUCTOR");
  outsider = await mk("outsider", "STUDENT", null);
});
afterAll(async () => drop());

/** The response that scores full marks on a resolved question. */
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

async function perfectResponses(userId: string, attemptNo: number, assignmentId: string | null = null): Promise<Record<string, unknown>> {
  const qs = loadQuestionBank().filter((q) => q.topic === QUIZ);
  const seedOf = (id: string) => attemptSeed({ scheme: 2, userId, questionId: id, attemptNo, assignmentId });
  await prepareQuestions(qs, seedOf);
  return Object.fromEntries(qs.map((q) => [q.id, perfect(resolveQuestion(q, seedOf(q.id)))]));
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

async function quizAssignment(data: Partial<{ maxAttempts: number | null; attemptPolicy: "BEST" | "LAST"; opensAt: Date; dueAt: Date; lateUntil: Date | null; published: boolean }>) {
  const quiz = await db.quiz.findUniqueOrThrow({ where: { slug: QUIZ } });
  return db.assignment.create({
    data: {
      courseId, kind: "QUIZ", quizId: quiz.id, title: "Race quiz", published: true,
      opensAt: new Date(Date.now() - DAY), dueAt: new Date(Date.now() + DAY), ...data,
    },
  });
}

const ANSWER_KEYS = ["answer", "answers", "explanation", "correctAnswer", "perOption", "acceptAlternatives", "tolerance", "generator"];
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

describe("practice attempts (no assignment)", () => {
  it("resumes the open attempt with the same variant, and two students see different variants", async () => {
    const a1 = await startQuizAttempt({ user: alice, slug: QUIZ, db });
    const a2 = await startQuizAttempt({ user: alice, slug: QUIZ, db });
    expect(a1).toMatchObject({ attemptNo: 1, resumed: false });
    expect(a2).toMatchObject({ attemptId: a1.attemptId, resumed: true });
    expect(JSON.stringify(a2.questions)).toBe(JSON.stringify(a1.questions));
    const b1 = await startQuizAttempt({ user: bob, slug: QUIZ, db });
    expect(b1.questions.map((q) => q.id)).toEqual(a1.questions.map((q) => q.id));
    expect(JSON.stringify(b1.questions)).not.toBe(JSON.stringify(a1.questions));
    expect(a1.questions.length).toBeGreaterThan(5);
  });

  it("sends no answers or explanations before submission", async () => {
    const started = await startQuizAttempt({ user: alice, slug: QUIZ, db });
    const keys = keysDeep(started.questions);
    for (const k of ANSWER_KEYS) expect(keys.has(k), k).toBe(false);
    const json = JSON.stringify(started);
    for (const q of loadQuestionBank().filter((x) => x.topic === QUIZ)) {
      const r = resolveQuestion(q, attemptSeed({ scheme: 2, userId: alice.id, questionId: q.id, attemptNo: started.attemptNo, assignmentId: null }));
      expect(json).not.toContain(JSON.stringify(r.explanation.en).slice(1, 40));
      if (r.type === "single" || r.type === "multiple") for (const o of r.options) expect(json).not.toContain(JSON.stringify(o.explanation.en).slice(1, -1));
    }
    const view = await getQuizAttempt({ viewer: alice, attemptId: started.attemptId, db });
    expect(view.result).toBeNull();
    expect(view.responses).toBeNull();
  });

  it("grades on submit with per-option feedback and correct answers, once; then starts attempt 2", async () => {
    const { attemptId } = await startQuizAttempt({ user: alice, slug: QUIZ, db });
    const responses = await perfectResponses(alice.id, 1);
    const ids = Object.keys(responses);
    // One question left out: partial score.
    delete responses[ids[1] as string];
    const submitted = await submitQuizAttempt({ userId: alice.id, attemptId, responses, db });
    // Practice of a quiz no assignment holds back: everything is shown at once.
    expect(submitted.release).toEqual({ released: true });
    const done = { ...submitted, result: submitted.result! };
    expect(done.result.results).toHaveLength(ids.length);
    expect(done.result.total).toBe(done.result.max - (done.result.results.find((r) => r.questionId === ids[1])?.maxScore ?? 0));
    const single = done.result.results.find((r) => r.type === "single" && r.feedback.perOption);
    expect(single?.feedback.perOption?.every((o) => o.explanation.en.length > 0)).toBe(true);
    expect(single?.feedback.correctAnswer).toBeDefined();
    expect(await status(submitQuizAttempt({ userId: alice.id, attemptId, responses, db }))).toBe(409);
    expect(await db.quizAnswer.count({ where: { attemptId } })).toBe(ids.length);
    const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(stored).toMatchObject({ score: done.result.total, maxScore: done.result.max });
    expect(stored.submittedAt).not.toBeNull();

    const view = await getQuizAttempt({ viewer: alice, attemptId, db });
    expect(view.result?.total).toBe(done.result.total);
    const next = await startQuizAttempt({ user: alice, slug: QUIZ, db });
    expect(next).toMatchObject({ attemptNo: 2, resumed: false });
  });

  it("refuses malformed responses with 400 and others' attempts with 403", async () => {
    const { attemptId } = await startQuizAttempt({ user: carol, slug: QUIZ, db });
    const qid = loadQuestionBank().find((q) => q.topic === QUIZ)!.id;
    expect(await status(submitQuizAttempt({ userId: carol.id, attemptId, responses: { [qid]: { type: "bogus" } }, db }))).toBe(400);
    expect(await status(submitQuizAttempt({ userId: carol.id, attemptId, responses: { "not-in-quiz": null }, db }))).toBe(400);
    expect(await status(submitQuizAttempt({ userId: bob.id, attemptId, responses: {}, db }))).toBe(403);
    expect(await status(getQuizAttempt({ viewer: bob, attemptId, db }))).toBe(403);
    // Practice attempts are private: course staff do not see them.
    expect(await status(getQuizAttempt({ viewer: teacher, attemptId, db }))).toBe(403);
    expect(await status(getQuizAttempt({ viewer: { id: "x", role: "ADMIN" }, attemptId, db }))).toBe(200);
    expect(await status(startQuizAttempt({ user: carol, slug: "no-such-quiz", db }))).toBe(404);
  });
});

describe("assignment attempts", () => {
  it("caps attempts at maxAttempts and counts the BEST one", async () => {
    const a = await quizAssignment({ maxAttempts: 2, attemptPolicy: "BEST" });
    const s1 = await startQuizAttempt({ user: bob, slug: QUIZ, assignmentId: a.id, db });
    expect(s1).toMatchObject({ attemptNo: 1, attemptsUsed: 1, assignment: { maxAttempts: 2, attemptPolicy: "BEST" } });
    const r1 = await submitQuizAttempt({ userId: bob.id, attemptId: s1.attemptId, responses: await perfectResponses(bob.id, 1, a.id), db });
    expect(r1.counted).toMatchObject({ attemptNo: 1, score: r1.score?.max });
    const s2 = await startQuizAttempt({ user: bob, slug: QUIZ, assignmentId: a.id, db });
    expect(s2.attemptNo).toBe(2);
    const r2 = await submitQuizAttempt({ userId: bob.id, attemptId: s2.attemptId, responses: {}, db });
    expect(r2.score?.total).toBe(0);
    expect(r2.counted).toMatchObject({ attemptNo: 1, score: r1.score?.max, policy: "BEST" });
    expect(await status(startQuizAttempt({ user: bob, slug: QUIZ, assignmentId: a.id, db }))).toBe(409);
    // Practice stays unlimited and separate from the assignment.
    expect(await status(startQuizAttempt({ user: bob, slug: QUIZ, db }))).toBe(200);
  });

  it("counts the LAST attempt under the LAST policy", async () => {
    const a = await quizAssignment({ maxAttempts: 3, attemptPolicy: "LAST" });
    const s1 = await startQuizAttempt({ user: carol, slug: QUIZ, assignmentId: a.id, db });
    await submitQuizAttempt({ userId: carol.id, attemptId: s1.attemptId, responses: await perfectResponses(carol.id, 1, a.id), db });
    const s2 = await startQuizAttempt({ user: carol, slug: QUIZ, assignmentId: a.id, db });
    const r2 = await submitQuizAttempt({ userId: carol.id, attemptId: s2.attemptId, responses: {}, db });
    expect(r2.counted).toMatchObject({ attemptNo: 2, score: 0, policy: "LAST" });
  });

  it("applies the dates: not open, on time, late until lateUntil, then closed; extensions move them", async () => {
    const now = Date.now();
    const future = await quizAssignment({ opensAt: new Date(now + DAY), dueAt: new Date(now + 2 * DAY) });
    expect(await status(startQuizAttempt({ user: alice, slug: QUIZ, assignmentId: future.id, db }))).toBe(403);

    const lateOne = await quizAssignment({ opensAt: new Date(now - 3 * DAY), dueAt: new Date(now - DAY), lateUntil: new Date(now + DAY) });
    const late = await startQuizAttempt({ user: alice, slug: QUIZ, assignmentId: lateOne.id, db });
    expect(late.late).toBe(true);
    const submitted = await submitQuizAttempt({ userId: alice.id, attemptId: late.attemptId, responses: {}, db });
    expect(submitted.late).toBe(true);

    const closed = await quizAssignment({ opensAt: new Date(now - 3 * DAY), dueAt: new Date(now - DAY) });
    expect(await status(startQuizAttempt({ user: alice, slug: QUIZ, assignmentId: closed.id, db }))).toBe(403);
    await db.extension.create({ data: { assignmentId: closed.id, userId: alice.id, dueAt: new Date(now + DAY) } });
    const extended = await startQuizAttempt({ user: alice, slug: QUIZ, assignmentId: closed.id, db });
    expect(extended.late).toBe(false);

    // An attempt started in time but submitted after the window closes is refused.
    const open = await quizAssignment({ opensAt: new Date(now - DAY), dueAt: new Date(now + DAY) });
    const s = await startQuizAttempt({ user: alice, slug: QUIZ, assignmentId: open.id, db });
    expect(await status(submitQuizAttempt({ userId: alice.id, attemptId: s.attemptId, responses: {}, now: new Date(now + 2 * DAY), db }))).toBe(403);
  });

  it("lets only course members take it, and course staff view attempts", async () => {
    const a = await quizAssignment({});
    expect(await status(startQuizAttempt({ user: outsider, slug: QUIZ, assignmentId: a.id, db }))).toBe(403);
    const draft = await quizAssignment({ published: false });
    expect(await status(startQuizAttempt({ user: alice, slug: QUIZ, assignmentId: draft.id, db }))).toBe(404);
    expect(await status(startQuizAttempt({ user: alice, slug: "pipes", assignmentId: a.id, db }))).toBe(404);
    const s = await startQuizAttempt({ user: alice, slug: QUIZ, assignmentId: a.id, db });
    expect(await status(getQuizAttempt({ viewer: teacher, attemptId: s.attemptId, db }))).toBe(200);
    expect(await status(getQuizAttempt({ viewer: bob, attemptId: s.attemptId, db }))).toBe(403);
  });
});

describe("mastery", () => {
  it("grows with submitted attempts and counts the best score per question over the topic's bank", async () => {
    const fresh = await db.user.create({ data: { email: "m@example.com", name: "M" } });
    const user = { id: fresh.id, role: "STUDENT" };
    expect((await getTopicMastery(user.id, db))[QUIZ]).toBe(0);
    const s = await startQuizAttempt({ user, slug: QUIZ, db });
    const responses = await perfectResponses(user.id, 1);
    const half = Object.fromEntries(Object.entries(responses).slice(0, 3));
    await submitQuizAttempt({ userId: user.id, attemptId: s.attemptId, responses: half, db });
    const m1 = (await getTopicMastery(user.id, db))[QUIZ];
    expect(m1).toBeGreaterThan(0);
    expect(m1).toBeLessThan(1);
    const s2 = await startQuizAttempt({ user, slug: QUIZ, db });
    await submitQuizAttempt({ userId: user.id, attemptId: s2.attemptId, responses: await perfectResponses(user.id, 2), db });
    expect((await getTopicMastery(user.id, db))[QUIZ]).toBe(1);
    expect((await getTopicMastery(user.id, db)).pipes).toBe(0);
  });
});
