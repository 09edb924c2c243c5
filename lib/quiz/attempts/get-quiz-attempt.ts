/**
 * One attempt as its owner or the course staff may see it. Before
 * submission it carries only the public questions; after submission also
 * the stored responses and, once `answerRelease` allows it (ADR 016), the
 * graded result with explanations and correct answers (regraded from the
 * stored responses, which is deterministic). Until then a graded attempt
 * shows its score and practice not even that.
 *
 * Who may see it: the owner; an admin; for an assignment attempt, the
 * instructors of the assignment's course. Practice attempts are private.
 */
import { db as defaultDb, type Db } from "@/lib/db";
import { forbiddenError, notFoundError } from "@/lib/http/api-error";
import { gradeAttempt, type AttemptResult } from "../grade-attempt";
import { toPublicQuestion, type PublicQuestion } from "../public-question";
import type { LocalizedText } from "../question-schema";
import { answerRelease, type AnswerRelease } from "./answer-release";
import { attemptQuestions } from "./attempt-questions";

export interface QuizAttemptView {
  attemptId: string;
  attemptNo: number;
  userId: string;
  quiz: { slug: string; topic: string; title: LocalizedText };
  assignmentId: string | null;
  late: boolean;
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number | null;
  questions: PublicQuestion<LocalizedText>[];
  responses: Record<string, unknown> | null;
  /** Null until the answers are released to the viewer. */
  result: AttemptResult | null;
  release: AnswerRelease;
}

export async function getQuizAttempt(input: { viewer: { id: string; role: string }; attemptId: string; now?: Date; db?: Db }): Promise<QuizAttemptView> {
  const db = input.db ?? defaultDb();
  const attempt = await db.quizAttempt.findUnique({ where: { id: input.attemptId }, include: { quiz: true, assignment: true, answers: true } });
  if (!attempt) throw notFoundError("Attempt");
  if (attempt.userId !== input.viewer.id && input.viewer.role !== "ADMIN") {
    const courseId = attempt.assignment?.courseId;
    const staff = courseId
      ? await db.enrollment.findUnique({ where: { courseId_userId: { courseId, userId: input.viewer.id } } })
      : null;
    if (!staff || staff.role !== "INSTRUCTOR" || input.viewer.role === "STUDENT") throw forbiddenError();
  }
  const { questions, seedOf } = await attemptQuestions(attempt.quiz.questionIds, attempt);
  const release = await answerRelease(db, { viewer: input.viewer, ownerId: attempt.userId, questionIds: questions.map((q) => q.id), now: input.now ?? new Date() });
  let responses: Record<string, unknown> | null = null;
  let result: AttemptResult | null = null;
  if (attempt.submittedAt) {
    const known = new Set(questions.map((q) => q.id));
    // The student's own responses: showing them back reveals nothing they did not send.
    responses = Object.fromEntries(attempt.answers.filter((a) => known.has(a.questionId)).map((a) => [a.questionId, JSON.parse(a.response) as unknown]));
    if (release.released) result = gradeAttempt(questions, responses, { seed: seedOf });
  }
  const showScore = release.released || attempt.assignmentId !== null;
  return {
    attemptId: attempt.id,
    attemptNo: attempt.attemptNo,
    userId: attempt.userId,
    quiz: { slug: attempt.quiz.slug, topic: attempt.quiz.topic, title: { ko: attempt.quiz.titleKo, en: attempt.quiz.titleEn } },
    assignmentId: attempt.assignmentId,
    late: attempt.late,
    startedAt: attempt.startedAt.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    score: showScore ? attempt.score : null,
    maxScore: showScore ? attempt.maxScore : null,
    questions: questions.map((q) => toPublicQuestion(q, { seed: seedOf(q.id) })),
    responses,
    result,
    release,
  };
}
