import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb, setDb, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_COURSE, DEMO_USERS } from "@/lib/seed/seed-demo";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { gradebookQuery } from "@/lib/gradebook/gradebook-query";
import { overrideGrade } from "@/lib/gradebook/override-grade";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { E2E_PASSWORD } from "./e2e-constants";

/**
 * Issue #14: a student sees the grade that counts. A late submission scored 100 counts 40
 * (three started days at −20 %); another, overridden to 55 with a comment, shows 55 and the
 * comment. Before, the course page said "100 / 100 · Late" and the override did not show.
 */
const baseUrl = inject("baseUrl");
const student = { email: "grades.student@ipclab.local", name: "Grades Student" };
const DAY = 24 * 3600 * 1000;
const COMMENT = "Your lock was right; the flaky test is discounted.";

let browser: Browser;
let page: Page;
let db: Db;
let courseId = "";
let userId = "";
const ids = { late: "", overridden: "" };

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  // overrideGrade and the grade book run here against the app's database: the instructor's own numbers.
  setDb(db);
  courseId = (await db.course.findUniqueOrThrow({ where: { code: DEMO_COURSE.code } })).id;
  const instructor = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
  userId = (await db.user.upsert({ where: { email: student.email }, update: {}, create: { ...student, role: "STUDENT", passwordHash: await hashPassword(E2E_PASSWORD) } })).id;
  await db.enrollment.upsert({ where: { courseId_userId: { courseId, userId } }, update: {}, create: { courseId, userId, role: "STUDENT" } });
  const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "pipe-pipeline" } });
  // Due 2.5 days ago, late window open two more days at −20 % a day.
  const due = new Date(Date.now() - 2.5 * DAY);
  for (const key of ["late", "overridden"] as const) {
    const a = await db.assignment.create({
      data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title: `Grades e2e: ${key}`, published: true, opensAt: new Date(due.getTime() - 7 * DAY), dueAt: due, lateUntil: new Date(Date.now() + 2 * DAY), latePenaltyPerDay: 0.2 },
    });
    ids[key] = a.id;
    await db.submission.create({
      data: { userId, exerciseId: exercise.id, assignmentId: a.id, source: "// late", status: "GRADED", score: 100, maxScore: 100, late: true, latePenalty: 0.6, submittedAt: new Date(due.getTime() + 2.2 * DAY) },
    });
  }
  await overrideGrade(instructor.id, courseId, { assignmentId: ids.overridden, userId, score: 55, comment: COMMENT });
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "en-US" });
  await context.addCookies([{ name: "lang", value: "en", url: baseUrl }]);
  page = await context.newPage();
  await signInThroughForm(page, baseUrl, student.email, E2E_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

async function instructorScore(assignmentId: string) {
  const book = await getGradebook(courseId, gradebookQuery.parse({ q: student.email }));
  return book.rows[0].cells[assignmentId].score;
}

describe("a student sees the grade that counts, in Chromium", () => {
  it("on the course page: the late submission counts 40, the overridden one 55 with the instructor's comment", async () => {
    expect(await instructorScore(ids.late)).toBe(40);
    expect(await instructorScore(ids.overridden)).toBe(55);
    await page.goto(`${baseUrl}/courses/${courseId}`);
    const late = page.getByTestId(`grade-${ids.late}`);
    expect(await late.getAttribute("data-score")).toBe("40");
    expect(await late.textContent()).toMatch(/^40 \/ 100 · raw 100, late −60%/);
    const overridden = page.getByTestId(`grade-${ids.overridden}`);
    expect(await overridden.getAttribute("data-score")).toBe("55");
    expect(await overridden.textContent()).toContain(`55 / 100 · Set by your instructor: “${COMMENT}”`);
    expect(await page.getByTestId("assignments").textContent()).not.toContain("100 / 100");
  });

  it("on the grades page: the counted attempt, its penalty, and the override with its comment", async () => {
    await page.getByTestId("my-grades-link").click();
    await page.waitForURL(`${baseUrl}/courses/${courseId}/grades`);
    const late = page.locator(`[data-testid="my-grade"][data-assignment="${ids.late}"]`);
    expect(await late.getByTestId(`my-grade-${ids.late}`).getAttribute("data-score")).toBe("40");
    const attempt = late.getByTestId("my-attempt");
    expect(await attempt.textContent()).toMatch(/100 \/ 100.*−60%.*40.*Counts/);
    expect(await late.textContent()).toContain("Your best submission counts");
    const overridden = page.locator(`[data-testid="my-grade"][data-assignment="${ids.overridden}"]`);
    expect(await overridden.getByTestId(`my-grade-${ids.overridden}`).getAttribute("data-score")).toBe("55");
    expect(await overridden.getByTestId(`my-override-${ids.overridden}`).textContent()).toContain(COMMENT);
    await screenshot(page, "student-grades");
  });

  it("in the workspace: the same grade, and what a late submission now would count at most", async () => {
    await page.goto(`${baseUrl}/exercises/pipe-pipeline?assignment=${ids.late}`);
    const grade = page.getByTestId("workspace-grade");
    await expect.poll(() => grade.getAttribute("data-score")).toBe("40");
    expect(await page.getByTestId("late-preview").textContent()).toBe("Submitting now: −20% per day late, this submission would count at most 40 / 100.");
    await page.goto(`${baseUrl}/exercises/pipe-pipeline?assignment=${ids.overridden}`);
    expect(await page.getByTestId("workspace-grade").textContent()).toContain(COMMENT);
  });
});
