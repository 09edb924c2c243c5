"use client";

import { useState } from "react";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function EmailLinkForm({ labels }: { labels: { email: string; submit: string; sent: string } }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null; sent: boolean }>({ busy: false, error: null, sent: false });
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ busy: true, error: null, sent: false });
    const email = new FormData(event.currentTarget).get("email");
    const response = await fetch("/api/account/forgot-password", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) });
    const payload = (await response.json().catch(() => ({}))) as { error?: string };
    setState({ busy: false, error: response.ok ? null : (payload.error ?? `Request failed (${response.status}).`), sent: response.ok });
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      <label>
        {labels.email}
        <input name="email" type="email" autoComplete="email" required />
      </label>
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
      {state.sent && <p role="status">{labels.sent}</p>}
      <button className="primary" type="submit" disabled={state.busy}>
        {labels.submit}
      </button>
    </form>
  );
}
