import { db } from "../db";
import { env } from "../env";

/**
 * The course's invitations kept by the embedded mailer, newest first, or null when mail goes
 * out over SMTP (nothing is kept then). Only invitations carry a course: reset links are for
 * their owner alone and never appear here.
 */
export async function listCourseOutbox(courseId: string, take = 200) {
  if (env().SMTP_URL) return null;
  return db().outboxMessage.findMany({ where: { courseId }, orderBy: { createdAt: "desc" }, take, select: { id: true, to: true, subject: true, text: true, createdAt: true } });
}
