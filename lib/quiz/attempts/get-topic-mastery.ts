/**
 * Per-topic mastery (0..1) of a user from every submitted quiz attempt
 * (practice and assignments): `computeMastery` over the stored per-question
 * scores, against the whole bank (unseen questions count 0).
 */
import { db as defaultDb, type Db } from "@/lib/db";
import { computeMastery, type Mastery } from "../compute-mastery";
import { loadQuestionBank } from "../load-question-bank";
import { isTopicId } from "../topics";

export async function getTopicMastery(userId: string, db: Db = defaultDb()): Promise<Mastery> {
  const bank = loadQuestionBank();
  const topicOf = new Map(bank.map((q) => [q.id, q.topic]));
  const attempts = await db.quizAttempt.findMany({
    where: { userId, submittedAt: { not: null } },
    select: { answers: { select: { questionId: true, score: true, maxScore: true } } },
  });
  const results = attempts.map((a) => ({
    results: a.answers.flatMap((r) => {
      const topic = topicOf.get(r.questionId);
      return topic && isTopicId(topic) ? [{ questionId: r.questionId, topic, score: r.score, maxScore: r.maxScore }] : [];
    }),
  }));
  return computeMastery(results, { bank });
}
