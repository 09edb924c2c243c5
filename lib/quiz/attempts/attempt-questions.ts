/**
 * The questions of one attempt, with the seeds they are shown and graded with
 * (`attemptSeed`: the attempt's scope, user, question and number, by the attempt's stored
 * seed scheme), and the kernel work of generated variants done. Shared by start, submit and
 * get so that the three always see the same variants and option order.
 */
import { attemptSeed } from "../attempt-seed";
import { loadQuestionBank } from "../load-question-bank";
import { prepareQuestions } from "../prepare-questions";
import type { Question } from "../question-schema";

export interface AttemptQuestions {
  questions: Question[];
  seedOf: (questionId: string) => number;
}

export interface AttemptSeedInput {
  userId: string;
  attemptNo: number;
  assignmentId: string | null;
  seedScheme: number;
}

export async function attemptQuestions(questionIds: string, attempt: AttemptSeedInput): Promise<AttemptQuestions> {
  const byId = new Map(loadQuestionBank().map((q) => [q.id, q]));
  // A question removed from the bank since the quiz was synced is skipped rather than failing the attempt.
  const questions = questionIds
    .split(",")
    .filter(Boolean)
    .flatMap((id) => byId.get(id) ?? []);
  const seedOf = (questionId: string) =>
    attemptSeed({ scheme: attempt.seedScheme, userId: attempt.userId, questionId, attemptNo: attempt.attemptNo, assignmentId: attempt.assignmentId });
  await prepareQuestions(questions, seedOf);
  return { questions, seedOf };
}
