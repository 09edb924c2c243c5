"use client";

import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";

/** Adds a comment to one line of a submission (the line numbers are those of the code view above). */
export function LineCommentForm({ lang, courseId, submissionId, lines }: { lang: Lang; courseId: string; submissionId: string; lines: number }) {
  const action = useAction();
  return (
    <form
      className="form"
      aria-label={tr(lang, "addComment")}
      data-testid="line-comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        void action.run(() => postJson(`/api/courses/${courseId}/submissions/${submissionId}/comments`, { line: Number(data.get("line")), body: String(data.get("body") ?? "") })).then((done) => done && form.reset());
      }}
    >
      <div className="row">
        <label>
          {tr(lang, "line")}
          <input name="line" type="number" min={1} max={lines} step={1} required data-testid="line-comment-line" />
        </label>
        <label style={{ flex: 1 }}>
          {tr(lang, "comment")}
          <textarea name="body" rows={2} maxLength={4000} required data-testid="line-comment-body" />
        </label>
      </div>
      <ActionStatus error={action.error} ok={action.ok} />
      <button type="submit" disabled={action.pending} data-testid="line-comment-add">
        {tr(lang, "addComment")}
      </button>
    </form>
  );
}

export function DeleteCommentButton({ lang, courseId, submissionId, commentId }: { lang: Lang; courseId: string; submissionId: string; commentId: string }) {
  const action = useAction();
  return (
    <button type="button" className="link-button" disabled={action.pending} onClick={() => void action.run(() => postJson(`/api/courses/${courseId}/submissions/${submissionId}/comments/remove`, { commentId }))}>
      {tr(lang, "deleteComment")}
    </button>
  );
}

type Item = { id: string; title: string; points: number; archived: boolean; applied: boolean };

/**
 * The assignment's rubric items on one submission: apply or remove each (its points go on top
 * of the autograde in the grade book, ADR 023), add a reusable item, or archive one.
 */
export function RubricPanel({ lang, courseId, submissionId, assignmentId, items }: { lang: Lang; courseId: string; submissionId: string; assignmentId: string; items: Item[] }) {
  const action = useAction();
  const fmt = (p: number) => (p > 0 ? `+${p}` : String(p));
  return (
    <div data-testid="rubric-panel">
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <label>
              <input
                type="checkbox"
                checked={i.applied}
                disabled={action.pending || (i.archived && !i.applied)}
                onChange={(e) => void action.run(() => postJson(`/api/courses/${courseId}/submissions/${submissionId}/rubric`, { itemId: i.id, applied: e.target.checked }))}
                data-testid={`rubric-item-${i.title}`}
              />{" "}
              {i.title} ({fmt(i.points)})
            </label>{" "}
            {!i.archived && (
              <button type="button" className="link-button" disabled={action.pending} onClick={() => void action.run(() => postJson(`/api/courses/${courseId}/assignments/${assignmentId}/rubric/archive`, { itemId: i.id }))}>
                {tr(lang, "archive")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="form"
        aria-label={tr(lang, "newRubricItem")}
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          void action.run(() => postJson(`/api/courses/${courseId}/assignments/${assignmentId}/rubric`, { title: String(data.get("title") ?? ""), points: Number(data.get("points")) })).then((done) => done && form.reset());
        }}
      >
        <div className="row">
          <label style={{ flex: 1 }}>
            {tr(lang, "title")}
            <input name="title" required maxLength={200} data-testid="rubric-new-title" />
          </label>
          <label>
            {tr(lang, "points")}
            <input name="points" type="number" step="any" required data-testid="rubric-new-points" />
          </label>
        </div>
        <button type="submit" disabled={action.pending} data-testid="rubric-new-add">
          {tr(lang, "newRubricItem")}
        </button>
      </form>
      <ActionStatus error={action.error} ok={action.ok} />
    </div>
  );
}
