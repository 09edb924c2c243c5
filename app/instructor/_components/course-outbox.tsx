import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";

type Message = { id: string; to: string; subject: string; text: string; createdAt: Date };

/**
 * The embedded mailer's invitations for this course (no SMTP configured): the instructor
 * copies each link and hands it to its student. Only the newest link per student works.
 */
export function CourseOutbox({ lang, messages }: { lang: Lang; messages: Message[] }) {
  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{tr(lang, "outbox")}</h2>
      <p className="muted">{tr(lang, "outboxHelp")}</p>
      {messages.length === 0 ? (
        <p className="muted">{tr(lang, "outboxEmpty")}</p>
      ) : (
        <table data-testid="outbox">
          <thead>
            <tr>
              <th scope="col">{tr(lang, "recipient")}</th>
              <th scope="col">{tr(lang, "sentAt")}</th>
              <th scope="col">{tr(lang, "mailMessage")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{m.to}</td>
                <td>{m.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td>
                  <details>
                    <summary>{m.subject}</summary>
                    <pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
