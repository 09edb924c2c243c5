/**
 * Per-topic mastery (0..1) over quiz questions AND coding exercises: each exercise counts as
 * one more item of every topic it covers (its manifest's `topics`), scored by the student's
 * best graded submission (score / maxScore, 0 when never graded), next to the questions of
 * getTopicMastery (each the best score on it, unseen ones 0). A topic's mastery is the mean
 * over all its items, so a student who solved the pipeline exercise sees it in "pipes".
 */
import { db as defaultDb, type Db } from "@/lib/db";
import { computeMastery, type Mastery } from "../compute-mastery";
import { loadQuestionBank } from "../load-question-bank";
import { isTopicId, type TopicId } from "../topics";
import { unreleasedQuizAssignments } from "./unreleased-quiz-assignments";

export async function getTopicMasteryWithExercises(userId: string, db: Db = defaultDb(), now = new Date()): Promise<Mastery> {
  const bank = loadQuestionBank();
  const topicOf = new Map(bank.map((q) => [q.id, q.topic]));
  const held = new Set((await unreleasedQuizAssignments(db, userId, now)).flatMap((a) => a.questionIds));
  const [attempts, exercises, submissions] = await Promise.all([
    db.quizAttempt.findMany({ where: { userId, submittedAt: { not: null } }, select: { answers: { select: { questionId: true, score: true, maxScore: true } } } }),
    db.exercise.findMany({ where: { archived: false }, select: { id: true, slug: true, topics: true } }),
    db.submission.findMany({ where: { userId, status: "GRADED" }, select: { exerciseId: true, score: true, maxScore: true } }),
  ]);
  // An exercise is an item of each of its topics: "exercise:<slug>:<topic>" beside the question ids.
  const items: Array<{ id: string; topic: TopicId }> = [];
  const itemsOf = new Map<string, Array<{ id: string; topic: TopicId }>>();
  for (const e of exercises) {
    const mine = e.topics
      .split(",")
      .map((t) => t.trim())
      .filter(isTopicId)
      .map((topic) => ({ id: `exercise:${e.slug}:${topic}`, topic }));
    items.push(...mine);
    itemsOf.set(e.id, mine);
  }
  const results = attempts.map((a) => ({
    results: a.answers.flatMap((r) => {
      const topic = topicOf.get(r.questionId);
      return topic && isTopicId(topic) && !held.has(r.questionId) ? [{ questionId: r.questionId, topic, score: r.score, maxScore: r.maxScore }] : [];
    }),
  }));
  results.push({
    results: submissions.flatMap((s) => (itemsOf.get(s.exerciseId) ?? []).map((item) => ({ questionId: item.id, topic: item.topic, score: s.score ?? 0, maxScore: s.maxScore ?? 0 }))),
  });
  // computeMastery reads only the id and topic of the bank's entries.
  const withExercises = [...bank, ...items] as unknown as typeof bank;
  return computeMastery(results, { bank: withExercises });
}
