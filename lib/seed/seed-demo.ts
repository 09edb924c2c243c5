import crypto from "node:crypto";
import type { Db } from "../db";
import { hashPassword } from "../auth/password";

export const DEMO_COURSE = { code: "IPC101", title: "IPC 101 — Inter-process communication (demo)", joinCode: "IPC-DEMO" };

export const DEMO_USERS = [
  { email: "instructor@ipclab.local", name: "Demo Instructor", role: "INSTRUCTOR" as const },
  { email: "student1@ipclab.local", name: "Kim Minjun", role: "STUDENT" as const, studentId: "2026-0001" },
  { email: "student2@ipclab.local", name: "Lee Seoyeon", role: "STUDENT" as const, studentId: "2026-0002" },
  { email: "student3@ipclab.local", name: "Alex Park", role: "STUDENT" as const, studentId: "2026-0003" },
];

export type SeedReport = { created: Array<{ email: string; password: string; role: string }>; courseJoinCode: string };

function randomPassword(): string {
  // Letters and digits, so it satisfies the sign-up password rules too.
  return `demo-${crypto.randomBytes(6).toString("hex")}7`;
}

/**
 * Creates the demo course and accounts if they are missing. Existing rows are never
 * changed, so a second start keeps passwords and data. New accounts get a random password
 * (or DEMO_PASSWORD), returned so the caller can print it once.
 */
export async function seedDemo(db: Db, fixedPassword?: string): Promise<SeedReport> {
  const course = await db.course.upsert({
    where: { code: DEMO_COURSE.code },
    update: {},
    create: { ...DEMO_COURSE, description: "A demo course with one instructor and three students." },
  });
  const created: SeedReport["created"] = [];
  for (const u of DEMO_USERS) {
    let user = await db.user.findUnique({ where: { email: u.email } });
    if (!user) {
      const password = fixedPassword ?? randomPassword();
      // The operator chose these accounts and their addresses: nobody signed up with someone
      // else's email, so roster imports may enrol them like verified accounts (ADR 019).
      user = await db.user.create({ data: { ...u, passwordHash: await hashPassword(password), emailVerified: new Date() } });
      created.push({ email: u.email, password, role: u.role });
    }
    await db.enrollment.upsert({
      where: { courseId_userId: { courseId: course.id, userId: user.id } },
      update: {},
      create: { courseId: course.id, userId: user.id, role: u.role === "INSTRUCTOR" ? "INSTRUCTOR" : "STUDENT" },
    });
  }
  return { created, courseJoinCode: course.joinCode };
}
