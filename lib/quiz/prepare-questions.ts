import { getGenerator } from "./generators";
import { isGenerated, type Question } from "./question-schema";

/**
 * Runs the asynchronous part of generated questions (the simulated kernel)
 * for the seeds they will be shown and graded with. Call before
 * `toPublicQuestion` / `gradeQuestion` / `gradeAttempt`, which are synchronous.
 */
export async function prepareQuestions(questions: readonly Question[], seed: number | ((questionId: string) => number)): Promise<void> {
  for (const q of questions) {
    if (!isGenerated(q)) continue;
    await getGenerator(q.generator)?.prepare?.(typeof seed === "function" ? seed(q.id) : seed);
  }
}
