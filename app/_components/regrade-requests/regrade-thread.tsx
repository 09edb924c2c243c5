import type { Lang } from "@/lib/i18n/messages";
import type { getRegradeRequest } from "@/lib/regrade-requests/get-regrade-request";
import { TimelineView, type ShownTrace } from "../timeline/timeline-view";
import { LocalTime } from "@/app/courses/local-time";
import { regradeStrings } from "./strings";

type RequestView = Awaited<ReturnType<typeof getRegradeRequest>>;

/** A request's status, what it is about, the counterexample attached, and its messages: what both sides read. */
export function RegradeThread({ request, lang }: { request: RequestView; lang: Lang }) {
  const s = regradeStrings(lang);
  return (
    <>
      <p>
        <strong data-testid="regrade-request-status">{s.status[request.status] ?? request.status}</strong>
        {request.outcome && <span data-testid="regrade-request-outcome"> · {s.outcome[request.outcome] ?? request.outcome}</span>} · {request.assignment.title} · {s.test}:{" "}
        {request.testTitle ?? request.testId ?? s.wholeSubmission} · {s.score}: {request.submission.score ?? "—"} / {request.submission.maxScore ?? "—"}
      </p>
      {request.testId && (
        <section className="card" aria-label={s.attached}>
          <h2>{s.attached}</h2>
          {request.replay && (
            <p className="muted">
              {s.replayToken}: <code>{request.replay}</code>
            </p>
          )}
          {request.trace ? <TimelineView shown={{ title: request.testTitle ?? request.testId, trace: request.trace as ShownTrace["trace"] }} lang={lang} /> : <p className="muted">{s.noCounterexample}</p>}
        </section>
      )}
      <h2>{s.thread}</h2>
      <ol className="regrade-thread" data-testid="regrade-thread">
        {request.messages.map((m) => (
          <li key={m.id} className="card" data-kind={m.kind}>
            <p className="muted small">
              {m.author?.name ?? "—"} · {s.kind[m.kind] ?? m.kind} · <LocalTime iso={m.createdAt} lang={lang} />
            </p>
            <p style={{ whiteSpace: "pre-wrap" }}>{m.body}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
