import { db } from "../db";
import { env } from "../env";
import type { Lang } from "../i18n/messages";
import { sendMail } from "../mail/send-mail";

export type RegradeMailEvent = "opened" | "student-reply" | "staff-reply" | "accepted" | "declined";

const subjects: Record<RegradeMailEvent, Record<Lang, string>> = {
  opened: { ko: "재채점 요청이 들어왔습니다", en: "New regrade request" },
  "student-reply": { ko: "재채점 요청에 학생이 답했습니다", en: "A student replied to a regrade request" },
  "staff-reply": { ko: "재채점 요청에 답변이 왔습니다", en: "Your regrade request has a reply" },
  accepted: { ko: "재채점 요청이 받아들여졌습니다", en: "Your regrade request was accepted" },
  declined: { ko: "재채점 요청이 거절되었습니다", en: "Your regrade request was declined" },
};

/**
 * Emails the other side of a regrade request through the mail layer (ADR 019: SMTP, or the
 * outbox and the console without it). New requests and students' replies go to the course's
 * instructors; staff replies and decisions go to the student. The message body is not
 * copied into the mail, only a link to the thread: mail leaves the access checks behind.
 * A failed delivery is logged and never undoes the change it reports.
 */
export async function notifyRegradeRequest(requestId: string, event: RegradeMailEvent): Promise<void> {
  try {
    const request = await db().regradeRequest.findUnique({
      where: { id: requestId },
      select: { courseId: true, assignment: { select: { title: true } }, course: { select: { title: true } }, user: { select: { email: true, name: true, locale: true } } },
    });
    if (!request) return;
    const toStaff = event === "opened" || event === "student-reply";
    const recipients = toStaff
      ? (await db().enrollment.findMany({ where: { courseId: request.courseId, role: "INSTRUCTOR" }, select: { user: { select: { email: true, locale: true } } } })).map((e) => e.user)
      : [request.user];
    const path = toStaff ? `/instructor/courses/${request.courseId}/regrade-requests/${requestId}` : `/courses/${request.courseId}/regrade-requests/${requestId}`;
    const url = new URL(path, env().AUTH_URL).toString();
    for (const to of recipients) {
      const lang: Lang = to.locale === "en" ? "en" : "ko";
      const what = `${request.course.title} — ${request.assignment.title}${toStaff ? ` (${request.user.name})` : ""}`;
      await sendMail({ to: to.email, subject: `IPC Lab: ${subjects[event][lang]}`, text: `${what}\n\n${url}\n` });
    }
  } catch (error) {
    console.error("[regrade-requests] notification failed", error);
  }
}
