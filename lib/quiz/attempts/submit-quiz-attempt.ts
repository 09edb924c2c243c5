/**
 * Grades and closes an open attempt. Only the attempt's owner may submit,
 * once, and for an assignment only while still allowed to take it (a student
 * removed from the course is refused). Responses are graded on the server
 * against the variants the student was shown (same seeds). For an assignment
 * the dates are checked again at submission (a late submission is marked
 * late; after the late window it is refused).
 *
 * What is returned follows `answerRelease` (ADR 016): the per-question
 * result with correct answers and explanations only once released; until
 * then a graded attempt shows its score, and practice nothing more than that
 * it was saved (practice is unlimited, so even a score would let a student
 * test one answer per attempt).
 */
import { db as defaultDb, type Db } from "@/lib/db";
import { ApiError, forbiddenError, notFoundError } from "@/lib/http/api-error";
import { gradeAttempt, type AttemptResult } from "../grade-attempt";
import { InvalidResponseError } from "../response-schema";
import { requireAssignmentAccess } from "@/lib/assignments/assignment-access";
import { answerRelease, type AnswerRelease } from "./answer-release";
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
  /** Null for practice whose answers are held. */
  score: { total: number; max: number } | null;
  /** Per-question results with answers and explanations; null until released. */
  result: AttemptResult | null;
  release: AnswerRelease;
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
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true } });
  if (!user) throw forbiddenError();
  let window = { late: false };
  if (attempt.assignment) {
    // Membership is checked again: an attempt started before the student was removed stays open.
    await requireAssignmentAccess(db, attempt.assignment, user);
    window = await attemptWindow(db, attempt.assignment, input.userId, now);
  }

  const { questions, seedOf } = await attemptQuestions(attempt.quiz.questionIds, attempt);
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
  // After the close: AFTER_SUBMIT counts this attempt as submitted.
  const release = await answerRelease(db, { viewer: user, ownerId: attempt.userId, questionIds: questions.map((q) => q.id), now });
  const showScore = release.released || attempt.assignmentId !== null;
  return {
    attemptId: attempt.id,
    attemptNo: attempt.attemptNo,
    late,
    score: showScore ? { total: result.total, max: result.max } : null,
    result: release.released ? result : null,
    release,
    counted,
  };
}
