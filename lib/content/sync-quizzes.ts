import crypto from "node:crypto";
import type { Db } from "../db";
import { loadQuestionBank } from "../quiz/load-question-bank";
import { questionsForTopic } from "../quiz/questions-for-topic";
import { loadLessons } from "./load-lessons";

/**
 * One quiz per topic (its slug is the topic id), made of the topic's questions in the bank;
 * titles come from the topic's lesson. Quizzes of topics that lost their questions are archived.
 */
export async function syncQuizzes(db: Db): Promise<{ upserted: number; archived: number }> {
  const bank = loadQuestionBank();
  const lessons = new Map(loadLessons().map((l) => [l.topic, l]));
  const topics = [...new Set(bank.map((q) => q.topic))];
  for (const topic of topics) {
    const questions = questionsForTopic(topic, bank);
    const lesson = lessons.get(topic);
    const data = {
      titleKo: lesson?.title.ko ?? topic,
      titleEn: lesson?.title.en ?? topic,
      topic,
      questionIds: questions.map((q) => q.id).join(","),
      contentHash: crypto.createHash("sha256").update(JSON.stringify(questions)).digest("hex").slice(0, 16),
      archived: false,
    };
    await db.quiz.upsert({ where: { slug: topic }, update: data, create: { slug: topic, ...data } });
  }
  const { count } = await db.quiz.updateMany({ where: { slug: { notIn: topics }, archived: false }, data: { archived: true } });
  return { upserted: topics.length, archived: count };
}
