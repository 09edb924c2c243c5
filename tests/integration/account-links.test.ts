import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { hashToken } from "@/lib/accounts/hash-token";
import { ACCOUNT_MAILS_PER_HOUR } from "@/lib/accounts/mail-rate-limit";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { setPasswordWithToken } from "@/lib/accounts/set-password-with-token";
import { SIGN_UP_ACCEPTED, signUpStudent } from "@/lib/accounts/sign-up-student";
import { verifyEmailWithToken } from "@/lib/accounts/verify-email-with-token";
import { verifyPassword } from "@/lib/auth/password";
import { importRoster } from "@/lib/courses/import-roster";
import { previewRosterImport } from "@/lib/courses/preview-roster-import";
import { resendInvitation } from "@/lib/courses/resend-invitation";
import { signUpBody } from "@/app/api/signup/schema";
import { setPasswordBody } from "@/app/api/account/password/schema";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

const hasPostgres = await postgresAvailable();
const STRONG = "tangerine-orbit-kettle-91";

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`account links on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let teacherId: string;
    const joinCode = "ACCT-0001";

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      courseId = (await db.course.create({ data: { code: "A1", title: "Accounts 101", joinCode } })).id;
      teacherId = (await db.user.create({ data: { email: "teacher@example.com", name: "Teacher", role: "INSTRUCTOR" } })).id;
      await db.enrollment.create({ data: { courseId, userId: teacherId, role: "INSTRUCTOR" } });
    }, 120_000);
    afterAll(async () => drop());

    /** The link in the newest outbox message to this address (the embedded mailer: no SMTP_URL in tests). */
    async function lastLink(to: string): Promise<{ url: URL; token: string; subject: string; courseId: string | null }> {
      const message = await db.outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
      const url = new URL(/https?:\/\/\S+/.exec(message.text)![0]);
      return { url, token: url.searchParams.get("token") ?? "", subject: message.subject, courseId: message.courseId };
    }

    it("invites imported students with a single-use link stored only as its SHA-256", async () => {
      const result = await importRoster(teacherId, courseId, "email,name,student id\nnew.one@example.com,New One,S-1\n");
      expect(result.invitations).toEqual({ sent: 1, notSent: 0 });
      const link = await lastLink("new.one@example.com");
      expect(link.url.pathname).toBe("/account/password");
      expect(link.courseId).toBe(courseId);
      expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
      const stored = await db.accountToken.findMany({ where: { user: { email: "new.one@example.com" } } });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ kind: "INVITE", tokenHash: crypto.createHash("sha256").update(link.token).digest("hex"), usedAt: null });
      // The token itself is in no column of the table.
      expect(JSON.stringify(stored)).not.toContain(link.token);

      // A weak password is refused without spending the link.
      await expect(setPasswordWithToken(link.token, "new.one-2026")).rejects.toMatchObject({ status: 400, details: { field: "password" } });
      await setPasswordWithToken(link.token, STRONG);
      const user = await db.user.findUniqueOrThrow({ where: { email: "new.one@example.com" } });
      expect(await verifyPassword(STRONG, user.passwordHash!)).toBe(true);
      expect(user.emailVerified).not.toBeNull();
      // Second use: refused, and the password is not changed.
      await expect(setPasswordWithToken(link.token, "another-strong-orbit-77")).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/already used/) });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
    });

    it("refuses an expired link, a forged one and one of the wrong kind", async () => {
      await requestPasswordReset("new.one@example.com");
      const link = await lastLink("new.one@example.com");
      expect(link.url.pathname).toBe("/account/password");
      await db.accountToken.updateMany({ where: { tokenHash: hashToken(link.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await expect(setPasswordWithToken(link.token, STRONG)).rejects.toMatchObject({ status: 400 });
      await expect(setPasswordWithToken(crypto.randomBytes(32).toString("base64url"), STRONG)).rejects.toMatchObject({ status: 400 });
      // A reset link does not verify an email through the verification route (kinds are not interchangeable).
      await requestPasswordReset("new.one@example.com");
      await expect(verifyEmailWithToken((await lastLink("new.one@example.com")).token)).rejects.toMatchObject({ status: 400 });
      // A new reset link spends the previous one.
      const older = (await lastLink("new.one@example.com")).token;
      await db.rateLimit.deleteMany();
      await requestPasswordReset("new.one@example.com");
      await expect(setPasswordWithToken(older, STRONG)).rejects.toMatchObject({ status: 400 });
      await setPasswordWithToken((await lastLink("new.one@example.com")).token, STRONG);
    });

    it("rate-limits account emails per address, the same for known and unknown addresses", async () => {
      await db.rateLimit.deleteMany();
      for (const email of ["new.one@example.com", "nobody@example.com"]) {
        for (let i = 0; i < ACCOUNT_MAILS_PER_HOUR; i++) await requestPasswordReset(email);
        await expect(requestPasswordReset(email)).rejects.toMatchObject({ status: 429, details: { retryAfterSeconds: expect.any(Number) } });
      }
      expect(await db.outboxMessage.count({ where: { to: "nobody@example.com" } })).toBe(0);
      // Another address is unaffected; the instructor's resend is held to the same limit.
      await requestPasswordReset("teacher@example.com");
      await importRoster(teacherId, courseId, "email,name\nlimited@example.com,Limited\n");
      for (let i = 1; i < ACCOUNT_MAILS_PER_HOUR; i++) await resendInvitation(teacherId, courseId, "limited@example.com");
      await expect(resendInvitation(teacherId, courseId, "limited@example.com")).rejects.toMatchObject({ status: 429 });
      await db.rateLimit.deleteMany();
    });

    it("resends only to students of the course who cannot sign in yet", async () => {
      await expect(resendInvitation(teacherId, courseId, "new.one@example.com")).rejects.toMatchObject({ status: 400 });
      await expect(resendInvitation(teacherId, courseId, "stranger@example.com")).rejects.toMatchObject({ status: 400 });
      const before = await lastLink("limited@example.com");
      await resendInvitation(teacherId, courseId, "limited@example.com");
      const after = await lastLink("limited@example.com");
      expect(after.token).not.toBe(before.token);
      await expect(setPasswordWithToken(before.token, STRONG)).rejects.toMatchObject({ status: 400 });
    });

    it("does not enrol a squatter who signed up with someone else's address until the address is proven", async () => {
      const other = await db.course.create({ data: { code: "A2", title: "Other", joinCode: "OTHR-0002" } });
      // The squatter signs up (through another course's join code) with the victim's address.
      await signUpStudent({ name: "Squatter", email: "victim@example.com", password: "squatter-secret-orbit-5", joinCode: "OTHR-0002" });
      const squatter = await db.user.findUniqueOrThrow({ where: { email: "victim@example.com" } });
      expect(squatter.emailVerified).toBeNull();
      // The instructor sees an ordinary "add"; the import enrols nobody yet.
      const preview = await previewRosterImport(courseId, "email,name,student id\nvictim@example.com,Victim,S-V\n");
      expect(preview.rows.map((r) => [r.action, r.note])).toEqual([["add", null]]);
      await importRoster(teacherId, courseId, "email,name,student id\nvictim@example.com,Victim,S-V\n");
      expect(await db.enrollment.count({ where: { courseId, userId: squatter.id } })).toBe(0);
      expect(await db.pendingEnrollment.count({ where: { courseId, email: "victim@example.com" } })).toBe(1);
      // The invitation goes to the mailbox, i.e. the real owner, who sets a password and is enrolled; the squatter's password stops working.
      const invite = await lastLink("victim@example.com");
      expect(invite.url.pathname).toBe("/account/password");
      await setPasswordWithToken(invite.token, "victims-own-orbit-kettle-3");
      const owned = await db.user.findUniqueOrThrow({ where: { id: squatter.id } });
      expect(await verifyPassword("squatter-secret-orbit-5", owned.passwordHash!)).toBe(false);
      expect(owned.emailVerified).not.toBeNull();
      expect(owned.studentId).toBe("S-V");
      expect(await db.enrollment.count({ where: { courseId, userId: squatter.id } })).toBe(1);
      expect(await db.pendingEnrollment.count()).toBe(0);
      await db.course.delete({ where: { id: other.id } });
    });

    it("enrols a signed-up account once its own verification link is used", async () => {
      await signUpStudent({ name: "Honest", email: "honest@example.com", password: "honest-orbit-kettle-8", joinCode });
      const verify = await lastLink("honest@example.com");
      expect(verify.url.pathname).toBe("/account/verify");
      const second = await db.course.create({ data: { code: "A3", title: "Second", joinCode: "SCND-0003" } });
      const teacher = await db.enrollment.create({ data: { courseId: second.id, userId: teacherId, role: "INSTRUCTOR" } });
      await importRoster(teacherId, second.id, "email,name\nhonest@example.com,Honest\n");
      const honest = await db.user.findUniqueOrThrow({ where: { email: "honest@example.com" } });
      expect(await db.enrollment.count({ where: { courseId: second.id, userId: honest.id } })).toBe(0);
      expect(await verifyEmailWithToken(verify.token)).toEqual({ email: "honest@example.com", coursesJoined: 1 });
      expect(await db.enrollment.count({ where: { courseId: second.id, userId: honest.id } })).toBe(1);
      await expect(verifyEmailWithToken(verify.token)).rejects.toMatchObject({ status: 400 });
      // Once verified, a later import enrols directly.
      const third = await db.course.create({ data: { code: "A4", title: "Third", joinCode: "THRD-0004" } });
      await importRoster(teacherId, third.id, "email,name\nhonest@example.com,Honest\n");
      expect(await db.enrollment.count({ where: { courseId: third.id, userId: honest.id } })).toBe(1);
      expect(teacher.role).toBe("INSTRUCTOR");
    });

    it("answers a sign-up with a taken email exactly like a new one, and mails the owner instead", async () => {
      const owner = await db.user.findUniqueOrThrow({ where: { email: "honest@example.com" } });
      const fresh = await signUpStudent({ name: "Fresh", email: "fresh@example.com", password: "fresh-orbit-kettle-19", joinCode });
      const taken = await signUpStudent({ name: "Intruder", email: "Honest@Example.com", password: "intruder-orbit-kettle-19", joinCode });
      expect(taken).toEqual(fresh);
      expect(taken).toEqual(SIGN_UP_ACCEPTED);
      expect(JSON.stringify(taken)).not.toMatch(/exist|taken|already/i);
      const notice = await db.outboxMessage.findFirstOrThrow({ where: { to: "honest@example.com" }, orderBy: { createdAt: "desc" } });
      expect(notice.subject).toMatch(/이미 계정|already have an account/);
      expect(notice.text).toContain("/forgot-password");
      // Nothing about the account changed.
      const after = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
      expect(after).toEqual(owner);
      expect(await db.user.count({ where: { email: "honest@example.com" } })).toBe(1);
    });

    it("rejects passwords over 72 UTF-8 bytes and weak ones at sign-up and on set-password", async () => {
      const body = { name: "Kim Minsu", email: "minsu.kim@example.com", joinCode };
      const long = signUpBody.safeParse({ ...body, password: "비밀번호가아주길어요".repeat(3) });
      expect(long.error?.issues.map((i) => i.message).join(" ")).toMatch(/72 bytes/);
      expect(setPasswordBody.safeParse({ token: "a".repeat(43), password: "x".repeat(73) }).success).toBe(false);
      await expect(signUpStudent({ ...body, password: "minsu.kim-2026" })).rejects.toMatchObject({ status: 400, details: { field: "password" } });
      await expect(signUpStudent({ ...body, password: "Password1234" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/too easy to guess/) });
      expect(await db.user.count({ where: { email: "minsu.kim@example.com" } })).toBe(0);
    });
  });
}
