import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createDb } from "@/lib/db";
import { DEMO_COURSE, DEMO_USERS } from "@/lib/seed/seed-demo";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { E2E_PASSWORD } from "./e2e-constants";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function freshPage(lang: "en" | "ko" = "en") {
  await context?.close();
  context = await browser.newContext({ locale: lang === "en" ? "en-US" : "ko-KR" });
  page = await context.newPage();
}

describe("accounts in Chromium", () => {
  it("signs a student up with a join code, after showing clear errors for bad input", async () => {
    await freshPage();
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel("Name").fill("Browser Student");
    await page.getByLabel("Email").fill("browser.student@example.com");
    await page.getByLabel("Password").fill("short");
    await page.getByLabel("Course join code").fill("WRNG-CODE");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect.poll(() => page.locator("form [role=alert]").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/at least 10 characters/)]));

    await page.getByLabel("Password").fill("browser-pass-123");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect.poll(() => page.locator("form [role=alert]").allTextContents()).toEqual([expect.stringMatching(/join code does not match/)]);
    const db = createDb(inject("databaseUrl"));
    expect(await db.user.count({ where: { email: "browser.student@example.com" } })).toBe(0);

    await page.getByLabel("Course join code").fill(DEMO_COURSE.joinCode);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.waitForURL(`${baseUrl}/home`);
    await expect.poll(() => page.getByRole("heading", { name: DEMO_COURSE.title }).count()).toBe(1);
    await expect.poll(() => page.getByTestId("current-user").textContent()).toContain("Browser Student");
    await screenshot(page, "student-home");

    // Signing up again with the same email looks accepted (no enumeration, ADR 019): the form says
    // to check the inbox, the owner is mailed instead, and nothing is duplicated.
    await freshPage();
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel("Name").fill("Twin");
    await page.getByLabel("Email").fill("browser.student@example.com");
    await page.getByLabel("Password").fill("twin-orbit-kettle-55");
    await page.getByLabel("Course join code").fill(DEMO_COURSE.joinCode);
    await page.getByRole("button", { name: "Sign up" }).click();
    // Two bcrypt rounds (sign-up, then the failed sign-in) before the answer shows.
    await expect.poll(() => page.getByRole("status").allTextContents(), { timeout: 15_000 }).toEqual([expect.stringMatching(/Check your email/)]);
    expect(await db.outboxMessage.count({ where: { to: "browser.student@example.com", subject: { contains: "already have an account" } } })).toBe(1);
    expect(await db.user.count({ where: { email: "browser.student@example.com" } })).toBe(1);
    await db.$disconnect();
  });

  it("signs a student in, and refuses them the instructor pages", async () => {
    await freshPage();
    await signInThroughForm(page, baseUrl, DEMO_USERS[1].email, E2E_PASSWORD);
    const response = await page.goto(`${baseUrl}/instructor`);
    expect(response?.status()).toBe(403);
    expect(await page.getByTestId("forbidden").isVisible()).toBe(true);
    await page.goto(`${baseUrl}/home`);
    await page.getByRole("link", { name: DEMO_COURSE.title }).click();
    await page.waitForURL(/\/courses\//);
    const instructorCourse = page.url().replace("/courses/", "/instructor/courses/");
    expect((await page.goto(instructorCourse))?.status()).toBe(403);
  });

  it("signs an instructor in and shows the course roster with its join code", async () => {
    await freshPage();
    await signInThroughForm(page, baseUrl, DEMO_USERS[0].email, E2E_PASSWORD);
    await page.getByRole("link", { name: "Teaching" }).click();
    await page.getByRole("link", { name: DEMO_COURSE.title }).click();
    await expect.poll(() => page.getByTestId("join-code").textContent()).toBe(DEMO_COURSE.joinCode);
    expect(await page.getByRole("cell", { name: DEMO_USERS[3].email }).count()).toBe(1);
    await screenshot(page, "instructor-roster");
  });

  it("rejects a wrong password with a message on the form", async () => {
    await freshPage("ko");
    await page.goto(`${baseUrl}/signin`);
    await page.getByLabel("이메일").fill(DEMO_USERS[1].email);
    await page.getByLabel("비밀번호").fill("wrong-password-9");
    await page.getByRole("button", { name: "로그인" }).first().click();
    // A wrong password runs bcrypt and updates the sign-in throttle (ADR 020): on a loaded
    // machine the answer takes longer than expect.poll's default second.
    await expect.poll(() => page.locator("form [role=alert]").textContent(), { timeout: 15_000 }).toMatch(/올바르지 않습니다/);
    expect(page.url()).toBe(`${baseUrl}/signin`);
  });
});
