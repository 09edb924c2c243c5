import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { createDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_COURSE } from "@/lib/seed/seed-demo";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { E2E_PASSWORD } from "./e2e-constants";

const baseUrl = inject("baseUrl");
const root = path.resolve(import.meta.dirname, "../..");
// The test (never the app) may read the reference solution, to type it in like a student would.
const solution = fs.readFileSync(path.join(root, "exercises/fix-the-race/solution.ts"), "utf8");
const starter = fs.readFileSync(path.join(root, "exercises/fix-the-race/starter.ts"), "utf8");
// A student of its own: other suites submit to fix-the-race as the demo students, and this
// suite counts its history entries.
const student = { email: "workspace.student@ipclab.local", name: "Workspace Student" };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let courseId = "";
let assignmentId = "";

async function seriousViolations(p: Page) {
  const { violations } = await new AxeBuilder({ page: p }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const editorText = () => page.evaluate(() => Array.from(document.querySelectorAll(".cm-content .cm-line"), (l) => l.textContent).join("\n"));

/** Replaces the editor's whole text the way typing or pasting would (one input event). */
async function typeIntoEditor(text: string) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(text);
}

/**
 * Submits with the button and waits until that new submission (not an earlier one still
 * shown) is graded. The grade must arrive through the live status stream, not by polling.
 */
async function submitAndWaitForGrade() {
  const results = page.getByTestId("submission-results");
  const previous = (await results.count()) ? await results.getAttribute("data-submission-id") : null;
  const statusRequests: string[] = [];
  const onRequest = (request: { url(): string }) => {
    const url = new URL(request.url()).pathname;
    if (url.startsWith("/api/submissions/")) statusRequests.push(url);
  };
  page.on("request", onRequest);
  await page.getByRole("button", { name: /Submit/ }).click();
  await expect.poll(async () => ((await results.count()) ? await results.getAttribute("data-submission-id") : null), { timeout: 20_000 }).not.toBe(previous);
  await expect.poll(() => page.getByTestId("submission-status").textContent(), { timeout: 60_000, interval: 300 }).toMatch(/Graded|Compile error|Grading failed/);
  page.off("request", onRequest);
  const id = await results.getAttribute("data-submission-id");
  expect(statusRequests).toEqual([`/api/submissions/${id}/events`]);
}

beforeAll(async () => {
  const db = createDb(inject("databaseUrl"));
  const course = await db.course.findUniqueOrThrow({ where: { code: DEMO_COURSE.code } });
  courseId = course.id;
  const user = await db.user.upsert({
    where: { email: student.email },
    update: {},
    create: { email: student.email, name: student.name, role: "STUDENT", passwordHash: await hashPassword(E2E_PASSWORD) },
  });
  await db.enrollment.upsert({ where: { courseId_userId: { courseId, userId: user.id } }, update: {}, create: { courseId, userId: user.id, role: "STUDENT" } });
  const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "fix-the-race" } });
  const day = 24 * 60 * 60 * 1000;
  assignmentId = (
    await db.assignment.create({
      data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title: "Workspace e2e: fix the race", opensAt: new Date(Date.now() - day), dueAt: new Date(Date.now() + 7 * day), published: true },
    })
  ).id;
  await db.$disconnect();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Seoul", viewport: { width: 1440, height: 1000 } });
  await context.addCookies([{ name: "lang", value: "en", url: baseUrl }]);
  page = await context.newPage();
  await signInThroughForm(page, baseUrl, student.email, E2E_PASSWORD);
});
afterAll(async () => browser?.close());

describe("exercise workspace in Chromium", () => {
  it("lists the assignment with local dates, the practice exercises and quizzes on the course page", async () => {
    await page.goto(`${baseUrl}/courses/${courseId}`);
    const row = page.getByTestId("assignment-row").filter({ hasText: "Workspace e2e" });
    await expect.poll(() => row.getByTestId("due-time").textContent()).toMatch(/GMT\+9/);
    expect(await page.getByTestId("practice-exercises").getByRole("link", { name: /Fix the race/ }).count()).toBe(1);
    expect(await page.getByTestId("topic-mastery").locator('a[href^="/quizzes/"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole("link", { name: /Workspace e2e/ }).click();
    await page.waitForURL(`${baseUrl}/exercises/fix-the-race?assignment=${assignmentId}`);
  });

  it("opens the starter with TypeScript completions for the ipc module, and resets after confirming", async () => {
    await expect.poll(editorText, { timeout: 20_000 }).toContain("export async function teller");
    expect(await editorText()).toBe(starter);
    expect(await page.getByTestId("assignment-banner").textContent()).toContain("Workspace e2e");
    expect(await page.getByText(/Ctrl\/⌘/).first().isVisible()).toBe(true);
    // Hover docs, completions and type errors come from the TypeScript worker, with the ipc typings.
    await expect.poll(async () => {
      await page.locator(".cm-content").getByText("waitpid", { exact: true }).last().hover();
      return page.locator(".ts-hover").textContent({ timeout: 1000 }).catch(() => "");
    }, { timeout: 30_000 }).toContain("Waits for child");
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    const importLine = '\nimport { mutex_lo } from "ipc";\nmutex_lo;';
    await page.keyboard.insertText(importLine);
    for (let i = 0; i < importLine.length - importLine.indexOf(" }"); i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Control+Space");
    await expect.poll(() => page.locator(".cm-tooltip-autocomplete").textContent(), { timeout: 30_000 }).toContain("mutex_lock");
    await page.keyboard.press("Escape");
    // An unknown name is a type error under the squiggle.
    await expect.poll(() => page.locator(".cm-lintRange-error").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole("button", { name: /Reset to starter/ }).click();
    const dialog = page.getByRole("dialog", { name: /Reset to the starter/ });
    await dialog.getByRole("button", { name: "Reset" }).click();
    await expect.poll(editorText).toBe(starter);
    await screenshot(page, "workspace-exercise-page");
  });

  it("runs the public tests in the browser and shows the race", async () => {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.getByTestId("local-test-sequential-deposit").textContent(), { timeout: 30_000 }).toContain("Passed");
    expect(await page.getByTestId("local-test-one-teller-each").textContent()).toContain("Failed");
    await expect.poll(() => page.getByTestId("timeline").isVisible()).toBe(true);
  });

  it("stops a runaway program with a timeout and keeps the editor responsive", async () => {
    await typeIntoEditor("export async function main() {\n  while (true) {}\n}\nexport async function teller() {}\n");
    await page.getByRole("button", { name: /^▶ Run/ }).click();
    await expect.poll(() => page.getByTestId("local-results").textContent(), { timeout: 30_000 }).toContain("Timed out");
    await typeIntoEditor(starter);
    await expect.poll(editorText).toContain("export async function teller");
  });

  it("submits the starter, shows a failing test with its timeline, steps through it and replays it", async () => {
    await submitAndWaitForGrade();
    const score = await page.getByTestId("submission-score").textContent();
    expect(score).not.toBe("100 / 100");
    expect(await page.getByTestId("submission-results").locator("li.fail").count()).toBeGreaterThan(0);
    const timeline = page.getByTestId("timeline");
    await expect.poll(() => timeline.isVisible()).toBe(true);
    expect(await timeline.locator("tr.failure").count()).toBe(1);
    expect(await timeline.locator("thead th").count()).toBeGreaterThanOrEqual(3); // step + one lane per process
    const position = () => page.getByTestId("timeline-position").textContent();
    const atFailure = await position();
    await page.getByTestId("timeline-prev").click();
    const before = await position();
    expect(before).not.toBe(atFailure);
    await page.getByTestId("timeline-grid").focus();
    await page.keyboard.press("ArrowRight");
    expect(await position()).toBe(atFailure);
    await page.keyboard.press("Home");
    expect(await position()).toMatch(/ 1 of /);
    await page.getByTestId("timeline-next").click();
    expect(await position()).toMatch(/ 2 of /);
    await page.getByRole("button", { name: /Go to the failure/ }).click();
    await screenshot(page, "workspace-timeline");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId("submission-results").locator("li.fail").first().getByRole("button", { name: /Replay in my browser/ }).click();
    await expect.poll(() => page.getByTestId("timeline").locator("h3").textContent(), { timeout: 30_000 }).toContain("Replay in my browser");
    expect(await page.getByTestId("timeline").locator("tbody tr").count()).toBeGreaterThan(3);
  });

  it("gets full marks after typing the fix, and restores an old version from the history", async () => {
    await typeIntoEditor(solution);
    await expect.poll(editorText).toContain("mutex_unlock(lock)");
    await submitAndWaitForGrade();
    expect(await page.getByTestId("submission-score").textContent()).toBe("100 / 100");
    // Each test says what its exploration covered.
    const covered = page.getByTestId("submission-results").locator('[data-testid^="coverage-"]');
    expect(await covered.count()).toBe(await page.getByTestId("submission-results").locator("li.pass").count());
    expect(await covered.first().textContent()).toMatch(/^Explored: (every interleaving|all \d|.*PCT d=2)/);

    const entries = page.getByTestId("history-entry");
    await expect.poll(() => entries.count()).toBe(2);
    await entries.first().locator("summary").click();
    const diff = await entries.first().getByTestId("history-diff").textContent();
    expect(diff).toMatch(/\+\s+await mutex_lock\(lock\);/);
    await entries.nth(1).getByRole("button", { name: "Restore into editor" }).click();
    await expect.poll(editorText).not.toContain("mutex_lock");
    expect(await editorText()).toContain("export async function teller");
  });

  it("undoes and redoes edits with the usual shortcuts", async () => {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    const before = await editorText();
    await page.keyboard.insertText("\n// to be undone");
    await expect.poll(editorText).toContain("// to be undone");
    await page.keyboard.press("Control+z");
    await expect.poll(editorText).toBe(before);
    await page.keyboard.press("Control+y");
    await expect.poll(editorText).toContain("// to be undone");
    await page.keyboard.press("Control+z");
    await expect.poll(editorText).toBe(before);
  });

  it("keeps a draft across a reload mid-edit, in the browser and on the server", async () => {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("\n// draft marker 4711");
    await page.reload();
    await expect.poll(editorText, { timeout: 20_000 }).toContain("// draft marker 4711");
    const db = createDb(inject("databaseUrl"));
    const user = await db.user.findUniqueOrThrow({ where: { email: student.email } });
    await expect.poll(async () => (await db.draft.findFirst({ where: { userId: user.id } }))?.source ?? "", { timeout: 10_000 }).toContain("// draft marker 4711");
    await db.$disconnect();
  });

  it("speaks Korean when the lang cookie says so", async () => {
    await context.addCookies([{ name: "lang", value: "ko", url: baseUrl }]);
    await page.reload();
    await expect.poll(() => page.getByRole("button", { name: /실행/ }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("경쟁 조건");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
