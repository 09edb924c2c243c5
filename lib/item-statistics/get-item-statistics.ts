import { db } from "../db";
import { notFoundError } from "../http/api-error";
import { attemptSeed } from "../quiz/attempt-seed";
import { loadQuestionBank } from "../quiz/load-question-bank";
import { isGenerated } from "../quiz/question-schema";
import { resolveQuestion } from "../quiz/resolve-question";
import { counterexampleShape } from "./counterexample-shape";
import { exerciseItemStatistics, type ExerciseItemStats } from "./exercise-item-statistics";
import { quizItemStatistics, type QuizItemStats } from "./quiz-item-statistics";
import { storedFailureKind } from "./stored-failure-kind";

export type ItemStatistics =
  | { kind: "QUIZ"; assignment: { id: string; title: string }; attempts: number; questions: QuizItemStats[] }
  | ({ kind: "EXERCISE"; assignment: { id: string; title: string }; submissions: number } & ExerciseItemStats);

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Item statistics of one of the course's assignments, over its *students'* work (staff trying
 * it out are left out):
 * - a quiz: each student's first submitted attempt (what they knew before seeing feedback),
 *   analysed question by question, with generated questions' variants recomputed from the
 *   attempt's seed exactly as they were shown;
 * - an exercise: every graded submission, test by test.
 */
export async function getItemStatistics(courseId: string, assignmentId: string): Promise<ItemStatistics> {
  const assignment = await db().assignment.findFirst({ where: { id: assignmentId, courseId }, select: { id: true, title: true, kind: true } });
  if (!assignment) throw notFoundError("Assignment");
  const students = { user: { enrollments: { some: { courseId, role: "STUDENT" as const } } } };
  const head = { id: assignment.id, title: assignment.title };
  if (assignment.kind === "QUIZ") {
    const rows = await db().quizAttempt.findMany({
      where: { assignmentId, submittedAt: { not: null }, ...students },
      orderBy: [{ userId: "asc" }, { attemptNo: "asc" }],
      select: { id: true, userId: true, attemptNo: true, seedScheme: true, answers: { select: { questionId: true, score: true, maxScore: true, response: true } } },
    });
    const first = rows.filter((r, i) => i === 0 || rows[i - 1].userId !== r.userId);
    const bank = new Map(loadQuestionBank().map((q) => [q.id, q]));
    const variantOf = (questionId: string, a: (typeof first)[number]) => {
      const question = bank.get(questionId);
      if (!question || !isGenerated(question)) return null;
      const seed = attemptSeed({ scheme: a.seedScheme, userId: a.userId, questionId, attemptNo: a.attemptNo, assignmentId });
      return JSON.stringify(resolveQuestion(question, seed).params ?? {});
    };
    const attempts = first.map((a) => ({ id: a.id, answers: a.answers.map((x) => ({ ...x, response: parseJson(x.response), variant: variantOf(x.questionId, a) })) }));
    return { kind: "QUIZ", assignment: head, attempts: attempts.length, questions: quizItemStatistics(attempts) };
  }
  const submissions = await db().submission.findMany({
    where: { assignmentId, status: "GRADED", ...students },
    select: { userId: true, submittedAt: true, score: true, maxScore: true, results: { select: { testId: true, title: true, passed: true, trace: true } } },
  });
  const rows = submissions.map((s) => ({
    ...s,
    results: s.results.map((r) => {
      const trace = r.passed ? null : parseJson(r.trace);
      return { testId: r.testId, title: r.title, passed: r.passed, failureKind: storedFailureKind(trace), shape: counterexampleShape(trace) };
    }),
  }));
  return { kind: "EXERCISE", assignment: head, submissions: rows.length, ...exerciseItemStatistics(rows) };
}
