"use client";

import { useMemo } from "react";
import type { Lang } from "@/lib/grader/types";
import { lineDiff } from "@/lib/workspace/line-diff";
import type { HistoryEntry } from "@/lib/workspace/list-submission-history";
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

/** Every submission, newest first, with a diff against the one before it and a restore button. */
export function HistoryPanel({ entries, lang, s, onRestore }: { entries: HistoryEntry[]; lang: Lang; s: Strings; onRestore(entry: HistoryEntry): void }) {
  return (
    <section className="card history" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">{s.history}</h2>
      {entries.length === 0 ? (
        <p className="muted">{s.noHistory}</p>
      ) : (
        <ol className="history-list">
          {entries.map((e, i) => {
            const previous = entries[i + 1];
            return (
              <li key={e.id} data-testid="history-entry">
                <div className="history-row">
                  <LocalTime iso={e.queuedAt} lang={lang} />
                  <span className="history-score">
                    {e.status === "GRADED" ? `${e.score ?? 0} / ${e.maxScore ?? 0}` : e.status.toLowerCase().replace("_", " ")}
                  </span>
                  {e.late && <span className="badge late">{s.late}</span>}
                  <button type="button" onClick={() => onRestore(e)}>
                    {s.restore}
                  </button>
                </div>
                <details>
                  <summary>{previous ? s.diff : s.firstSubmission}</summary>
                  <Diff before={previous?.source ?? ""} after={e.source} />
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
