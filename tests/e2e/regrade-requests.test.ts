import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_COURSE, DEMO_USERS } from "@/lib/seed/seed-demo";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { E2E_PASSWORD } from "./e2e-constants";

/**
 * Issue 18, item 2, end to end in Chromium: a student submits the fix-the-race starter to an
 * assignment, asks for a regrade of a failing test, first watches the counterexample replay
 * on their own code in the browser, sends the request; the instructor finds it in the queue,
 * replies and accepts it with a regrade; the student sees the thread and its outcome, and
 * both were mailed (the outbox, as there is no SMTP in the suite).
 */
const baseUrl = inject("baseUrl");
const root = path.resolve(import.meta.dirname, "../..");
const starter = fs.readFileSync(path.join(root, "exercises/fix-the-race/starter.ts"), "utf8");
const student = { email: "regrade.student@ipclab.local", name: "Regrade Student" };
const DAY = 24 * 3600 * 1000;
const MESSAGE = "My balance is right when I run it locally.";
const REPLY = "Look at step where both tellers read the balance.";

let browser: Browser;
let studentPage: Page;
let instructorPage: Page;
let db: Db;
let courseId = "";
let assignmentId = "";
let submissionId = "";
let requestId = "";

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  courseId = (await db.course.findUniqueOrThrow({ where: { code: DEMO_COURSE.code } })).id;
  const userId = (await db.user.upsert({ where: { email: student.email }, update: {}, create: { ...student, role: "STUDENT", locale: "en", passwordHash: await hashPassword(E2E_PASSWORD) } })).id;
  await db.enrollment.upsert({ where: { courseId_userId: { courseId, userId } }, update: {}, create: { courseId, userId, role: "STUDENT" } });
  const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "fix-the-race" } });
  assignmentId = (
    await db.assignment.create({
      data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title: "Regrade e2e", published: true, testVisibility: "VISIBLE", opensAt: new Date(Date.now() - DAY), dueAt: new Date(Date.now() + DAY), regradeRequestLimit: 2 },
    })
  ).id;
  browser = await launchBrowser();
  const pageFor = async (email: string) => {
    const context = await browser.newContext({ locale: "en-US" });
    await context.addCookies([{ name: "lang", value: "en", url: baseUrl }]);
    const page = await context.newPage();
    await signInThroughForm(page, baseUrl, email, E2E_PASSWORD);
    return page;
  };
  studentPage = await pageFor(student.email);
  instructorPage = await pageFor(DEMO_USERS[0].email);
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("a full regrade request, in Chromium", () => {
  it("the student submits the starter and asks about a failing test, after replaying its counterexample", async () => {
    // Submitted through the API as the signed-in student (the workspace's own request); graded by the real grader.
    const submitted = await studentPage.evaluate(
      async ({ source, assignmentId }) => {
        const response = await fetch("/api/submissions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ exercise: "fix-the-race", source, assignmentId }) });
        return (await response.json()) as { id: string };
      },
      { source: starter, assignmentId },
    );
    submissionId = submitted.id;
    await expect.poll(async () => (await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).status, { timeout: 60_000, interval: 500 }).toBe("GRADED");

    await studentPage.goto(`${baseUrl}/exercises/fix-the-race?assignment=${assignmentId}&submission=${submissionId}`);
    const failing = studentPage.getByTestId("submission-results").locator("li.fail").filter({ has: studentPage.locator('[data-testid^="request-regrade-"]') }).first();
    await failing.locator('[data-testid^="request-regrade-"]').click();
    await studentPage.waitForURL(/\/regrade-requests\/new\?submission=/);

    // The replay runs before sending is possible, and shows the failing schedule.
    const replay = studentPage.getByTestId("regrade-replay");
    await expect.poll(() => replay.getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    expect(await studentPage.getByTestId("regrade-replay-verdict").textContent()).toMatch(/^Replayed/);
    expect(await replay.getByTestId("timeline").count()).toBe(1);
    expect(await replay.getByTestId("timeline-grid").locator("tr").count()).toBeGreaterThan(2);
    await screenshot(studentPage, "regrade-request-replay");

    await studentPage.getByTestId("regrade-message").fill(MESSAGE);
    await studentPage.getByTestId("regrade-send").click();
    await studentPage.waitForURL(/\/regrade-requests\/c[a-z0-9]+$/);
    requestId = studentPage.url().split("/").pop()!;
    expect(await studentPage.getByTestId("regrade-request-status").textContent()).toBe("Open");
    expect(await studentPage.getByTestId("regrade-thread").textContent()).toContain(MESSAGE);
    const request = await db.regradeRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.replay).toBeTruthy();
    expect(request.trace).toBeTruthy();
    // The instructor was told by mail (the outbox, with no SMTP configured).
    const mail = await db.outboxMessage.findMany({ where: { to: DEMO_USERS[0].email, text: { contains: requestId } } });
    expect(mail).toHaveLength(1);
  });

  it("the instructor finds it in the filtered queue, replies and accepts it with a regrade", async () => {
    await instructorPage.goto(`${baseUrl}/instructor/courses/${courseId}/regrade-requests?assignment=${assignmentId}&status=OPEN`);
    const queue = instructorPage.getByTestId("regrade-queue");
    expect(await queue.locator("tbody tr").count()).toBe(1);
    await queue.getByRole("link", { name: student.name }).click();
    await instructorPage.waitForURL(`${baseUrl}/instructor/courses/${courseId}/regrade-requests/${requestId}`);
    expect(await instructorPage.getByTestId("regrade-thread").textContent()).toContain(MESSAGE);
    expect(await instructorPage.getByTestId("timeline").count()).toBe(1);

    await instructorPage.getByTestId("regrade-reply-body").fill(REPLY);
    await instructorPage.getByTestId("regrade-reply-send").click();
    await expect.poll(() => instructorPage.getByTestId("regrade-thread").textContent()).toContain(REPLY);

    await instructorPage.getByTestId("regrade-decision-submit").click();
    await expect.poll(() => instructorPage.getByTestId("regrade-request-status").textContent(), { timeout: 20_000 }).toBe("Accepted");
    const request = await db.regradeRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "ACCEPTED", outcome: "REGRADED" });
    expect(request.regradeBatchId).toBeTruthy();
    const actions = (await db.auditLog.findMany({ where: { courseId, details: { contains: requestId } } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["regrade-request.open", "regrade-request.reply", "regrade-request.accept"]));
    // The regrade itself is lib/regrade's batch, audited as every instructor regrade is.
    expect(await db.auditLog.count({ where: { courseId, action: "regrade.request", details: { contains: request.regradeBatchId! } } })).toBe(1);
  });

  it("the student sees the reply and the outcome, can no longer reply, and was mailed both", async () => {
    await studentPage.goto(`${baseUrl}/courses/${courseId}/regrade-requests`);
    await studentPage.getByTestId("my-regrade-requests").getByRole("link").first().click();
    await studentPage.waitForURL(`${baseUrl}/courses/${courseId}/regrade-requests/${requestId}`);
    expect(await studentPage.getByTestId("regrade-request-status").textContent()).toBe("Accepted");
    expect(await studentPage.getByTestId("regrade-request-outcome").textContent()).toContain("regraded");
    expect(await studentPage.getByTestId("regrade-thread").textContent()).toContain(REPLY);
    expect(await studentPage.getByTestId("regrade-reply-body").count()).toBe(0);
    const mail = await db.outboxMessage.findMany({ where: { to: student.email, text: { contains: requestId } } });
    expect(mail.map((m) => m.subject)).toEqual(["IPC Lab: Your regrade request has a reply", "IPC Lab: Your regrade request was accepted"]);
    // The regrade actually ran through the grader again.
    await expect.poll(async () => (await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).status, { timeout: 60_000, interval: 500 }).toBe("GRADED");
    // Another student of the course cannot open it.
    const classmate = await browser.newContext({ locale: "en-US" });
    const page = await classmate.newPage();
    await signInThroughForm(page, baseUrl, DEMO_USERS[2].email, E2E_PASSWORD);
    const response = await page.goto(`${baseUrl}/courses/${courseId}/regrade-requests/${requestId}`);
    expect(response?.status()).toBe(404);
    await classmate.close();
  });
});
