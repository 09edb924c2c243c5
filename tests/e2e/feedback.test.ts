import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb, setDb, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_COURSE, DEMO_USERS } from "@/lib/seed/seed-demo";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { gradebookQuery } from "@/lib/gradebook/gradebook-query";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { E2E_PASSWORD } from "./e2e-constants";

/**
 * Issue 18, item 3, in Chromium: the instructor's submission view numbers and highlights the
 * code, takes a line comment and a new rubric item (−5, applied); the grade book counts it;
 * the student reads both on their feedback page once the assignment has closed for them.
 */
const baseUrl = inject("baseUrl");
const student = { email: "feedback.student@ipclab.local", name: "Feedback Student" };
const SOURCE = "export async function main() {\n  const x = 1; // shared?\n  return x;\n}\n";
const DAY = 24 * 3600 * 1000;

let browser: Browser;
let instructorPage: Page;
let studentPage: Page;
let db: Db;
let courseId = "";
let assignmentId = "";
let submissionId = "";

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  setDb(db);
  courseId = (await db.course.findUniqueOrThrow({ where: { code: DEMO_COURSE.code } })).id;
  const userId = (await db.user.upsert({ where: { email: student.email }, update: {}, create: { ...student, role: "STUDENT", passwordHash: await hashPassword(E2E_PASSWORD) } })).id;
  await db.enrollment.upsert({ where: { courseId_userId: { courseId, userId } }, update: {}, create: { courseId, userId, role: "STUDENT" } });
  const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "fix-the-race" } });
  assignmentId = (await db.assignment.create({ data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title: "Feedback e2e", published: true, opensAt: new Date(Date.now() - 3 * DAY), dueAt: new Date(Date.now() - DAY) } })).id;
  submissionId = (await db.submission.create({ data: { userId, exerciseId: exercise.id, assignmentId, source: SOURCE, status: "GRADED", score: 80, maxScore: 100, submittedAt: new Date(Date.now() - 2 * DAY) } })).id;
  browser = await launchBrowser();
  const pageFor = async (email: string) => {
    const context = await browser.newContext({ locale: "en-US" });
    await context.addCookies([{ name: "lang", value: "en", url: baseUrl }]);
    const page = await context.newPage();
    await signInThroughForm(page, baseUrl, email, E2E_PASSWORD);
    return page;
  };
  instructorPage = await pageFor(DEMO_USERS[0].email);
  studentPage = await pageFor(student.email);
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("line comments and rubric items, in Chromium", () => {
  it("the instructor sees numbered, highlighted code, comments a line and applies a new rubric item", async () => {
    await instructorPage.goto(`${baseUrl}/instructor/courses/${courseId}/submissions/${submissionId}`);
    // The forms work once React has hydrated them; before that a click would submit natively.
    await instructorPage.waitForLoadState("networkidle");
    const code = instructorPage.getByTestId("code-view");
    expect(await code.locator(".line-number").allTextContents()).toEqual(["1", "2", "3", "4", "5"]);
    expect(await code.locator(".tok-keyword").first().textContent()).toBe("export");
    expect(await code.locator(".tok-comment").textContent()).toBe("// shared?");

    await instructorPage.getByTestId("line-comment-line").fill("2");
    await instructorPage.getByTestId("line-comment-body").fill("x is local: no lock needed here.");
    await instructorPage.getByTestId("line-comment-add").click();
    await expect.poll(() => code.getByTestId("line-comment").count()).toBe(1);
    expect(await code.getByTestId("line-comment").getAttribute("data-line")).toBe("2");

    await instructorPage.getByTestId("rubric-new-title").fill("Missing cleanup");
    await instructorPage.getByTestId("rubric-new-points").fill("-5");
    await instructorPage.getByTestId("rubric-new-add").click();
    const box = instructorPage.getByTestId("rubric-item-Missing cleanup");
    await box.waitFor();
    // The box shows the saved state: it turns checked once the mark is stored and the page refreshed.
    await box.click();
    await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => instructorPage.getByTestId("rubric-adjustment").textContent()).toContain("-5");
    await screenshot(instructorPage, "submission-feedback");
    const book = await getGradebook(courseId, gradebookQuery.parse({ q: student.email }));
    expect(book.rows[0].cells[assignmentId].score).toBe(75);
  });

  it("the student reads the comment and the rubric item on their feedback page", async () => {
    await studentPage.goto(`${baseUrl}/courses/${courseId}/submissions/${submissionId}/feedback`);
    expect(await studentPage.getByTestId("line-comment").textContent()).toContain("x is local: no lock needed here.");
    expect(await studentPage.getByTestId("feedback-rubric").textContent()).toContain("Missing cleanup (-5)");
    const audit = (await db.auditLog.findMany({ where: { courseId, details: { contains: submissionId } } })).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["submission.comment.add", "rubric.apply"]));
  });
});
