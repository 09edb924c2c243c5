import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";

/**
 * Makes an existing user an instructor of the course (a student enrolment is upgraded).
 * Only instructor and admin accounts qualify: promoting a student account to staff is a
 * site-wide privilege change, which stays an admin's decision.
 */
export async function addCoInstructor(actorId: string, courseId: string, emailInput: string) {
  const email = emailInput.trim().toLowerCase();
  const user = await db().user.findUnique({ where: { email }, select: { id: true, name: true, email: true, role: true } });
  if (!user) throw new ApiError(400, `No account uses ${email}. Co-instructors must sign up (or sign in once) first.`, { field: "email" });
  if (user.role === "STUDENT") throw new ApiError(400, `${email} is a student account; an admin must make it an instructor account first.`, { field: "email" });
  return db().$transaction(async (tx) => {
    await tx.enrollment.upsert({
      where: { courseId_userId: { courseId, userId: user.id } },
      update: { role: "INSTRUCTOR" },
      create: { courseId, userId: user.id, role: "INSTRUCTOR" },
    });
    await recordAudit(tx, { actorId, courseId, action: "roster.add-instructor", details: { userId: user.id, email } });
    return { id: user.id, name: user.name, email: user.email };
  });
}
