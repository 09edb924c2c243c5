import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { SIGN_UP_ACCEPTED, signUpStudent } from "@/lib/accounts/sign-up-student";
import { joinCourse } from "@/lib/courses/join-course";
import { getRoster } from "@/lib/courses/get-roster";
import { listMyCourses } from "@/lib/courses/list-my-courses";
import { seedDemo, DEMO_COURSE, DEMO_USERS } from "@/lib/seed/seed-demo";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

const hasPostgres = await postgresAvailable();

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`database layer on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
    });
    afterAll(async () => drop?.());

    it("seeds the demo course and accounts once, and a second seed changes nothing", async () => {
      const first = await seedDemo(db, "demo-password-1");
      expect(first.created.map((c) => c.email)).toEqual(DEMO_USERS.map((u) => u.email));
      const instructor = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
      expect(await verifyPassword("demo-password-1", instructor.passwordHash!)).toBe(true);

      const second = await seedDemo(db, "another-password-2");
      expect(second.created).toEqual([]);
      const again = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
      expect(again.passwordHash).toBe(instructor.passwordHash);
      expect(await db.course.count()).toBe(1);
      expect(await db.enrollment.count()).toBe(4);
    });

    it("signs a student up with a join code, enrolling them in that course", async () => {
      await signUpStudent({ name: "New Student", email: "New@Example.com", password: "s3cure-password", joinCode: DEMO_COURSE.joinCode.toLowerCase() });
      const user = await db.user.findUniqueOrThrow({ where: { email: "new@example.com" } });
      expect(user).toMatchObject({ email: "new@example.com", role: "STUDENT" });
      expect(await listMyCourses(user.id)).toEqual([expect.objectContaining({ code: DEMO_COURSE.code, role: "STUDENT" })]);
    });

    it("rejects a wrong join code and leaves no partial rows", async () => {
      const users = await db.user.count();
      await expect(signUpStudent({ name: "X", email: "x@example.com", password: "s3cure-password", joinCode: "NOPE-NOPE" })).rejects.toMatchObject({ status: 400, details: { field: "joinCode" } });
      expect(await db.user.count()).toBe(users);
    });

    it("answers a duplicate email like a new one (ADR 019) and leaves no partial rows", async () => {
      const [users, enrollments] = [await db.user.count(), await db.enrollment.count()];
      await expect(signUpStudent({ name: "Dup", email: "NEW@example.com", password: "s3cure-password", joinCode: DEMO_COURSE.joinCode })).resolves.toEqual(SIGN_UP_ACCEPTED);
      expect([await db.user.count(), await db.enrollment.count()]).toEqual([users, enrollments]);
    });

    it("keeps one enrollment per user and course, and lists the roster instructors first", async () => {
      const user = await db.user.findUniqueOrThrow({ where: { email: "new@example.com" } });
      await joinCourse(user.id, DEMO_COURSE.joinCode);
      await joinCourse(user.id, DEMO_COURSE.joinCode);
      const course = await db.course.findUniqueOrThrow({ where: { code: DEMO_COURSE.code } });
      const roster = await getRoster(course.id);
      expect(roster.filter((r) => r.id === user.id)).toHaveLength(1);
      expect(roster[0].role).toBe("INSTRUCTOR");
      expect(roster.slice(1).every((r) => r.role === "STUDENT")).toBe(true);
    });

    it("enforces unique emails at the database level too", async () => {
      await expect(db.user.create({ data: { email: "new@example.com", name: "Again" } })).rejects.toMatchObject({ code: "P2002" });
    });
  });
}
