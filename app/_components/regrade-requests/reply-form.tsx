"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import { regradeStrings } from "./strings";

/** Adds a message to a request's thread (its student while open, staff at any time). */
export function RegradeReplyForm({ lang, courseId, requestId }: { lang: Lang; courseId: string; requestId: string }) {
  const s = regradeStrings(lang);
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form"
      aria-label={s.reply}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const body = String(new FormData(form).get("body") ?? "");
        setPending(true);
        setError(null);
        void fetch(`/api/courses/${courseId}/regrade-requests/${requestId}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body }) })
          .then(async (response) => {
            if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? response.statusText);
            form.reset();
            router.refresh();
          })
          .catch((err: Error) => setError(err.message))
          .finally(() => setPending(false));
      }}
    >
      <label>
        {s.message}
        <textarea name="body" required maxLength={4000} rows={3} data-testid="regrade-reply-body" />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} data-testid="regrade-reply-send">
        {s.reply}
      </button>
    </form>
  );
}
