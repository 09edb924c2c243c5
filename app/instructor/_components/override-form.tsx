"use client";

import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";

/** Sets a student's score on one assignment by hand (0..the maximum; the API checks it too); the comment is required and audit-logged. */
export function OverrideForm({ lang, courseId, assignmentId, userId, title, maxScore }: { lang: Lang; courseId: string; assignmentId: string; userId: string; title: string; maxScore: number }) {
  const action = useAction();
  return (
    <form
      className="form"
      aria-label={`${tr(lang, "overrideScore")}: ${title}`}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        void action
          .run(() => postJson(`/api/courses/${courseId}/grades/overrides`, { assignmentId, userId, score: Number(data.get("score")), comment: String(data.get("comment") ?? "") }), tr(lang, "saved"))
          .then((done) => done && form.reset());
      }}
    >
      <div className="row">
        <label>
          {tr(lang, "score")} ({tr(lang, "overrideRange")}: {maxScore})
          <input name="score" type="number" min={0} max={maxScore} step="any" required />
        </label>
        <label style={{ flex: 1 }}>
          {tr(lang, "comment")}
          <input name="comment" required />
        </label>
      </div>
      <ActionStatus error={action.error} ok={action.ok} />
      <button type="submit" disabled={action.pending}>
        {tr(lang, "overrideScore")}
      </button>
    </form>
  );
}
