import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { assignmentAccess } from "@/lib/assignments/assignment-access";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ApiError } from "@/lib/http/api-error";
import { createSubmission } from "@/lib/submissions/create-submission";
import { getExerciseWorkspace } from "@/lib/workspace/get-exercise-workspace";
import { createTestDatabase } from "../helpers/test-database";

const DAY = 24 * 3600 * 1000;
let db: Db;
let drop: () => Promise<void>;
const users: Record<string, CurrentUser> = {};
const assignments: Record<"published" | "draft", string> = { published: "", draft: "" };

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase("sqlite"));
  setDb(db);
  const exercise = await db.exercise.create({ data: { slug: "fix-the-race", titleKo: "경쟁", titleEn: "Race", maxScore: 100, testsHash: "h" } });
  const courseId = (await db.course.create({ data: { code: "AC1", title: "Access", joinCode: "ACCS-0001" } })).id;
  const people = [
    ["student", "STUDENT", "STUDENT"],
    ["instructor", "INSTRUCTOR", "INSTRUCTOR"],
    ["outsider", "STUDENT", null],
    ["otherInstructor", "INSTRUCTOR", null],
    ["admin", "ADMIN", null], // an admin enrolled nowhere
  ] as const;
  for (const [name, role, courseRole] of people) {
    const u = await db.user.create({ data: { email: `${name}@example.com`, name, role } });
    if (courseRole) await db.enrollment.create({ data: { courseId, userId: u.id, role: courseRole } });
    users[name] = { id: u.id, role, name, email: u.email } as CurrentUser;
  }
  for (const published of [true, false]) {
    const row = await db.assignment.create({
      data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title: published ? "Open" : "Draft", published, opensAt: new Date(Date.now() - DAY), dueAt: new Date(Date.now() + DAY) },
    });
    assignments[published ? "published" : "draft"] = row.id;
  }
}, 60_000);
afterAll(async () => drop());

/** Who may work on which assignment, and how the API refuses the others. */
const EXPECTED = {
  published: { student: 201, instructor: 201, outsider: 403, otherInstructor: 403, admin: 201 },
  draft: { student: 404, instructor: 201, outsider: 403, otherInstructor: 403, admin: 201 },
} as const;

async function submitStatus(user: CurrentUser, assignmentId: string): Promise<number> {
  try {
    await createSubmission(user, { exercise: "fix-the-race", source: "export async function main() {}", assignmentId });
    return 201;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

describe("assignment access: one rule for the workspace, submissions and quizzes", () => {
  for (const kind of ["published", "draft"] as const) {
    for (const [who, status] of Object.entries(EXPECTED[kind])) {
      it(`${who} on a ${kind} assignment: submit → ${status}, workspace ${status === 201 ? "opens" : "404"}`, async () => {
        const user = users[who];
        const id = assignments[kind];
        expect(await submitStatus(user, id)).toBe(status);
        const workspace = await getExerciseWorkspace(user, "fix-the-race", "en", id);
        expect(workspace?.assignment?.id ?? null).toBe(status === 201 ? id : null);
        const access = await assignmentAccess(db, await db.assignment.findUniqueOrThrow({ where: { id } }), user);
        expect(access).toBe(status === 201 ? "allowed" : status === 403 ? "not-member" : "unpublished");
      });
    }
  }

  it("an extension reopens a closed assignment for its student only, in the workspace and for submitting", async () => {
    const open = await db.assignment.findUniqueOrThrow({ where: { id: assignments.published } });
    const closed = await db.assignment.create({
      data: { courseId: open.courseId, kind: "EXERCISE", exerciseId: open.exerciseId, title: "Closed", published: true, opensAt: new Date(Date.now() - 3 * DAY), dueAt: new Date(Date.now() - DAY) },
    });
    await db.extension.create({ data: { assignmentId: closed.id, userId: users.student.id, dueAt: new Date(Date.now() + DAY), lateUntil: null } });
    expect((await getExerciseWorkspace(users.student, "fix-the-race", "en", closed.id))?.assignment).toMatchObject({ state: "on-time", lateUntil: null });
    expect((await getExerciseWorkspace(users.instructor, "fix-the-race", "en", closed.id))?.assignment?.state).toBe("closed");
    expect(await submitStatus(users.student, closed.id)).toBe(201);
    expect(await submitStatus(users.instructor, closed.id)).toBe(403);
  });
});
