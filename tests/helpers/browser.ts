import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, expect } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const artifacts = path.resolve(import.meta.dirname, "../../test-results");

/**
 * Debian's Chromium, headless, with the flags this offline machine needs. Every context it
 * opens records Content-Security-Policy violations (see failOnCspViolations).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  // browser.newPage() opens its context through this.newContext, so both are covered.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await newContext(...args);
    await watchCsp(context);
    return context;
  };
  return browser;
}

const cspViolations: string[] = [];
const CSP_MARK = "[csp-violation]";

/**
 * Records what the page's policy refused: Chromium's own console report ("Refused to … because
 * it violates the following Content Security Policy directive …", also for workers and
 * frames) and the document's securitypolicyviolation events, reported from an init script
 * (which the policy doesn't apply to).
 */
async function watchCsp(context: BrowserContext) {
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(CSP_MARK) || /Content[ -]Security[ -]Policy/i.test(text)) cspViolations.push(`${message.page()?.url() ?? "?"}: ${text.replace(CSP_MARK, "").trim()}`);
  });
  await context.addInitScript((mark: string) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`${mark} ${event.effectiveDirective} refused ${event.blockedURI || "inline"} at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
    });
  }, CSP_MARK);
}

/** The violations recorded since the last call (and forgets them). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/**
 * Makes every test of the file fail when the browser reported a CSP violation while it ran
 * (the e2e setup file calls this for every suite), so the app is known to work under its
 * policy. A test that causes one on purpose takes it with takeCspViolations.
 */
export function failOnCspViolations() {
  afterEach(() => {
    expect(takeCspViolations(), "Content-Security-Policy violations in the browser").toEqual([]);
  });
  afterAll(() => {
    expect(takeCspViolations(), "Content-Security-Policy violations in the browser after the last test").toEqual([]);
  });
}

/** Saves a screenshot into test-results/ (kept as a CI artifact). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the real sign-in form. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel(/email|이메일/i).fill(email);
  await page.getByLabel(/password|비밀번호/i).fill(password);
  await page.getByRole("button", { name: /sign in|로그인/i }).first().click();
  await page.waitForURL(`${baseUrl}/home`);
}
