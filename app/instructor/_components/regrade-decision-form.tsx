"use client";

import { useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";

/**
 * Answers an open regrade request: rerun the hidden tests on the submission (lib/regrade),
 * set the score by hand with a comment (a grade override), or decline with a comment.
 */
export function RegradeDecisionForm({ lang, courseId, requestId, maxScore }: { lang: Lang; courseId: string; requestId: string; maxScore: number }) {
  const action = useAction();
  const [choice, setChoice] = useState<"regrade" | "override" | "decline">("regrade");
  return (
    <form
      className="form"
      aria-label={tr(lang, "decision")}
      data-testid="regrade-decision"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const comment = String(data.get("comment") ?? "");
        const body = choice === "override" ? { action: choice, score: Number(data.get("score")), comment } : choice === "decline" ? { action: choice, comment } : { action: choice, ...(comment.trim() ? { comment } : {}) };
        void action.run(() => postJson(`/api/courses/${courseId}/regrade-requests/${requestId}/resolve`, body), tr(lang, "saved"));
      }}
    >
      <fieldset>
        <legend>{tr(lang, "decision")}</legend>
        {(
          [
            ["regrade", tr(lang, "acceptRegrade")],
            ["override", tr(lang, "acceptOverride")],
            ["decline", tr(lang, "decline")],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="action" value={value} checked={choice === value} onChange={() => setChoice(value)} /> {label}
          </label>
        ))}
      </fieldset>
      {choice === "override" && (
        <label>
          {tr(lang, "score")} ({tr(lang, "overrideRange")}: {maxScore})
          <input name="score" type="number" min={0} max={maxScore} step="any" required />
        </label>
      )}
      <label>
        {tr(lang, "comment")}
        <textarea name="comment" rows={3} maxLength={4000} required={choice !== "regrade"} data-testid="regrade-decision-comment" />
      </label>
      <ActionStatus error={action.error} ok={action.ok} />
      <button type="submit" disabled={action.pending} data-testid="regrade-decision-submit">
        {tr(lang, "decision")}
      </button>
    </form>
  );
}
