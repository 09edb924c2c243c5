import { loadQuestionBank } from "./load-question-bank";
import type { Question } from "./question-schema";
import type { TopicId } from "./topics";

/** The topic's questions in bank order (server-only: loads the bank from disk by default). */
export function questionsForTopic(topic: TopicId, bank: readonly Question[] = loadQuestionBank()): Question[] {
  return bank.filter((q) => q.topic === topic);
}
