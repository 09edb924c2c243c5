import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { getTopicMasteryWithExercises } from "@/lib/quiz/attempts/get-topic-mastery-with-exercises";
import { loadQuestionBank } from "@/lib/quiz/load-question-bank";
import { createTestDatabase } from "../helpers/test-database";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase("sqlite"));
});
afterAll(async () => drop());

describe("getTopicMasteryWithExercises", () => {
  it("counts each exercise as one more item of its topics, scored by the best graded submission", async () => {
    const pipesQuestions = loadQuestionBank().filter((q) => q.topic === "pipes").length;
    expect(pipesQuestions).toBeGreaterThan(0);
    const user = await db.user.create({ data: { email: "mastery@example.com", name: "Mastery", role: "STUDENT" } });
    const exercise = await db.exercise.create({ data: { slug: "pipe-pipeline", titleKo: "파이프라인", titleEn: "Pipeline", topics: "pipes" } });
    await db.exercise.create({ data: { slug: "archived-one", titleKo: "x", titleEn: "x", topics: "pipes", archived: true } });

    // Never submitted: the exercise counts 0 beside the unseen questions.
    expect((await getTopicMasteryWithExercises(user.id, db)).pipes).toBe(0);

    await db.submission.create({ data: { userId: user.id, exerciseId: exercise.id, source: "", status: "GRADED", score: 40, maxScore: 100 } });
    await db.submission.create({ data: { userId: user.id, exerciseId: exercise.id, source: "", status: "GRADED", score: 100, maxScore: 100 } });
    // A failed grading is no score.
    await db.submission.create({ data: { userId: user.id, exerciseId: exercise.id, source: "", status: "FAILED", score: null, maxScore: null } });
    const mastery = await getTopicMasteryWithExercises(user.id, db);
    // The best submission (1) over the topic's questions (0, none answered) and its one exercise.
    expect(mastery.pipes).toBeCloseTo(1 / (pipesQuestions + 1));
    expect(mastery.signals).toBe(0);
  });
});
