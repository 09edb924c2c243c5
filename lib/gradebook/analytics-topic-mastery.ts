import { db } from "../db";
import { computeMastery } from "../quiz/compute-mastery";
import { loadQuestionBank } from "../quiz/load-question-bank";
import { isTopicId, TOPIC_IDS, type TopicId } from "../quiz/topics";

/**
 * Class-wide topic mastery: each student's mastery (the quiz module's rule, over the whole
 * bank, from every submitted attempt), averaged over the course's students, with how many
 * students have attempted anything on the topic.
 */
export async function analyticsTopicMastery(studentIds: readonly string[]) {
  const bank = loadQuestionBank();
  const topicOf = new Map(bank.map((q) => [q.id, q.topic]));
  const answers = await db().quizAnswer.findMany({
    where: { attempt: { userId: { in: [...studentIds] }, submittedAt: { not: null } } },
    select: { questionId: true, score: true, maxScore: true, attempt: { select: { userId: true } } },
  });
  const byStudent = new Map<string, Array<{ questionId: string; topic: TopicId; score: number; maxScore: number }>>();
  for (const a of answers) {
    const topic = topicOf.get(a.questionId);
    if (!topic || !isTopicId(topic)) continue;
    const list = byStudent.get(a.attempt.userId) ?? [];
    list.push({ questionId: a.questionId, topic, score: a.score, maxScore: a.maxScore });
    byStudent.set(a.attempt.userId, list);
  }
  const sums = new Map<TopicId, { sum: number; active: number }>(TOPIC_IDS.map((t) => [t, { sum: 0, active: 0 }]));
  for (const results of byStudent.values()) {
    const mastery = computeMastery([{ results }], { bank });
    const touched = new Set(results.map((r) => r.topic));
    for (const t of TOPIC_IDS) {
      sums.get(t)!.sum += mastery[t];
      if (touched.has(t)) sums.get(t)!.active++;
    }
  }
  // Students who never took a quiz count as 0 mastery: this is the class's mastery, not the keen ones'.
  return TOPIC_IDS.map((topic) => ({ topic, mastery: studentIds.length ? sums.get(topic)!.sum / studentIds.length : 0, students: sums.get(topic)!.active }));
}
