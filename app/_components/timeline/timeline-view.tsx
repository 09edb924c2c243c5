"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { TraceEvent } from "@/lib/kernel";
import { buildTimeline } from "@/lib/workspace/timeline-model";
import type { Lang } from "@/lib/i18n/messages";
import { timelineStrings } from "./timeline-strings";
import "./timeline.css";

export type ShownTrace = {
  title: string;
  trace: {
    events: TraceEvent[];
    processes?: Array<{ pid: number; name: string }>;
    failure?: string | null;
    truncated?: boolean;
    output?: Record<string, string>;
    /** The step that caused the failure (the grader's failure class): the timeline opens there. */
    cause?: { event: number } | null;
  };
};

/** The texts the timeline needs; each area passes them from its own string table. */

/** Rows rendered around the current step; traces can hold thousands of events. */
const WINDOW = 150;

/**
 * The interleaving of one run: a column per process, a row per event, preemptions marked,
 * the failing moment highlighted, and the step that caused the failure (when the grader found
 * one: the store that lost an update, the lock attempt that closed a deadlock) marked and
 * shown first. A cursor steps through it (buttons, or ←/→/Home/End while
 * the timeline has focus) and a live region reads out the current event.
 */
export function TimelineView({ shown, lang }: { shown: ShownTrace; lang: Lang }) {
  const s = timelineStrings(lang);
  // Several timelines can share a page (the instructor's view of a submission).
  const headingId = useId();
  const model = useMemo(() => buildTimeline(shown.trace), [shown]);
  const [cursor, setCursor] = useState(model.causeIndex ?? model.failureIndex ?? 0);
  const current = useRef<HTMLTableRowElement>(null);
  const last = model.events.length - 1;
  const go = (i: number) => setCursor(Math.max(0, Math.min(last, i)));

  useEffect(() => {
    current.current?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: cursor + 1, ArrowDown: cursor + 1, ArrowLeft: cursor - 1, ArrowUp: cursor - 1, Home: 0, End: last };
    if (e.key in moves) {
      e.preventDefault();
      go(moves[e.key]);
    }
  };

  const event = model.events[cursor];
  const laneName = (pid: number) => model.lanes.find((l) => l.pid === pid)?.name ?? "";
  const from = Math.max(0, cursor - WINDOW);
  const to = Math.min(model.events.length, cursor + WINDOW);
  const outputs = Object.entries(shown.trace.output ?? {}).filter(([, text]) => text);

  return (
    <section className="timeline" aria-labelledby={headingId} data-testid="timeline">
      <h3 id={headingId}>
        {s.timeline}: {shown.title}
      </h3>
      {model.failure && (
        <p className="timeline-failure" role="note">
          ✗ {model.failure}
        </p>
      )}
      <div className="timeline-controls" role="toolbar" aria-label={s.timeline}>
        <button type="button" onClick={() => go(0)} disabled={cursor === 0}>
          |◀ {s.first}
        </button>
        <button type="button" onClick={() => go(cursor - 1)} disabled={cursor === 0} data-testid="timeline-prev">
          ◀ {s.prev}
        </button>
        <button type="button" onClick={() => go(cursor + 1)} disabled={cursor >= last} data-testid="timeline-next">
          {s.next} ▶
        </button>
        <button type="button" onClick={() => go(last)} disabled={cursor >= last}>
          {s.last} ▶|
        </button>
        {model.causeIndex !== null && model.causeIndex !== model.failureIndex && (
          <button type="button" onClick={() => go(model.causeIndex!)} data-testid="timeline-to-cause">
            ⚑ {s.toCause}
          </button>
        )}
        {model.failureIndex !== null && (
          <button type="button" onClick={() => go(model.failureIndex!)}>
            ✗ {s.toFailure}
          </button>
        )}
        <span className="muted" aria-live="polite" data-testid="timeline-position">
          {s.step} {event ? event.step : 0} · {cursor + 1} {s.of} {model.events.length}
          {event ? ` — pid ${event.pid} ${laneName(event.pid)}: ${event.text}` : ""}
        </span>
      </div>
      <p className="muted small">{s.timelineHelp}</p>
      <div className="timeline-scroll" tabIndex={0} onKeyDown={onKeyDown} role="region" aria-label={`${s.timeline} — ${s.timelineHelp}`} data-testid="timeline-grid">
        <table className="timeline-table">
          <thead>
            <tr>
              <th scope="col">{s.step}</th>
              {model.lanes.map((l) => (
                <th scope="col" key={l.pid}>
                  pid {l.pid} · {l.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.events.slice(from, to).map((e, k) => {
              const i = from + k;
              const classes = [i === cursor ? "current" : "", i === model.failureIndex ? "failure" : "", i === model.causeIndex ? "cause" : "", e.preempted ? "preempted" : ""].filter(Boolean).join(" ");
              return (
                <tr key={i} className={classes} ref={i === cursor ? current : undefined} aria-current={i === cursor ? "step" : undefined} onClick={() => go(i)}>
                  <td className="step">{e.step}</td>
                  {model.lanes.map((l) => (
                    <td key={l.pid} className={l.pid === e.pid ? `event kind-${e.kind}` : ""}>
                      {l.pid === e.pid && (
                        <>
                          {e.preempted && (
                            <span className="preempt-mark" title={s.preempted}>
                              » <span className="visually-hidden">{s.preempted}: </span>
                            </span>
                          )}
                          {e.text}
                          {i === model.causeIndex && <strong className="broke"> ⚑ {s.causedHere}</strong>}
                          {i === model.failureIndex && i !== model.causeIndex && <strong className="broke"> ✗ {s.brokeHere}</strong>}
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {model.truncated && <p className="muted">{s.truncated}</p>}
      <h4>{s.output}</h4>
      {outputs.length === 0 ? (
        <p className="muted">{s.noOutput}</p>
      ) : (
        outputs.map(([pid, text]) => (
          <div key={pid}>
            <p className="muted small">
              pid {pid} {laneName(Number(pid))}
            </p>
            <pre className="output">{text}</pre>
          </div>
        ))
      )}
    </section>
  );
}
