import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { syncExercises } from "@/lib/content/sync-exercises";
import { syncQuizzes } from "@/lib/content/sync-quizzes";
import { EXERCISES_DIR } from "@/lib/grader/exercises/load-exercise";
import { TOPIC_IDS } from "@/lib/quiz/topics";
import { createTestDatabase } from "../helpers/test-database";

let db: Db;
let drop: () => Promise<void>;
let root: string;
const repo = path.resolve(import.meta.dirname, "../..");
// Exercise tests import lib/ by relative path, so temporary exercise roots sit directly in the repo.
const tempRoot = () => fs.mkdtempSync(path.join(repo, ".test-exercises-"));
const roots: string[] = [];

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase("sqlite"));
  root = tempRoot();
  roots.push(root);
  fs.cpSync(path.join(EXERCISES_DIR, "fix-the-race"), path.join(root, "fix-the-race"), { recursive: true });
});
afterAll(async () => {
  await drop();
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

describe("content sync", () => {
  it("creates exercises, then leaves unchanged ones alone", async () => {
    expect(await syncExercises(db, root)).toMatchObject({ created: ["fix-the-race"], changed: [], archived: [] });
    expect(await syncExercises(db, root)).toMatchObject({ created: [], changed: [], archived: [] });
    expect(await db.exercise.findUniqueOrThrow({ where: { slug: "fix-the-race" } })).toMatchObject({ maxScore: 100, archived: false });
  });

  it("marks graded results stale when the hidden tests change, and archives removed exercises", async () => {
    const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "fix-the-race" } });
    const user = await db.user.create({ data: { email: "s@example.com", name: "S" } });
    await db.submission.create({ data: { userId: user.id, exerciseId: exercise.id, source: "x", status: "GRADED", testsHash: exercise.testsHash, score: 100 } });
    // The same exercise with edited hidden tests, in a second root (a fresh loader cache entry).
    const altRoot = tempRoot();
    roots.push(altRoot);
    fs.cpSync(path.join(root, "fix-the-race"), path.join(altRoot, "fix-the-race"), { recursive: true });
    const hidden = path.join(altRoot, "fix-the-race/tests/hidden.ts");
    fs.appendFileSync(hidden, "\n// an edit to the hidden tests\n");
    const changed = await syncExercises(db, altRoot);
    expect(changed).toMatchObject({ changed: ["fix-the-race"], staleSubmissions: 1 });
    expect((await db.submission.findFirstOrThrow()).stale).toBe(true);

    const empty = tempRoot();
    roots.push(empty);
    expect(await syncExercises(db, empty)).toMatchObject({ archived: ["fix-the-race"] });
    expect((await db.exercise.findUniqueOrThrow({ where: { slug: "fix-the-race" } })).archived).toBe(true);
  });

  it("creates one quiz per topic from the question bank", async () => {
    const result = await syncQuizzes(db);
    expect(result.upserted).toBe(TOPIC_IDS.length);
    const pipes = await db.quiz.findUniqueOrThrow({ where: { slug: "pipes" } });
    expect(pipes.questionIds.split(",").length).toBeGreaterThanOrEqual(5);
    expect(pipes.titleEn).toMatch(/pipe/i);
  });
});
