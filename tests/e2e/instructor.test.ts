import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createDb, type Db } from "@/lib/db";
import { DEMO_USERS } from "@/lib/seed/seed-demo";
import { parseCsv } from "@/lib/courses/parse-csv";
import { gradeSource } from "@/lib/grader/grade-source";
import { EXERCISES_DIR } from "@/lib/grader/exercises/load-exercise";
import { completeSubmission } from "@/lib/grader/queue/complete-submission";
import { launchBrowser, screenshot, signInThroughForm } from "../helpers/browser";
import { HttpSession } from "../helpers/http-session";
import { E2E_PASSWORD } from "./e2e-constants";

const baseUrl = inject("baseUrl");
const root = path.resolve(import.meta.dirname, "../..");
const exerciseDir = path.join(EXERCISES_DIR, "fix-the-race");
const [instructor, ...students] = DEMO_USERS;
// What each student submits: a full solution, the starter (fails everything) and a mutant
// that checks the balance outside the lock (fails only the overdraft test).
const sources = [
  fs.readFileSync(path.join(exerciseDir, "solution.ts"), "utf8"),
  fs.readFileSync(path.join(exerciseDir, "starter.ts"), "utf8"),
  fs.readFileSync(path.join(exerciseDir, "mutants/check-outside-the-lock.ts"), "utf8"),
];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let db: Db;
let courseId = "";
let assignmentId = "";
const submissionIds: string[] = [];
/** Scores the app's grader gave under the current hidden tests, by submission id. */
const freshScores = new Map<string, number>();

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-US", acceptDownloads: true });
  page = await context.newPage();
  db = createDb(inject("databaseUrl"));
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

async function waitForGrades(ids: string[], timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.submission.findMany({ where: { id: { in: ids } }, select: { status: true } });
    if (rows.every((r) => r.status === "GRADED" || r.status === "COMPILE_ERROR" || r.status === "FAILED")) return;
    if (Date.now() > deadline) throw new Error(`submissions not graded in time: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function gradebookScore(email: string): Promise<string | null> {
  return page.locator(`tr[data-student="${email}"] td[data-assignment="${assignmentId}"]`).getAttribute("data-score");
}

describe("instructor workflow in Chromium", () => {
  it("creates a course and imports a roster: preview with per-row errors, then all at once", async () => {
    await signInThroughForm(page, baseUrl, instructor.email, E2E_PASSWORD);
    await page.goto(`${baseUrl}/instructor`);
    await page.getByLabel("Course code").fill("OS-E2E");
    await page.getByLabel("Title").fill("Operating Systems (e2e)");
    await page.getByRole("button", { name: "Create a course" }).click();
    await page.waitForURL(/\/instructor\/courses\/[a-z0-9]+$/);
    courseId = page.url().split("/").pop()!;

    const good = students.map((s) => `${s.email},${s.name},${s.studentId}`);
    await page.getByLabel("CSV text").fill(["email,name,student id", ...good, "not-an-email,Nobody,", `${students[0].email},Twin,`].join("\n"));
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByTestId("roster-preview");
    await expect.poll(() => preview.locator("tbody tr").count()).toBe(5);
    expect(await preview.locator("tbody tr").nth(3).textContent()).toMatch(/not a valid email/);
    expect(await preview.locator("tbody tr").nth(4).textContent()).toMatch(/Duplicate of line 2/);
    expect(await page.getByRole("button", { name: "Import" }).isDisabled()).toBe(true);

    await page.getByLabel("CSV text").fill(["email,name,student id", ...good, "new.student@example.com,\"Choi, Jiwoo\",2026-0099"].join("\n"));
    await page.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => page.getByTestId("roster-preview-counts").textContent()).toMatch(/add: 4 · skip: 0 · error: 0/);
    await page.getByRole("button", { name: "Import" }).click();
    // The preview table shows the same emails, so wait for the import itself, in the database.
    const enrolledNow = () => db.enrollment.findMany({ where: { courseId, role: "STUDENT" }, include: { user: true } });
    await expect.poll(async () => (await enrolledNow()).length, { timeout: 10_000 }).toBe(students.length + 1);
    await expect.poll(() => page.getByRole("cell", { name: "new.student@example.com" }).count()).toBeGreaterThanOrEqual(1);
    const enrolled = await enrolledNow();
    expect(enrolled.map((e) => e.user.email).sort()).toEqual([...students.map((s) => s.email), "new.student@example.com"].sort());
    expect(enrolled.find((e) => e.user.email === "new.student@example.com")!.user).toMatchObject({ name: "Choi, Jiwoo", studentId: "2026-0099", passwordHash: null });
  });

  it("assigns fix-the-race, students submit through the real grader, the grade book shows their scores", { timeout: 200_000 }, async () => {
    await page.goto(`${baseUrl}/instructor/courses/${courseId}/assignments`);
    await page.getByLabel("Kind").selectOption("EXERCISE");
    await page.getByLabel("Content").selectOption("fix-the-race");
    await page.getByLabel("Title").fill("Fix the race (e2e)");
    await page.getByLabel("Published").check();
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await page.waitForURL(/\/assignments\/[a-z0-9]+$/);
    assignmentId = page.url().split("/").pop()!;
    expect(await page.getByTestId("publish-state").textContent()).toBe("Published");

    for (const [i, student] of students.entries()) {
      const session = await new HttpSession(baseUrl).signIn(student.email, E2E_PASSWORD);
      const response = await session.fetch("/api/submissions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ exercise: "fix-the-race", source: sources[i], assignmentId }),
      });
      expect(response.status).toBe(201);
      submissionIds.push(((await response.json()) as { id: string }).id);
    }
    await waitForGrades(submissionIds);
    const graded = await db.submission.findMany({ where: { id: { in: submissionIds } } });
    for (const s of graded) freshScores.set(s.id, s.score!);

    await page.goto(`${baseUrl}/instructor/courses/${courseId}/grades`);
    for (const [i, student] of students.entries()) expect(await gradebookScore(student.email)).toBe(String(freshScores.get(submissionIds[i])));
    expect(await gradebookScore("new.student@example.com")).toBe("");
    await screenshot(page, "instructor-gradebook");

    // Sorting by the assignment's score, highest first, puts the solution on top (server-side).
    await page.getByRole("link", { name: "Fix the race (e2e)" }).click();
    await expect.poll(() => page.locator("table.gradebook tbody tr").first().getAttribute("data-student")).toBe(students[0].email);
  });

  it("shows a failed test's counterexample in the interactive timeline students see", async () => {
    // The mutant fails only the overdraft test; every failing test stores its trace.
    const mutant = submissionIds[2];
    const failing = await db.testResult.findMany({ where: { submissionId: mutant, passed: false, trace: { not: null } }, orderBy: { id: "asc" } });
    expect(failing.length).toBeGreaterThan(0);
    const stored = JSON.parse(failing[0].trace!) as { failure: string };
    await page.goto(`${baseUrl}/instructor/courses/${courseId}/submissions/${mutant}`);
    const timelines = page.getByTestId("timeline");
    await expect.poll(() => timelines.count()).toBe(failing.length);
    const timeline = timelines.first();
    expect(await timeline.locator("h3").textContent()).toBe(`Interleaving timeline: ${failing[0].title}`);
    expect(await page.locator(".card", { has: timeline }).locator("code").first().textContent()).toBe(failing[0].replay);

    // The failure is marked, and the cursor starts on it.
    expect(await timeline.locator(".timeline-failure").textContent()).toBe(`✗ ${stored.failure}`);
    const failureRow = timeline.locator("tr.failure");
    expect(await failureRow.count()).toBe(1);
    // Marked once: on the step the failure class names as the cause, else where the run failed.
    expect(await failureRow.locator(".broke").textContent()).toMatch(/^(✗ failed here|⚑ caused the failure)/);
    expect(await failureRow.getAttribute("aria-current")).toBe("step");
    expect(await timeline.locator("thead th").count()).toBeGreaterThanOrEqual(3); // step + one lane per process

    // Stepping: the buttons and the keys on the grid move the cursor (the page hydrated).
    const position = () => timeline.getByTestId("timeline-position").textContent();
    const atFailure = (await position())!;
    const total = Number(/ of (\d+)/.exec(atFailure)![1]);
    expect(total).toBeGreaterThan(2);
    await timeline.getByTestId("timeline-prev").click();
    await expect.poll(position).not.toBe(atFailure);
    expect(await failureRow.getAttribute("aria-current")).toBeNull();
    await timeline.getByTestId("timeline-grid").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(position).toBe(atFailure);
    await page.keyboard.press("Home");
    await expect.poll(position).toMatch(new RegExp(`· 1 of ${total} — pid \\d+ `));
    await timeline.getByTestId("timeline-next").click();
    await expect.poll(position).toMatch(new RegExp(`· 2 of ${total} — pid \\d+ `));
    await timeline.getByTestId("timeline-grid").focus(); // the click moved focus to the button
    await page.keyboard.press("End");
    await expect.poll(position).toMatch(new RegExp(`· ${total} of ${total} — `));
    await screenshot(page, "instructor-timeline");
  });

  it("gives each of several timelines on a submission page its own heading and cursor", async () => {
    const starter = submissionIds[1];
    const failing = await db.testResult.count({ where: { submissionId: starter, passed: false, trace: { not: null } } });
    expect(failing).toBeGreaterThan(1);
    await page.goto(`${baseUrl}/instructor/courses/${courseId}/submissions/${starter}`);
    const timelines = page.getByTestId("timeline");
    await expect.poll(() => timelines.count()).toBe(failing);
    const labels = await timelines.evaluateAll((sections) => sections.map((s) => [s.getAttribute("aria-labelledby"), s.querySelector("h3")?.id]));
    for (const [labelledBy, headingId] of labels) expect(labelledBy).toBe(headingId);
    expect(new Set(labels.map(([id]) => id)).size).toBe(failing);

    const position = (i: number) => timelines.nth(i).getByTestId("timeline-position").textContent();
    const second = await position(1);
    await timelines.nth(0).getByTestId("timeline-grid").focus();
    await page.keyboard.press("Home");
    await expect.poll(() => position(0)).toMatch(/· 1 of \d+ — /);
    expect(await position(1)).toBe(second);
    expect(second).not.toMatch(/· 1 of /);
  });

  it("downloads a CSV whose rows match the database", async () => {
    await page.goto(`${baseUrl}/instructor/courses/${courseId}/grades`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(["Student ID", "Email", "Name", "Fix the race (e2e) [100]"]);
    const enrolled = await db.enrollment.findMany({ where: { courseId, role: "STUDENT" }, include: { user: true }, orderBy: { user: { name: "asc" } } });
    const expected = await Promise.all(
      enrolled.map(async (e) => {
        const best = await db.submission.findFirst({ where: { assignmentId, userId: e.userId }, orderBy: { score: "desc" } });
        return [e.user.studentId ?? "", e.user.email, e.user.name, best?.score === undefined || best.score === null ? "" : String(best.score)];
      }),
    );
    expect(rows).toEqual(expected);
  });

  /**
   * A regrade after a hidden-test change. The running server loads each exercise once and
   * cannot be pointed at other tests, and faking stored scores would prove nothing. So the
   * change is made the other way round, honestly: the submissions are graded again, by the
   * real grading pipeline (gradeSource) and recorded through the real completion path
   * (completeSubmission, under our own lease), against a PREVIOUS version of the hidden tests
   * — a copy of fix-the-race whose points are split evenly. The database then holds exactly
   * what it would hold had the tests changed after grading. The instructor's regrade must
   * bring every score back to the fresh grading under the current tests, and the "changed"
   * summary must list exactly the submissions whose old and new scores differ.
   */
  it("regrades the assignment after a hidden-test change and lists exactly the changed scores", { timeout: 200_000 }, async () => {
    const oldRoot = fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-previous-tests-"));
    const copy = path.join(oldRoot, "fix-the-race");
    fs.cpSync(exerciseDir, copy, { recursive: true });
    for (const file of fs.readdirSync(path.join(copy, "tests"))) {
      const f = path.join(copy, "tests", file);
      fs.writeFileSync(f, fs.readFileSync(f, "utf8").replaceAll('"../../../lib/', `"${root}/lib/`));
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(copy, "exercise.json"), "utf8")) as { points: Record<string, number> };
    const total = Object.values(manifest.points).reduce((a, b) => a + b, 0);
    const ids = Object.keys(manifest.points);
    manifest.points = Object.fromEntries(ids.map((id) => [id, total / ids.length]));
    fs.writeFileSync(path.join(copy, "exercise.json"), JSON.stringify(manifest));

    const oldScores = new Map<string, number>();
    for (const id of submissionIds) {
      const row = await db.submission.update({
        where: { id },
        data: { status: "RUNNING", leaseOwner: "e2e-previous-tests", leaseUntil: new Date(Date.now() + 600_000), gradeRun: { increment: 1 } },
      });
      // The same base seed the service grades this submission with (seedFor in
      // lib/grader/queue/grade-claimed-submission.ts), so only the tests differ.
      const seed = crypto.createHash("sha256").update(id).digest().readUInt32BE(0);
      const report = await gradeSource({ exercise: "fix-the-race", source: row.source, seed }, undefined, { root: oldRoot });
      expect(await completeSubmission(db, { id, owner: "e2e-previous-tests", gradeRun: row.gradeRun }, report)).toEqual({ applied: true, status: "GRADED" });
      oldScores.set(id, report.score);
    }
    fs.rmSync(oldRoot, { recursive: true, force: true });
    const expectedChanged = submissionIds.filter((id) => oldScores.get(id) !== freshScores.get(id));
    // The even split changes the mutant's score but not the solution's (all) or the starter's (none).
    expect(expectedChanged.length).toBeGreaterThan(0);
    expect(expectedChanged.length).toBeLessThan(submissionIds.length);

    await page.goto(`${baseUrl}/instructor/courses/${courseId}/grades`);
    expect(await gradebookScore(students[2].email)).toBe(String(oldScores.get(submissionIds[2])));

    await page.goto(`${baseUrl}/instructor/courses/${courseId}/assignments/${assignmentId}`);
    // It asks first, saying how many submissions it will rerun.
    const asked = new Promise<string>((resolve) =>
      page.once("dialog", (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByRole("button", { name: "Regrade the whole assignment" }).click();
    expect(await asked).toContain(`all ${submissionIds.length} submissions`);
    await page.waitForURL(/\?regrade=/);
    await expect.poll(() => page.getByTestId("regrade-progress").getAttribute("data-finished"), { timeout: 150_000, interval: 1000 }).toBe("true");
    expect(await page.locator("progress").getAttribute("value")).toBe(String(submissionIds.length));
    const listed = await page.getByTestId("regrade-changed").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-submission")));
    expect(listed.sort()).toEqual([...expectedChanged].sort());
    await screenshot(page, "instructor-regrade");

    const after = await db.submission.findMany({ where: { id: { in: submissionIds } } });
    for (const s of after) {
      expect(s.status).toBe("GRADED");
      expect(s.score).toBe(freshScores.get(s.id));
    }
    const items = await db.regradeItem.findMany({ where: { submissionId: { in: submissionIds } } });
    for (const item of items) expect([item.previousScore, item.newScore]).toEqual([oldScores.get(item.submissionId), freshScores.get(item.submissionId)]);
  });

  it("overrides a score with a required comment, and shows the analytics", async () => {
    const student = await db.user.findUniqueOrThrow({ where: { email: students[1].email } });
    await page.goto(`${baseUrl}/instructor/courses/${courseId}/grades/${student.id}`);
    const form = page.getByRole("form", { name: "Override the score: Fix the race (e2e)" });
    await form.getByLabel("Score").fill("42");
    await form.getByRole("button", { name: "Override the score" }).click();
    // The comment is required: the browser refuses to submit without it.
    expect(await db.gradeOverride.count({ where: { userId: student.id } })).toBe(0);
    await form.getByLabel("Comment (required)").fill("Partial credit after office hours");
    await form.getByRole("button", { name: "Override the score" }).click();
    await expect.poll(() => page.getByTestId(`final-${assignmentId}`).textContent()).toBe("42");
    expect(await db.auditLog.count({ where: { courseId, action: "grade.override" } })).toBe(1);

    await page.goto(`${baseUrl}/instructor/courses/${courseId}/analytics`);
    await expect.poll(() => page.locator(".recharts-surface").count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId("failing-tests").textContent()).toMatch(/three-tellers|two-tellers|no-overdraft/);
    await screenshot(page, "instructor-analytics");
  });
});
