/**
 * The questions of one attempt, with the seeds they are shown and graded
 * with (`seedFor(userId, questionId, attemptNo)`), and the kernel work of
 * generated variants done. Shared by start, submit and get so that the three
 * always see the same variants.
 */
import { loadQuestionBank } from "../load-question-bank";
import { prepareQuestions } from "../prepare-questions";
import type { Question } from "../question-schema";
import { seedFor } from "../seed-for";

export interface AttemptQuestions {
  questions: Question[];
  seedOf: (questionId: string) => number;
}

export async function attemptQuestions(questionIds: string, userId: string, attemptNo: number): Promise<AttemptQuestions> {
  const byId = new Map(loadQuestionBank().map((q) => [q.id, q]));
  // A question removed from the bank since the quiz was synced is skipped rather than failing the attempt.
  const questions = questionIds
    .split(",")
    .filter(Boolean)
    .flatMap((id) => byId.get(id) ?? []);
  const seedOf = (questionId: string) => seedFor(userId, questionId, attemptNo);
  await prepareQuestions(questions, seedOf);
  return { questions, seedOf };
}
