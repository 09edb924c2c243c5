import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb } from "@/lib/db";
import { loadQuestionBank } from "@/lib/quiz/load-question-bank";
import { prepareQuestions } from "@/lib/quiz/prepare-questions";
import { resolveQuestion, type ResolvedQuestion } from "@/lib/quiz/resolve-question";
import { attemptSeed } from "@/lib/quiz/attempt-seed";
import { DEMO_USERS } from "@/lib/seed/seed-demo";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { HttpSession } from "../helpers/http-session";
import { E2E_PASSWORD } from "./e2e-constants";

const baseUrl = inject("baseUrl");
const TOPIC = "race-conditions";
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Every explanation text (question, option, generated worked solution) of the topic's questions for one student's practice attempt. */
async function secretTexts(userId: string, attemptNo: number): Promise<string[]> {
  const qs = loadQuestionBank().filter((q) => q.topic === TOPIC);
  const seedOf = (id: string) => attemptSeed({ scheme: 2, userId, questionId: id, attemptNo, assignmentId: null });
  await prepareQuestions(qs, seedOf);
  return qs.flatMap((q) => {
    const r = resolveQuestion(q, seedOf(q.id));
    const texts = [r.explanation.en, r.explanation.ko];
    if (r.type === "single" || r.type === "multiple") for (const o of r.options) texts.push(o.explanation.en, o.explanation.ko);
    return texts;
  });
}

async function userIdOf(email: string): Promise<string> {
  const db = createDb(inject("databaseUrl"));
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await db.$disconnect();
  return user.id;
}

describe("quiz answers stay on the server until submission", () => {
  it("the quiz page HTML and the start-attempt response carry no answers or explanations", async () => {
    const session = await new HttpSession(baseUrl).signIn(DEMO_USERS[2].email, E2E_PASSWORD);
    const html = await (await session.fetch(`/quizzes/${TOPIC}`)).text();
    expect(html).toContain("Quiz");
    const started = await session.fetch(`/api/quizzes/${TOPIC}/attempts`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(started.status).toBe(200);
    const json = await started.text();
    const body = JSON.parse(json) as { attemptNo: number; questions: unknown[] };
    expect(body.questions.length).toBeGreaterThan(5);
    for (const key of ['"answer"', '"answers"', '"explanation"', '"correctAnswer"', '"perOption"', '"generator"']) {
      expect(html).not.toContain(key);
      expect(json).not.toContain(key);
    }
    const secrets = await secretTexts(await userIdOf(DEMO_USERS[2].email), body.attemptNo);
    expect(secrets.length).toBeGreaterThan(20);
    for (const text of secrets) {
      // Compare a distinctive stretch of each explanation, JSON- and HTML-escaped forms alike.
      const probe = text.replace(/[`*"<>&\\]/g, "").slice(0, 50);
      expect(json.replace(/\\"/g, ""), probe).not.toContain(probe);
      expect(html.replace(/\\"/g, ""), probe).not.toContain(probe);
    }
  });
});

/** The response that earns full marks, filled in through the page's controls. */
async function answer(p: Page, q: ResolvedQuestion) {
  const box = p.getByTestId(`question-${q.id}`);
  switch (q.type) {
    case "single":
      await box.locator(`input[type=radio][value="${q.answer}"]`).check();
      break;
    case "multiple":
      for (const a of q.answers) await box.locator(`input[type=checkbox][value="${a}"]`).check();
      break;
    case "truefalse":
      // True is listed first, False second (labels are in the page's language).
      await box.locator("input[type=radio]").nth(q.answer ? 0 : 1).check();
      break;
    case "ordering":
      // Keyboard-accessible move buttons: bring each item up to its place.
      for (let target = 0; target < q.answer.length; target++) {
        const id = q.answer[target] as string;
        const order = await box.locator("li[data-item]").evaluateAll((els) => els.map((e) => e.getAttribute("data-item")));
        for (let i = order.indexOf(id); i > target; i--) await box.locator(`li[data-item="${id}"] button`).first().click();
      }
      break;
    case "matching":
      for (const [left, right] of Object.entries(q.answer)) await box.locator(`select[data-left="${left}"]`).selectOption(right);
      break;
    case "numeric":
      await box.locator("input[type=number]").fill(String(q.answer));
      break;
    case "code-output":
      await box.locator("textarea").fill(q.answer);
      break;
  }
}

/**
 * Answers the open attempt of `email` on `topic` through the page: every question right, except (with
 * `wrongSingle`) the first single-choice one. The expected answers are recomputed here from the seeds.
 */
async function fillQuiz(p: Page, email: string, topic: string, wrongSingle: boolean) {
  await p.getByTestId("quiz").waitFor();
  const db = createDb(inject("databaseUrl"));
  const userId = await userIdOf(email);
  const attempt = await db.quizAttempt.findFirstOrThrow({ where: { userId, submittedAt: null, quiz: { slug: topic } } });
  await db.$disconnect();
  const qs = loadQuestionBank().filter((q) => q.topic === topic);
  const seedOf = (id: string) => attemptSeed({ scheme: attempt.seedScheme, userId, questionId: id, attemptNo: attempt.attemptNo, assignmentId: attempt.assignmentId });
  await prepareQuestions(qs, seedOf);
  const resolved = qs.map((q) => resolveQuestion(q, seedOf(q.id)));
  const wrong = wrongSingle ? resolved.find((q) => q.type === "single") : undefined;
  for (const q of resolved) {
    if (q === wrong && q.type === "single") await p.getByTestId(`question-${q.id}`).locator(`input[type=radio]:not([value="${q.answer}"])`).first().check();
    else await answer(p, q);
  }
  return { resolved, wrong };
}

const shot = (locator: import("playwright-core").Locator, name: string) => locator.screenshot({ path: `test-results/${name}.png` });

describe("a student in Chromium", () => {
  it("reads a lesson in both languages, steps the bank-race widget to a lost update, takes the quiz and sees mastery grow", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInThroughForm(page, baseUrl, DEMO_USERS[1].email, E2E_PASSWORD);
    // Mastery counts graded exercises too, and other suites submit fix-the-race (a race-conditions
    // exercise) as this student: what matters is that the quiz raises it.
    const before = Number((await page.getByTestId(`mastery-${TOPIC}`).textContent())?.replace("%", ""));
    expect(before).toBeLessThan(50);

    // The lesson, in English then Korean through the language link.
    await page.goto(`${baseUrl}/lessons/en/${TOPIC}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/Race conditions/);
    await page.getByTestId("lesson-other-lang").click();
    await page.waitForURL(`${baseUrl}/lessons/ko/${TOPIC}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/경쟁 조건/);
    await page.getByRole("button", { name: "P1의 다음 단계 실행" }).waitFor();
    // Bold right before a Korean particle (**데이터 경쟁(data race)**은) is rendered, not shown as **.
    expect(await page.locator(".lesson-body").textContent()).not.toContain("**");
    expect(await page.locator(".lesson-body strong").count()).toBeGreaterThan(0);
    await screenshot(page, "lesson-ko");
    await page.getByTestId("lesson-other-lang").click();
    await page.waitForURL(`${baseUrl}/lessons/en/${TOPIC}`);

    // You are the scheduler: P1 load, P2 load, P1 store → P2's store overwrites the deposit.
    const widget = page.getByTestId("widget-bank-race");
    const step = (p: "P1" | "P2") => widget.getByRole("button", { name: `Run ${p}'s next step` });
    await expect.poll(() => step("P1").isEnabled()).toBe(true);
    await step("P1").click();
    await expect.poll(() => widget.getByTestId("local-P1").textContent()).toBe("150");
    await step("P2").click();
    await expect.poll(() => widget.getByTestId("local-P2").textContent()).toBe("70");
    await step("P1").click();
    await expect.poll(() => widget.getByTestId("race-result").textContent(), { timeout: 10_000 }).toMatch(/Final balance 70.*Lost update/);
    expect(await widget.getByTestId("race-shared").textContent()).toBe("70");
    await widget.scrollIntoViewIfNeeded();
    await screenshot(page, "lesson-en-bank-race-lost-update");
    await shot(widget, "widget-bank-race");

    // Mark as read, then take the quiz from the lesson.
    await page.getByRole("button", { name: "Mark as read" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Read ✓" }).count()).toBe(1);
    await page.getByTestId("take-quiz").click();
    await page.waitForURL(`${baseUrl}/quizzes/${TOPIC}`);
    await page.getByTestId("quiz").waitFor();

    const { resolved, wrong } = await fillQuiz(page, DEMO_USERS[1].email, TOPIC, true);
    await screenshot(page, "quiz-answered");
    await page.getByRole("button", { name: "Submit for grading" }).click();
    await page.getByTestId("quiz-score").waitFor();
    const total = resolved.reduce((s, q) => s + (q.points ?? 1), 0);
    expect(await page.getByTestId("quiz-score").textContent()).toContain(`Score ${total - (wrong!.points ?? 1)} / ${total}`);
    const wrongBox = page.getByTestId(`question-${wrong!.id}`);
    expect(await wrongBox.getByTestId("per-option").locator("li").count()).toBeGreaterThan(1);
    expect(await wrongBox.textContent()).toMatch(/Incorrect/);
    expect(await wrongBox.locator(".opt-wrong em").textContent()).toContain("your choice");
    await screenshot(page, "quiz-feedback");

    // Mastery on the home page now reflects the attempt.
    await page.goto(`${baseUrl}/home`);
    const after = Number((await page.getByTestId(`mastery-${TOPIC}`).textContent())?.replace("%", ""));
    expect(after).toBeGreaterThan(50);
    expect(after).toBeGreaterThan(before);
    await page.getByTestId("topic-mastery").scrollIntoViewIfNeeded();
    await screenshot(page, "home-mastery");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers ordering (move buttons), matching (selects), code-output, true/false and choice questions for full marks, in Korean", async () => {
    const context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    await signInThroughForm(page, baseUrl, DEMO_USERS[3].email, E2E_PASSWORD);
    const topic = "shared-memory-and-mmap";
    await page.goto(`${baseUrl}/quizzes/${topic}`);
    // The questions arrive from the attempt API after the page loads.
    await page.getByTestId("quiz").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/퀴즈/);
    const types = await page.locator("[data-type]").evaluateAll((els) => els.map((e) => e.getAttribute("data-type")));
    expect(new Set(types)).toEqual(new Set(["single", "ordering", "truefalse", "multiple", "code-output", "matching"]));
    const { resolved } = await fillQuiz(page, DEMO_USERS[3].email, topic, false);
    await screenshot(page, "quiz-all-types-answered-ko");
    await page.getByRole("button", { name: "제출하고 채점" }).click();
    await page.getByTestId("quiz-score").waitFor();
    const total = resolved.reduce((s, q) => s + (q.points ?? 1), 0);
    expect(await page.getByTestId("quiz-score").textContent()).toContain(`점수 ${total} / ${total}`);
    await screenshot(page, "quiz-all-types-graded-ko");
    await context.close();
  });

  it("steps through the pipeline trace to the deadlock, and charts IPC costs with recharts", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    await page.goto(`${baseUrl}/lessons/en/pipes`);
    const widget = page.getByTestId("widget-pipe-pipeline");
    await widget.getByRole("slider").waitFor();
    await widget.getByRole("slider").press("End");
    await expect.poll(() => widget.getByTestId("pipeline-output").textContent()).toBe("3");
    await widget.getByLabel(/Forget to close/).check();
    await widget.getByRole("slider").waitFor();
    await widget.getByRole("slider").focus();
    await page.keyboard.press("End");
    await expect.poll(() => widget.getByTestId("pipeline-deadlock").textContent()).toMatch(/grep.*read on pipe/);
    await widget.getByRole("button", { name: /Previous/ }).click();
    await widget.scrollIntoViewIfNeeded();
    await screenshot(page, "lesson-pipeline-deadlock");
    await shot(widget, "widget-pipe-pipeline");
    // Signed out: a sign-in hint instead of the button.
    expect(await page.getByTestId("mark-read-signin").count()).toBe(1);

    await page.goto(`${baseUrl}/lessons/en/ipc-performance`);
    const cost = page.getByTestId("widget-ipc-cost");
    await cost.getByTestId("cost-table").waitFor();
    expect(await cost.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(10);
    await cost.getByLabel("Transfer size").selectOption("65536");
    await expect.poll(() => cost.getByTestId("cost-table").textContent()).toContain("131,072");
    await cost.scrollIntoViewIfNeeded();
    await screenshot(page, "lesson-ipc-cost");
    await shot(cost, "widget-ipc-cost");
    await context.close();
  });
});
