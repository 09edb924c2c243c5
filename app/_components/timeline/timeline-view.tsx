"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { TraceEvent } from "@/lib/kernel";
import type { FailureClass } from "@/lib/kernel/failure-class/types";
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
  /** The test's failure class, where the page has it (local runs): its evidence names the pipes' descriptors. */
  failureClass?: Pick<FailureClass, "kind" | "evidence"> | null;
};

/** Rows rendered around the current step; traces can hold thousands of events. */
const WINDOW = 150;
/** Widths of the step column and of each lane (timeline.css scroll-padding matches STEP_REM). */
const STEP_REM = 3.5;
const LANE_REM = 9;

/** Scrolls the grid (only the grid) so that `cell` is visible, clear of the sticky step column and header. */
function revealInGrid(cell: HTMLElement, grid: HTMLElement) {
  const box = grid.getBoundingClientRect();
  const at = cell.getBoundingClientRect();
  const stepColumn = grid.querySelector("th.step")?.getBoundingClientRect().width ?? 0;
  const header = grid.querySelector("thead")?.getBoundingClientRect().height ?? 0;
  if (at.left < box.left + stepColumn) grid.scrollLeft -= box.left + stepColumn - at.left;
  else if (at.right > box.right) grid.scrollLeft += Math.min(at.right - box.right, at.left - box.left - stepColumn);
  if (at.top < box.top + header) grid.scrollTop -= box.top + header - at.top;
  else if (at.bottom > box.bottom) grid.scrollTop += at.bottom - box.bottom;
}

/**
 * The interleaving of one run: a column per process, a row per event, preemptions marked,
 * and the failure marked on the step that caused it (when the grader's failure class found
 * one: the store that lost an update, the read that closed a deadlock), shown first. Lanes
 * are compact (a cell shows the start of its event); the details beside the grid show the
 * current step whole. A cursor steps through it (buttons, or ←/→/↑/↓/Home/End while the grid
 * has focus), and moving it scrolls the current lane into view, sideways too; Shift+←/→
 * scroll the grid sideways without moving the cursor.
 */
export function TimelineView({ shown, lang }: { shown: ShownTrace; lang: Lang }) {
  const s = timelineStrings(lang);
  // Several timelines can share a page (the instructor's view of a submission).
  const headingId = useId();
  const model = useMemo(() => buildTimeline(shown.trace, shown.failureClass), [shown]);
  const [cursor, setCursor] = useState(model.causeIndex ?? model.failureIndex ?? 0);
  const current = useRef<HTMLTableCellElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const last = model.events.length - 1;
  // Bumped by every move, so "Go to the failure" reveals the failing lane again even when the cursor is already there.
  const [moves, setMoves] = useState(0);
  const go = (i: number) => {
    setCursor(Math.max(0, Math.min(last, i)));
    setMoves((n) => n + 1);
  };

  useEffect(() => {
    const cell = current.current;
    if (!cell || !grid.current) return;
    // The lane of the current step, which may be the third of four: into view sideways as well.
    revealInGrid(cell, grid.current);
    // On opening, the page stays where it is (the results above may be what the student reads);
    // after a move, the page scrolls too, bringing the step to the middle of the window (at the
    // window's very edge, "nearest" left a row cut by a fraction of a pixel, and hard to read).
    if (moves > 0) cell.scrollIntoView({ block: "center", inline: "nearest" });
  }, [cursor, moves]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.shiftKey && (e.key === "ArrowLeft" || e.key === "ArrowRight")) {
      e.preventDefault();
      const lane = grid.current?.querySelector<HTMLElement>("td.lane")?.offsetWidth ?? 160;
      grid.current?.scrollBy({ left: e.key === "ArrowRight" ? lane : -lane });
      return;
    }
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
  const marker = (i: number) => (i === model.causeIndex ? `⚑ ${s.causedHere}` : i === model.failureIndex ? `✗ ${s.brokeHere}` : null);

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
          <button type="button" onClick={() => go(model.failureIndex!)} data-testid="timeline-to-failure">
            ✗ {s.toFailure}
          </button>
        )}
        <span className="muted timeline-position" aria-live="polite" data-testid="timeline-position">
          {s.step} {event ? event.step : 0} · {cursor + 1} {s.of} {model.events.length}
          {/* Read out with the step; on screen the details panel shows it. */}
          <span className="visually-hidden">{event ? ` — pid ${event.pid} ${laneName(event.pid)}: ${event.full}` : ""}</span>
        </span>
      </div>
      <p className="muted small">{s.timelineHelp}</p>
      <div className="timeline-body">
        <div className="timeline-scroll" ref={grid} tabIndex={0} onKeyDown={onKeyDown} role="region" aria-label={`${s.timeline} — ${s.timelineHelp}`} data-testid="timeline-grid">
          {/* Fixed layout: every lane gets the same compact width, and the table is never narrower than its box. */}
          <table className="timeline-table" style={{ minWidth: `${STEP_REM + LANE_REM * model.lanes.length}rem` }}>
            <thead>
              <tr>
                <th scope="col" className="step">
                  {s.step}
                </th>
                {model.lanes.map((l) => (
                  <th scope="col" key={l.pid} className="lane" title={`pid ${l.pid} · ${l.name}`}>
                    pid {l.pid} · {l.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.events.slice(from, to).map((e, k) => {
                const i = from + k;
                const classes = [i === cursor ? "current" : "", i === model.failureIndex ? "failure" : "", i === model.causeIndex ? "cause" : "", e.preempted ? "preempted" : "", e.firstOfStep ? "" : "same-step"].filter(Boolean).join(" ");
                const mark = marker(i);
                return (
                  <tr key={i} className={classes} aria-current={i === cursor ? "step" : undefined} onClick={() => go(i)} data-pid={e.pid}>
                    {/* A step where several things happened is numbered once. */}
                    <td className="step">{e.firstOfStep ? e.step : ""}</td>
                    {model.lanes.map((l) => (
                      <td key={l.pid} className={l.pid === e.pid ? `lane event kind-${e.kind}` : "lane"} ref={i === cursor && l.pid === e.pid ? current : undefined} title={l.pid === e.pid ? e.full : undefined} data-testid={i === cursor && l.pid === e.pid ? "timeline-current-cell" : undefined}>
                        {l.pid === e.pid && (
                          <>
                            {mark && (
                              <strong className="broke" title={mark}>
                                {mark.slice(0, 1)} <span className="visually-hidden">{mark.slice(2)}: </span>
                              </strong>
                            )}
                            {e.preempted && (
                              <span className="preempt-mark" title={s.preempted}>
                                » <span className="visually-hidden">{s.preempted}: </span>
                              </span>
                            )}
                            {e.text}
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
        {event && (
          <aside className="timeline-details" aria-label={s.details} data-testid="timeline-details">
            <p className="small muted">
              {s.step} {event.step} · pid {event.pid} {laneName(event.pid)}
            </p>
            <p className="timeline-details-text">
              <code>{event.full}</code>
            </p>
            {marker(cursor) && <p className="broke">{marker(cursor)}</p>}
            {event.preempted && <p className="preempt-mark small">» {s.preempted}</p>}
          </aside>
        )}
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
