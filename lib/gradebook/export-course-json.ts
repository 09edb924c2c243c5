import { db } from "../db";

const parse = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
};

/**
 * Everything one course holds, as JSON (backups, research, moving between instances): the
 * course, its members (never password hashes or OAuth identities), assignments, extensions,
 * submissions with source and per-test results (traces included), quiz attempts with
 * answers, overrides, regrade batches and the audit log. Only rows of this course.
 */
export async function exportCourseJson(courseId: string) {
  const where = { assignment: { courseId } };
  const [course, members, assignments, extensions, submissions, quizAttempts, overrides, regrades, auditLog] = await Promise.all([
    db().course.findUniqueOrThrow({ where: { id: courseId } }),
    db().enrollment.findMany({ where: { courseId }, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true, studentId: true } } } }),
    db().assignment.findMany({ where: { courseId }, include: { exercise: { select: { slug: true } }, quiz: { select: { slug: true } } } }),
    db().extension.findMany({ where }),
    db().submission.findMany({ where, omit: { leaseOwner: true, leaseUntil: true }, include: { results: { omit: { submissionId: true } } }, orderBy: { submittedAt: "asc" } }),
    db().quizAttempt.findMany({ where, include: { answers: { omit: { attemptId: true } }, quiz: { select: { slug: true } } }, orderBy: { startedAt: "asc" } }),
    db().gradeOverride.findMany({ where, orderBy: { createdAt: "asc" } }),
    db().regradeBatch.findMany({ where: { courseId }, include: { items: true }, orderBy: { createdAt: "asc" } }),
    db().auditLog.findMany({ where: { courseId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    format: "ipclab-course-export",
    version: 1,
    exportedAt: new Date().toISOString(),
    course,
    members: members.map((m) => ({ ...m.user, role: m.role, enrolledAt: m.createdAt })),
    assignments,
    extensions,
    submissions: submissions.map((s) => ({ ...s, report: parse(s.report), results: s.results.map((r) => ({ ...r, trace: parse(r.trace) })) })),
    quizAttempts: quizAttempts.map((a) => ({ ...a, answers: a.answers.map((x) => ({ ...x, response: parse(x.response) })) })),
    overrides,
    regrades,
    auditLog: auditLog.map((e) => ({ ...e, details: parse(e.details) })),
  };
}
