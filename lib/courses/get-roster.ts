import { db } from "../db";

/**
 * Everyone enrolled in a course, instructors first, then by name. `invited`: the account
 * cannot sign in yet (made by a roster import, invitation not accepted), so the instructor can
 * resend its invitation. The role order is applied
 * here, not in SQL: enums sort by declaration order on PostgreSQL but alphabetically on SQLite.
 */
export async function getRoster(courseId: string) {
  const enrollments = await db().enrollment.findMany({
    where: { courseId },
    include: { user: { select: { id: true, name: true, email: true, studentId: true, passwordHash: true, emailVerified: true, _count: { select: { accounts: true } } } } },
    orderBy: { user: { name: "asc" } },
  });
  const rank = (role: string) => (role === "INSTRUCTOR" ? 0 : 1);
  return enrollments
    .sort((a, b) => rank(a.role) - rank(b.role))
    .map(({ user: { passwordHash, emailVerified, _count, ...user }, ...e }) => ({
      ...user,
      role: e.role,
      enrolledAt: e.createdAt,
      invited: e.role === "STUDENT" && !passwordHash && !emailVerified && _count.accounts === 0,
    }));
}
