/**
 * Grades and closes an open attempt. Only the attempt's owner may submit,
 * once. Responses are graded on the server against the variants the
 * student was shown (same seeds); the result — per-question score, partial
 * credit, explanations per option and the correct answers — is returned
 * only now. For an assignment the dates are checked again at submission
 * (a late submission is marked late; after the late window it is refused).
 */
import { db as defaultDb, type Db } from "@/lib/db";
import { ApiError, forbiddenError, notFoundError } from "@/lib/http/api-error";
import { gradeAttempt, type AttemptResult } from "../grade-attempt";
import { InvalidResponseError } from "../response-schema";
import { attemptQuestions } from "./attempt-questions";
import { attemptWindow } from "./attempt-window";
import { countedQuizScore } from "./counted-quiz-score";

export interface SubmitQuizAttemptInput {
  userId: string;
  attemptId: string;
  responses: Record<string, unknown>;
  now?: Date;
  db?: Db;
}

export interface SubmittedQuizAttempt {
  attemptId: string;
  attemptNo: number;
  late: boolean;
  result: AttemptResult;
  /** For an assignment: the score that counts under its BEST/LAST policy after this attempt. */
  counted: { score: number; maxScore: number; attemptNo: number; policy: "BEST" | "LAST" } | null;
}

export async function submitQuizAttempt(input: SubmitQuizAttemptInput): Promise<SubmittedQuizAttempt> {
  const db = input.db ?? defaultDb();
  const now = input.now ?? new Date();
  const attempt = await db.quizAttempt.findUnique({ where: { id: input.attemptId }, include: { quiz: true, assignment: true } });
  if (!attempt) throw notFoundError("Attempt");
  if (attempt.userId !== input.userId) throw forbiddenError();
  if (attempt.submittedAt) throw new ApiError(409, "This attempt has already been submitted.", { reason: "already-submitted" });
  const window = attempt.assignment ? await attemptWindow(db, attempt.assignment, input.userId, now) : { late: false };

  const { questions, seedOf } = await attemptQuestions(attempt.quiz.questionIds, attempt.userId, attempt.attemptNo);
  let result: AttemptResult;
  try {
    result = gradeAttempt(questions, input.responses, { seed: seedOf });
  } catch (e) {
    if (e instanceof InvalidResponseError) throw new ApiError(400, e.message, { questionId: e.questionId, issues: e.issues });
    throw e;
  }
  const late = attempt.late || window.late;

  await db.$transaction(async (tx) => {
    // Conditional close: of two concurrent submissions only one finds the attempt still open.
    const closed = await tx.quizAttempt.updateMany({
      where: { id: attempt.id, submittedAt: null },
      data: { submittedAt: now, score: result.total, maxScore: result.max, late },
    });
    if (closed.count !== 1) throw new ApiError(409, "This attempt has already been submitted.", { reason: "already-submitted" });
    await tx.quizAnswer.createMany({
      data: result.results.map((r) => ({
        attemptId: attempt.id,
        questionId: r.questionId,
        response: JSON.stringify(input.responses[r.questionId] ?? null),
        score: r.score,
        maxScore: r.maxScore,
        correct: r.correct,
      })),
    });
  });

  let counted: SubmittedQuizAttempt["counted"] = null;
  if (attempt.assignment) {
    const all = await db.quizAttempt.findMany({ where: { userId: attempt.userId, quizId: attempt.quizId, assignmentId: attempt.assignmentId } });
    const c = countedQuizScore(all, attempt.assignment.attemptPolicy);
    if (c) counted = { ...c, policy: attempt.assignment.attemptPolicy };
  }
  return { attemptId: attempt.id, attemptNo: attempt.attemptNo, late, result, counted };
}
