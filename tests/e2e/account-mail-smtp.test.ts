import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { DEMO_COURSE, DEMO_USERS } from "@/lib/seed/seed-demo";
import { HttpSession } from "../helpers/http-session";
import { startApp, type RunningApp } from "../helpers/start-app";
import { E2E_PASSWORD, E2E_PORT } from "./e2e-constants";

/**
 * Invitations and resets delivered over real SMTP (ADR 019): the app runs as `npm start` does,
 * with SMTP_URL pointing at an smtp-server started here; each delivered message is parsed with
 * mailparser and its link followed over HTTP.
 */
type Delivered = { to: string; subject: string; text: string };

const delivered: Delivered[] = [];
let smtp: SMTPServer;
let app: RunningApp;
let db: Db;
let courseId = "";
let instructor: HttpSession;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-smtp-"));

async function mailTo(to: string, subject: RegExp, after = 0): Promise<Delivered> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const found = delivered.slice(after).find((m) => m.to === to && subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} matching ${subject}; got: ${JSON.stringify(delivered.map((m) => [m.to, m.subject]))}`);
}

function linkIn(mail: Delivered): URL {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return new URL(match[0]);
}

async function postJson(session: HttpSession, pathname: string, body: unknown) {
  return session.fetch(pathname, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  smtp = new SMTPServer({
    // Plain SMTP on loopback, as a campus relay inside the network would be; no TLS certificate to fake.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          for (const rcpt of session.envelope.rcptTo) delivered.push({ to: rcpt.address, subject: parsed.subject ?? "", text: parsed.text ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  app = await startApp({
    port: E2E_PORT + 17,
    dataDir,
    env: {
      DEMO_PASSWORD: E2E_PASSWORD,
      // The build of the e2e global setup is reused.
      NEXT_DIST_DIR: E2E_PORT === 3210 ? ".next" : `.next-${E2E_PORT}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "IPC Lab <no-reply@ipclab.test>",
    },
  });
  db = createDb(app.databaseUrl);
  courseId = (await db.course.findUniqueOrThrow({ where: { code: DEMO_COURSE.code } })).id;
  instructor = await new HttpSession(app.baseUrl).signIn(DEMO_USERS[0].email, E2E_PASSWORD);
}, 600_000);

afterAll(async () => {
  await db?.$disconnect();
  app?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("account email over SMTP", () => {
  const student = "smtp.student@example.com";
  const firstPassword = "lantern-quartz-meadow-64";
  const secondPassword = "copper-violin-harbor-27";

  it("invites an imported student: the link opens the page, sets a password once, and sign-in works", async () => {
    const response = await postJson(instructor, `/api/courses/${courseId}/roster/import`, { csv: `email,name,student id\n${student},Smtp Student,S-SMTP\n`, mode: "commit" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { imported: { invitations: unknown } }).imported.invitations).toEqual({ sent: 1, notSent: 0 });
    const mail = await mailTo(student, /invitation|초대/i);
    const link = linkIn(mail);
    expect(link.origin).toBe(app.baseUrl);
    expect(link.pathname).toBe("/account/password");

    const anonymous = new HttpSession(app.baseUrl);
    const page = await anonymous.fetch(link.pathname + link.search);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');
    const token = link.searchParams.get("token");
    // Opening the page spent nothing; a weak password is refused and spends nothing either.
    expect((await postJson(anonymous, "/api/account/password", { token, password: "smtp.student1" })).status).toBe(400);
    expect((await postJson(anonymous, "/api/account/password", { token, password: firstPassword })).status).toBe(200);
    await new HttpSession(app.baseUrl).signIn(student, firstPassword);
    // The link works once.
    const again = await postJson(anonymous, "/api/account/password", { token, password: secondPassword });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toMatch(/already used/);
    await expect(new HttpSession(app.baseUrl).signIn(student, secondPassword)).rejects.toThrow(/sign-in .* failed/);
    // Nothing is kept in the outbox when SMTP delivers.
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("resets a forgotten password over SMTP with a single-use link", async () => {
    const before = delivered.length;
    const asked = await postJson(new HttpSession(app.baseUrl), "/api/account/forgot-password", { email: student });
    expect(asked.status).toBe(202);
    const unknown = await postJson(new HttpSession(app.baseUrl), "/api/account/forgot-password", { email: "nobody@example.com" });
    expect([unknown.status, await unknown.json()]).toEqual([202, await asked.json()]);
    const link = linkIn(await mailTo(student, /reset|재설정/i, before));
    expect(link.pathname).toBe("/account/password");
    const token = link.searchParams.get("token");
    const anonymous = new HttpSession(app.baseUrl);
    expect((await anonymous.fetch(link.pathname + link.search)).status).toBe(200);
    expect((await postJson(anonymous, "/api/account/password", { token, password: secondPassword })).status).toBe(200);
    await new HttpSession(app.baseUrl).signIn(student, secondPassword);
    await expect(new HttpSession(app.baseUrl).signIn(student, firstPassword)).rejects.toThrow(/failed/);
    expect((await postJson(anonymous, "/api/account/password", { token, password: firstPassword })).status).toBe(400);
    expect(delivered.some((m) => m.to === "nobody@example.com")).toBe(false);
  });

  it("answers sign-up with a taken email exactly as a new one, and tells the owner by email", async () => {
    const before = delivered.length;
    const signUp = (email: string) =>
      postJson(new HttpSession(app.baseUrl), "/api/signup", { name: "Someone", email, password: "saffron-glacier-pillow-58", joinCode: DEMO_COURSE.joinCode });
    const fresh = await signUp("smtp.fresh@example.com");
    const taken = await signUp(student);
    expect({ status: taken.status, body: await taken.json() }).toEqual({ status: fresh.status, body: await fresh.json() });
    expect(fresh.status).toBe(202);
    expect((await mailTo(student, /already have an account|이미 계정/i, before)).text).toContain(`${app.baseUrl}/forgot-password`);
    expect(linkIn(await mailTo("smtp.fresh@example.com", /confirm|확인/i, before)).pathname).toBe("/account/verify");
    // The owner's password still works; the stranger's does not.
    await new HttpSession(app.baseUrl).signIn(student, secondPassword);
    await expect(new HttpSession(app.baseUrl).signIn(student, "saffron-glacier-pillow-58")).rejects.toThrow(/failed/);
  });
});
