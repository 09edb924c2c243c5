import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_COURSE, DEMO_USERS } from "@/lib/seed/seed-demo";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { E2E_PASSWORD } from "./e2e-constants";

// Issue 16's student-facing fixes, in Chromium: the timeline shows the failing lane at
// 1440 px and 390 px, the prompt keeps its styles after in-app navigation, completions
// import what they offer, and the results come into view after Submit.
const baseUrl = inject("baseUrl");
// A student of its own: other suites count the demo students' submissions.
const student = { email: "experience.student@ipclab.local", name: "Experience Student" };

let browser: Browser;

beforeAll(async () => {
  const db = createDb(inject("databaseUrl"));
  const course = await db.course.findUniqueOrThrow({ where: { code: DEMO_COURSE.code } });
  const user = await db.user.upsert({
    where: { email: student.email },
    update: {},
    create: { email: student.email, name: student.name, role: "STUDENT", passwordHash: await hashPassword(E2E_PASSWORD) },
  });
  await db.enrollment.upsert({ where: { courseId_userId: { courseId: course.id, userId: user.id } }, update: {}, create: { courseId: course.id, userId: user.id, role: "STUDENT" } });
  await db.$disconnect();
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function studentPage(width: number, height = 900): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width, height } });
  await context.addCookies([{ name: "lang", value: "en", url: baseUrl }]);
  const page = await context.newPage();
  await signInThroughForm(page, baseUrl, student.email, E2E_PASSWORD);
  return { context, page };
}

const editorText = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll(".cm-content .cm-line"), (l) => l.textContent).join("\n"));

/** Whether the element's box lies wholly inside the window (the part of the page on screen). */
async function inViewport(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { inside: r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight && r.width > 0, box: [r.left, r.top, r.right, r.bottom], viewport: [window.innerWidth, window.innerHeight] };
  });
}

describe("the timeline of a four-process pipeline", () => {
  for (const width of [1440, 390]) {
    it(`shows the failing lane's cell on screen at the failing step, ${width} px wide`, async () => {
      const { context, page } = await studentPage(width);
      await page.goto(`${baseUrl}/exercises/pipe-pipeline`);
      await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain('from "ipc"');
      await page.getByRole("button", { name: /^▶ Run/ }).click();
      const timeline = page.getByTestId("timeline");
      await expect.poll(() => timeline.isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await timeline.locator("thead th.lane").count()).toBe(4); // main, cat, grep, wc
      // The page itself never grows wider than the window (the grid scrolls inside its box).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await page.getByTestId("timeline-to-failure").click();
      const cell = page.getByTestId("timeline-current-cell");
      // The starter deadlocks: grep (pid 3) blocks reading a pipe whose write end it holds itself.
      expect(await cell.textContent()).toContain("blocks: read");
      expect(await page.locator("tr[aria-current=step]").getAttribute("data-pid")).toBe("3");
      await expect.poll(async () => (await inViewport(page, '[data-testid="timeline-current-cell"]')).inside).toBe(true);
      // The details show the whole event, naming the pipe by object and descriptor.
      expect(await page.getByTestId("timeline-details").textContent()).toMatch(/pipe \d+ \(fd 0\)/);

      // The keyboard reaches every lane: Home goes to main's first step, → walks back to the failure, sideways included.
      await page.getByTestId("timeline-grid").focus();
      await page.keyboard.press("Home");
      await expect.poll(async () => (await inViewport(page, '[data-testid="timeline-current-cell"]')).inside).toBe(true);
      const position = () => page.getByTestId("timeline-position").textContent();
      const total = Number(/ of (\d+)/.exec((await position())!)![1]);
      for (let i = 1; i < total; i++) {
        await page.keyboard.press("ArrowRight");
        if ((await page.locator("tr[aria-current=step]").getAttribute("data-pid")) === "3" && (await cell.textContent())?.includes("blocks")) break;
      }
      expect(await cell.textContent()).toContain("blocks: read");
      await expect.poll(async () => (await inViewport(page, '[data-testid="timeline-current-cell"]')).inside).toBe(true);
      if (width === 390) {
        // Shift+← scrolls the grid sideways without moving the cursor.
        const grid = page.getByTestId("timeline-grid");
        const before = await grid.evaluate((g) => g.scrollLeft);
        expect(before).toBeGreaterThan(0);
        await page.keyboard.press("Shift+ArrowLeft");
        await expect.poll(() => grid.evaluate((g) => g.scrollLeft)).toBeLessThan(before);
      }

      // Written bytes read as text, not as arrays of numbers; no step number is repeated.
      const grid = await page.getByTestId("timeline-grid").textContent();
      expect(grid).toContain('write(1, "');
      expect(grid).not.toMatch(/write\(1, \[\d/);
      const steps = await page.locator("tbody td.step").allTextContents();
      const numbered = steps.filter((s) => s.trim() !== "");
      expect(new Set(numbered).size).toBe(numbered.length);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `timeline-pipeline-${width}`);
      await context.close();
    });
  }
});

describe("the exercise workspace", () => {
  it("keeps the prompt's code blocks readable after in-app navigation from a quiz", async () => {
    const { context, page } = await studentPage(1440);
    const codeStyle = () =>
      page.locator(".prompt pre code").first().evaluate((code) => {
        const pre = code.parentElement!;
        return { pre: getComputedStyle(pre).backgroundColor, code: getComputedStyle(code).backgroundColor, color: getComputedStyle(code).color };
      });
    await page.goto(`${baseUrl}/exercises/pipe-pipeline`);
    const direct = await codeStyle();
    // A dark text on a light box, the inline-code tint not painted over it.
    expect(direct.code).toBe("rgba(0, 0, 0, 0)");

    await page.goto(`${baseUrl}/quizzes/pipes`);
    await page.evaluate(() => ((window as unknown as { inAppMarker: boolean }).inAppMarker = true));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My courses" }).click();
    await page.waitForURL(`${baseUrl}/home`);
    await page.getByRole("link", { name: DEMO_COURSE.title }).click();
    await page.waitForURL(/\/courses\//);
    await page.getByTestId("practice-exercises").getByRole("link", { name: /Build a pipeline/ }).click();
    await page.waitForURL(/\/exercises\/pipe-pipeline/);
    await page.locator(".prompt pre code").first().waitFor();
    // Still the same document (client-side navigation), so the quiz's CSS is loaded too.
    expect(await page.evaluate(() => (window as unknown as { inAppMarker?: boolean }).inAppMarker)).toBe(true);
    expect(await codeStyle()).toEqual(direct);
    // The workspace links back to the course and to the lesson about pipes.
    expect(await page.getByTestId("workspace-links").getByRole("link", { name: /Back to the course/ }).getAttribute("href")).toMatch(/^\/courses\/[a-z0-9]+$/);
    expect(await page.getByTestId("related-lesson").getAttribute("href")).toBe("/lessons/en/pipes");
    await context.close();
  });

  it("completes an ipc function that isn't imported yet and adds it to the import", async () => {
    const { context, page } = await studentPage(1440);
    await page.goto(`${baseUrl}/exercises/fix-the-race`);
    await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain("export async function teller");
    expect((await editorText(page)).split("\n")[0]).not.toContain("mutex_create");
    // The TypeScript service is ready once hover docs answer (its worker loads after the editor).
    await expect.poll(async () => {
      await page.locator(".cm-content").getByText("waitpid", { exact: true }).last().hover();
      return page.locator(".ts-hover").textContent({ timeout: 1000 }).catch(() => "");
    }, { timeout: 30_000 }).toContain("Waits for child");
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("\nconst lock = await ");
    // At a person's typing speed (a burst of keys before the first answer of a cold TypeScript service may go unanswered).
    await page.keyboard.type("mutex_cr", { delay: 150 });
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "mutex_create" });
    await expect.poll(() => option.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await option.first().textContent()).toContain('import from "ipc"');
    await option.first().click();
    await expect.poll(async () => (await editorText(page)).split("\n")[0]).toBe('import { shmget, shmat, spawn, waitpid, mutex_create } from "ipc";');
    expect(await editorText(page)).toContain("const lock = await mutex_create");

    // Signature help opens on "(".
    await page.keyboard.type("(");
    await expect.poll(() => page.getByTestId("signature-help").textContent(), { timeout: 20_000 }).toContain("mutex_create(");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /Reset to starter/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => editorText(page)).not.toContain("mutex_create");
    await context.close();
  });

  it("brings the results into view after Submit, and diffs the first submission against the starter", async () => {
    const { context, page } = await studentPage(1440, 700);
    await page.goto(`${baseUrl}/exercises/fix-the-race`);
    await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain("export async function teller");
    // The starter as the student first sees it (an earlier test may have left a draft).
    await page.getByRole("button", { name: /Reset to starter/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Reset" }).click();
    expect((await inViewport(page, "#results-heading")).inside).toBe(false);
    await page.getByRole("button", { name: /Submit/ }).click();
    await expect.poll(() => page.getByTestId("submitted-notice").isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId("submitted-notice").getByRole("link").getAttribute("href")).toBe("#results-heading");
    await expect.poll(() => page.getByTestId("submission-results").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await inViewport(page, "#results-heading")).inside).toBe(true);
    await expect.poll(() => page.getByTestId("submission-status").textContent(), { timeout: 60_000 }).toMatch(/Graded/);
    // Graded: the timeline opened below, the results stayed where the student reads them.
    expect((await inViewport(page, "#results-heading")).inside).toBe(true);

    const entry = page.getByTestId("history-entry").first();
    await expect.poll(() => entry.count()).toBe(1);
    await entry.locator("summary").click();
    expect(await entry.locator("summary").textContent()).toContain("changes from the starter");
    // The starter itself was submitted: nothing changed, rather than every line added.
    expect(await entry.getByTestId("history-diff").textContent()).toBe("(no changes)");
    await context.close();
  });
});

describe("pages around the workspace", () => {
  it("serves anonymous pages without console errors, with a favicon, a live example and lessons to try", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 800 } });
    await context.addCookies([{ name: "lang", value: "en", url: baseUrl }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
    await page.goto(`${baseUrl}/`);
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    expect((await page.request.get(`${baseUrl}${await page.locator('link[rel="icon"]').first().getAttribute("href")}`)).status()).toBe(200);
    expect(await page.getByTestId("landing-demo").getByTestId("timeline").count()).toBe(1);
    // The phone header keeps to two lines (a line is about 40 px with its buttons).
    expect(await page.locator(".site-header").evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId("try-without-account").getByRole("link").first().click();
    await page.waitForURL(/\/lessons\/en\//);
    await page.goto(`${baseUrl}/lessons`);
    const notFound = await page.goto(`${baseUrl}/no-such-page`);
    expect(notFound?.status()).toBe(404);
    expect(await page.getByTestId("error-ways-back").getByRole("link").count()).toBeGreaterThan(1);
    // The 404 page's own response is the one expected error.
    expect(errors.filter((e) => !e.includes("/no-such-page"))).toEqual([]);
    await context.close();
  });

  it("lands instructors on a teaching dashboard, and shows students read/unread lessons and titled exercises", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: "lang", value: "en", url: baseUrl }]);
    const page = await context.newPage();
    await signInThroughForm(page, baseUrl, DEMO_USERS[0].email, E2E_PASSWORD);
    expect(await page.getByTestId("teaching-dashboard").isVisible()).toBe(true);
    expect(await page.getByTestId("teaching-course").filter({ hasText: DEMO_COURSE.title }).count()).toBe(1);
    expect(await page.getByTestId("topic-mastery").count()).toBe(0);
    await context.close();

    const { context: studentContext, page: studentPageHandle } = await studentPage(1440);
    expect(await studentPageHandle.getByTestId("teaching-dashboard").count()).toBe(0);
    await studentPageHandle.goto(`${baseUrl}/lessons/en/pipes`);
    const related = studentPageHandle.locator("#exercises + ul a").first();
    expect(await related.textContent()).toBe("Build a pipeline: cat | grep | wc");
    await studentPageHandle.getByRole("button", { name: "Mark as read" }).click();
    await expect.poll(() => studentPageHandle.getByText("Read ✓").count()).toBeGreaterThan(0);
    await studentPageHandle.goto(`${baseUrl}/lessons`);
    expect(await studentPageHandle.getByTestId("lesson-state-pipes").textContent()).toBe("Read ✓");
    expect(await studentPageHandle.getByTestId("lesson-state-sockets").textContent()).toBe("Not read yet");
    await studentContext.close();
  });
});
