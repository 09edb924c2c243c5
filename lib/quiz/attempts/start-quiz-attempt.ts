/**
 * Starts a quiz attempt, or resumes the user's open one (so a reload shows
 * the same variant). Returns only public, redacted questions: no answers,
 * no explanations.
 *
 * Policies: without an assignment, practice is unlimited. With one, the
 * assignment's dates apply (not open → 403, after lateUntil/dueAt → 403,
 * between dueAt and lateUntil the attempt is marked late) and `maxAttempts`
 * caps the number of attempts (409 when used up).
 *
 * Variants and option order come from `attemptSeed` with the attempt's scope (the
 * assignment, or practice), so practice never shows a graded attempt's variants. `release`
 * tells the student up front whether answers will be shown on submission, and until when
 * they are held (practice of a quiz that is part of their open assignment: ADR 016).
 */
import { db as defaultDb, type Db } from "@/lib/db";
import { ApiError, notFoundError } from "@/lib/http/api-error";
import { toPublicQuestion, type PublicQuestion } from "../public-question";
import type { LocalizedText } from "../question-schema";
import { attemptSeed } from "../attempt-seed";
import { answerRelease, type AnswerRelease } from "./answer-release";
import { attemptQuestions } from "./attempt-questions";
import { attemptWindow } from "./attempt-window";
import { quizAssignmentFor } from "./quiz-assignment";

export interface StartQuizAttemptInput {
  user: { id: string; role: string };
  slug: string;
  assignmentId?: string | null;
  now?: Date;
  db?: Db;
}

export interface StartedQuizAttempt {
  attemptId: string;
  attemptNo: number;
  resumed: boolean;
  late: boolean;
  quiz: { slug: string; topic: string; title: LocalizedText };
  assignment: {
    id: string;
    title: string;
    maxAttempts: number | null;
    attemptPolicy: "BEST" | "LAST";
    dueAt: string;
    answerRelease: "AFTER_SUBMIT" | "AFTER_DUE" | "NEVER";
  } | null;
  /** Whether this attempt's answers and explanations would be shown if it were submitted now. */
  release: AnswerRelease;
  /** Attempts started so far in this context (practice or the assignment), including this one. */
  attemptsUsed: number;
  questions: PublicQuestion<LocalizedText>[];
}

export async function startQuizAttempt(input: StartQuizAttemptInput): Promise<StartedQuizAttempt> {
  const db = input.db ?? defaultDb();
  const now = input.now ?? new Date();
  const quiz = await db.quiz.findUnique({ where: { slug: input.slug } });
  if (!quiz || quiz.archived) throw notFoundError("Quiz");
  const assignment = input.assignmentId ? await quizAssignmentFor(db, input.assignmentId, quiz.id, input.user) : null;
  const window = assignment ? await attemptWindow(db, assignment, input.user.id, now) : { late: false };
  const scope = { userId: input.user.id, quizId: quiz.id, assignmentId: assignment?.id ?? null };

  // Serialised per database so that two tabs starting at once cannot both create attempt n.
  const { attempt, resumed, used } = await db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.findMany({ where: scope, orderBy: { attemptNo: "desc" } });
    const open = attempts.find((a) => a.submittedAt === null);
    if (open) return { attempt: open, resumed: true, used: attempts.length };
    if (assignment?.maxAttempts != null && attempts.length >= assignment.maxAttempts) {
      throw new ApiError(409, "No attempts left for this quiz.", { reason: "no-attempts-left", maxAttempts: assignment.maxAttempts });
    }
    const attemptNo = (attempts[0]?.attemptNo ?? 0) + 1;
    const seedScheme = 2;
    const created = await tx.quizAttempt.create({
      // The attempt-level seed is informational (per-question seeds are derived); stored as a signed 32-bit Int.
      data: {
        ...scope,
        attemptNo,
        seedScheme,
        seed: attemptSeed({ scheme: seedScheme, userId: input.user.id, questionId: quiz.slug, attemptNo, assignmentId: scope.assignmentId }) | 0,
        late: window.late,
      },
    });
    return { attempt: created, resumed: false, used: attempts.length + 1 };
  });

  const { questions, seedOf } = await attemptQuestions(quiz.questionIds, attempt);
  const release = await answerRelease(db, { viewer: input.user, ownerId: attempt.userId, questionIds: questions.map((q) => q.id), now });
  return {
    attemptId: attempt.id,
    attemptNo: attempt.attemptNo,
    resumed,
    late: attempt.late,
    quiz: { slug: quiz.slug, topic: quiz.topic, title: { ko: quiz.titleKo, en: quiz.titleEn } },
    assignment: assignment
      ? {
          id: assignment.id,
          title: assignment.title,
          maxAttempts: assignment.maxAttempts,
          attemptPolicy: assignment.attemptPolicy,
          dueAt: assignment.dueAt.toISOString(),
          answerRelease: assignment.answerRelease,
        }
      : null,
    release,
    attemptsUsed: used,
    questions: questions.map((q) => toPublicQuestion(q, { seed: seedOf(q.id) })),
  };
}
