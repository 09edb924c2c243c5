import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb, type Db } from "@/lib/db";
import { DEMO_USERS } from "@/lib/seed/seed-demo";
import { EXERCISES_DIR } from "@/lib/grader/exercises/load-exercise";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { HttpSession } from "../helpers/http-session";
import { disguise, SEMAPHORE_SOLUTION } from "../helpers/similarity-variants";
import { E2E_PASSWORD } from "./e2e-constants";

const baseUrl = inject("baseUrl");
const [instructor] = DEMO_USERS;
const read = (file: string) => fs.readFileSync(path.join(EXERCISES_DIR, "fix-the-race", file), "utf8");

let browser: Browser;
let page: Page;
let db: Db;
let courseId = "";
const students: Array<{ email: string; name: string; source: string }> = [
  { email: "sim-ahn@example.com", name: "Sim Ahn", source: read("solution.ts") },
  { email: "sim-bae@example.com", name: "Sim Bae", source: disguise(read("solution.ts"), 3) },
  { email: "sim-cho@example.com", name: "Sim Cho", source: SEMAPHORE_SOLUTION },
  { email: "sim-dan@example.com", name: "Sim Dan", source: read("starter.ts") },
];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: "en-US" })).newPage();
  db = createDb(inject("databaseUrl"));
  // A course of the demo instructor with one fix-the-race assignment and four graded submissions
  // (the job reads sources only, so they are written here rather than graded again).
  const teacher = await db.user.findUniqueOrThrow({ where: { email: instructor.email } });
  const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "fix-the-race" } });
  courseId = (await db.course.create({ data: { code: "SIM-E2E", title: "Similarity (e2e)", joinCode: "SIME-2E2E", enrollments: { create: { userId: teacher.id, role: "INSTRUCTOR" } } } })).id;
  const assignment = await db.assignment.create({ data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title: "Race (similarity)", opensAt: new Date(0), dueAt: new Date(Date.now() + 86_400_000), published: true } });
  for (const s of students) {
    const user = await db.user.create({ data: { email: s.email, name: s.name, enrollments: { create: { courseId } } } });
    await db.submission.create({ data: { userId: user.id, exerciseId: exercise.id, assignmentId: assignment.id, source: s.source, status: "GRADED", score: 50, maxScore: 100, testsHash: exercise.testsHash } });
  }
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("similarity in Chromium", () => {
  it("runs a check with a progress bar, ranks the copy first and opens the comparison view", { timeout: 180_000 }, async () => {
    await signInThroughForm(page, baseUrl, instructor.email, E2E_PASSWORD);
    await page.goto(`${baseUrl}/instructor/courses/${courseId}/similarity`);
    expect(await page.getByTestId("similarity-advisory").textContent()).toMatch(/nothing here is shown to students/);
    await page.getByRole("button", { name: "Run similarity check" }).click();
    await page.waitForURL(/\/similarity\/[a-z0-9]+$/);
    // The progress bar polls the run, then the page shows the results.
    await expect.poll(() => page.getByTestId("similarity-pairs").count(), { timeout: 150_000, interval: 500 }).toBe(1);
    const first = page.getByTestId("similarity-pair").first();
    expect(await first.textContent()).toMatch(/Sim Ahn · Sim Bae|Sim Bae · Sim Ahn/);
    expect(await page.getByTestId("similarity-clusters").textContent()).toMatch(/2 students: (Sim Ahn, Sim Bae|Sim Bae, Sim Ahn)/);
    await screenshot(page, "similarity-pairs");

    // Filters: a threshold of 1 leaves nothing the copy does not reach.
    await page.getByLabel("Threshold (0–1)").fill("1");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/threshold=1/);
    expect(await page.getByTestId("similarity-pair").count()).toBeLessThanOrEqual(1);
    await page.getByLabel("Threshold (0–1)").fill("0.5");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/threshold=0.5/);

    await page.getByTestId("similarity-pair").first().getByRole("link", { name: "Side by side" }).click();
    await page.waitForURL(/\/pairs\/[a-z0-9]+/);
    expect(await page.getByTestId("similarity-pair-scores").textContent()).toMatch(/Token similarity: \d+%.*Behaviour similarity: 100%/);
    // Matching regions are highlighted on both sides, fragment for fragment.
    const left = page.getByTestId("similarity-left").locator("mark.match");
    const right = page.getByTestId("similarity-right").locator("mark.match");
    expect(await left.count()).toBeGreaterThan(0);
    expect(await right.count()).toBeGreaterThan(0);
    expect(await page.getByTestId("similarity-left").locator("mark.match", { hasText: "mutex_lock" }).count()).toBeGreaterThan(0);
    await screenshot(page, "similarity-side-by-side");
  });

  it("shows none of it to a student of the course", async () => {
    const session = await new HttpSession(baseUrl).signIn(DEMO_USERS[1].email, E2E_PASSWORD);
    const runs = await db.similarityRun.findMany({ where: { courseId } });
    expect(runs.length).toBe(1);
    expect((await session.fetch(`/instructor/courses/${courseId}/similarity/${runs[0].id}`)).status).toBe(403);
    expect((await session.fetch(`/api/courses/${courseId}/similarity/${runs[0].id}`)).status).toBe(403);
  });
});
