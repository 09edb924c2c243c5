/**
 * Per-topic mastery (0..1) of a user from every submitted quiz attempt
 * (practice and assignments): `computeMastery` over the stored per-question
 * scores, against the whole bank (unseen questions count 0).
 *
 * Questions of a quiz assignment whose answers are not yet released to the
 * user count as unseen: a per-question score moving after a practice attempt
 * would tell, one question at a time, which answer is right (ADR 016).
 */
import { db as defaultDb, type Db } from "@/lib/db";
import { computeMastery, type Mastery } from "../compute-mastery";
import { loadQuestionBank } from "../load-question-bank";
import { isTopicId } from "../topics";
import { unreleasedQuizAssignments } from "./unreleased-quiz-assignments";

export async function getTopicMastery(userId: string, db: Db = defaultDb(), now = new Date()): Promise<Mastery> {
  const bank = loadQuestionBank();
  const topicOf = new Map(bank.map((q) => [q.id, q.topic]));
  const held = new Set((await unreleasedQuizAssignments(db, userId, now)).flatMap((a) => a.questionIds));
  const attempts = await db.quizAttempt.findMany({
    where: { userId, submittedAt: { not: null } },
    select: { answers: { select: { questionId: true, score: true, maxScore: true } } },
  });
  const results = attempts.map((a) => ({
    results: a.answers.flatMap((r) => {
      const topic = topicOf.get(r.questionId);
      return topic && isTopicId(topic) && !held.has(r.questionId) ? [{ questionId: r.questionId, topic, score: r.score, maxScore: r.maxScore }] : [];
    }),
  }));
  return computeMastery(results, { bank });
}
