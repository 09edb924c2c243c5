import nodemailer, { type Transporter } from "nodemailer";
import { db } from "../db";
import { env } from "../env";

export type Mail = { to: string; subject: string; text: string; /** Shown in this course's outbox when there is no SMTP. */ courseId?: string | null };

let transport: Transporter | undefined;

/**
 * Delivers one message. With SMTP_URL, through nodemailer to that relay. Without it (the
 * embedded default, `npm start` with nothing configured) the message is stored in the outbox
 * table, where the course's instructors see invitations so they can hand the links out, and
 * printed to the server console for the operator (ADR 019).
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL && MAIL_FROM) {
    transport ??= nodemailer.createTransport(SMTP_URL);
    await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  await db().outboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, courseId: mail.courseId ?? null } });
  console.log(`[mail] no SMTP_URL: kept in the outbox\n  To: ${mail.to}\n  Subject: ${mail.subject}\n${mail.text.replace(/^/gm, "  | ")}`);
}
