import { db } from "../db";
import { ApiError } from "../http/api-error";
import { hashPassword } from "../auth/password";

export type SignUpInput = { name: string; email: string; password: string; joinCode: string };

/**
 * Creates a student and enrols them in the course of the join code, in one transaction:
 * a wrong code or a taken email leaves no rows behind.
 */
export async function signUpStudent(input: SignUpInput) {
  const email = input.email.trim().toLowerCase();
  const joinCode = input.joinCode.trim().toUpperCase();
  const course = await db().course.findUnique({ where: { joinCode } });
  if (!course) throw new ApiError(400, "That join code does not match any course.", { field: "joinCode" });
  if (await db().user.findUnique({ where: { email } })) {
    throw new ApiError(409, "An account with this email already exists.", { field: "email" });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name: input.name.trim(), passwordHash, role: "STUDENT" } });
      await tx.enrollment.create({ data: { courseId: course.id, userId: user.id, role: "STUDENT" } });
      return { userId: user.id, courseId: course.id };
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets a 409.
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError(409, "An account with this email already exists.", { field: "email" });
    }
    throw error;
  }
}
