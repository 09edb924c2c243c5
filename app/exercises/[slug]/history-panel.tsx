"use client";

import { useMemo } from "react";
import type { Lang } from "@/lib/grader/types";
import { lineDiff } from "@/lib/workspace/line-diff";
import type { HistoryEntry, SubmissionHistory } from "@/lib/workspace/list-submission-history";
import { LocalTime } from "../../courses/local-time";
import type { Strings } from "./strings";

function Diff({ before, after }: { before: string; after: string }) {
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  const changed = lines.filter((l) => l.op !== "same").length;
  // Only the changes with two lines of context: the whole file is in the editor after a restore.
  const keep = lines.map((l, i) => lines.slice(Math.max(0, i - 2), i + 3).some((x) => x.op !== "same"));
  return (
    <pre className="diff" data-testid="history-diff">
      {changed === 0
        ? "(no changes)"
        : lines.map((l, i) =>
            keep[i] ? (
              <span key={i} className={`diff-${l.op}`}>
                {l.op === "add" ? "+ " : l.op === "del" ? "- " : "  "}
                {l.text}
                {"\n"}
              </span>
            ) : keep[i - 1] ? (
              <span key={i} className="diff-gap">
                {"⋯\n"}
              </span>
            ) : null,
          )}
    </pre>
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

type Handlers = { lang: Lang; s: Strings; starter: string; onRestore(entry: HistoryEntry): void; onOpen(entry: HistoryEntry): void };

function Entries({ entries, lang, s, starter, onRestore, onOpen, testId }: Handlers & { entries: HistoryEntry[]; testId: string }) {
  return (
    <ol className="history-list" data-testid={testId}>
      {entries.map((e, i) => {
        const previous = entries[i + 1];
        return (
          <li key={e.id} data-testid="history-entry" data-practice={e.practice ? "true" : "false"}>
            <div className="history-row">
              <LocalTime iso={e.submittedAt} lang={lang} />
              {e.practice && <span className="badge">{s.practiceBadge}</span>}
              <span className="history-score">
                {e.status === "GRADED" ? `${round(e.score ?? 0)} / ${e.maxScore ?? 0}` : e.status.toLowerCase().replace("_", " ")}
                {e.penalty > 0 && e.countedScore !== null && ` → ${s.countsFor} ${round(e.countedScore)}`}
              </span>
              {e.late && <span className="badge late">{s.late}</span>}
              <button type="button" onClick={() => onOpen(e)}>
                {s.openResults}
              </button>
              <button type="button" onClick={() => onRestore(e)}>
                {s.restore}
              </button>
            </div>
            <details>
              <summary>{previous ? s.diff : s.firstSubmission}</summary>
              {/* The first submission is compared with the starter code the student began from, not an empty file. */}
              <Diff before={previous?.source ?? starter} after={e.source} />
            </details>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Past submissions, newest first, each with a diff against the one before it (the first one:
 * against the starter), a restore
 * button and "open results" (results, timelines and replays as the visibility policy allows
 * now). In an assignment, its own submissions come first; practice is listed apart, marked.
 */
export function HistoryPanel({ history, inAssignment, ...handlers }: Handlers & { history: SubmissionHistory; inAssignment: boolean }) {
  const { s } = handlers;
  const empty = history.assignment.length === 0 && history.practice.length === 0;
  return (
    <section className="card history" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">{s.history}</h2>
      {empty && <p className="muted">{s.noHistory}</p>}
      {inAssignment && history.assignment.length > 0 && (
        <>
          <h3>{s.assignmentHistory}</h3>
          <Entries entries={history.assignment} testId="assignment-history" {...handlers} />
        </>
      )}
      {history.practice.length > 0 && (
        <>
          {inAssignment && <h3>{s.practiceHistory}</h3>}
          <Entries entries={history.practice} testId="practice-history" {...handlers} />
        </>
      )}
    </section>
  );
}
