"use client";

import Link from "next/link";
import { useState } from "react";

type Labels = { password: string; hint: string; submit: string; saved: string };

export function SetPasswordForm({ token, labels }: { token: string; labels: Labels }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ busy: true, error: null, done: false });
    const password = new FormData(event.currentTarget).get("password");
    const response = await fetch("/api/account/password", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token, password }) });
    const payload = (await response.json().catch(() => ({}))) as { error?: string; issues?: Array<{ message: string }> };
    const error = response.ok ? null : (payload.issues?.map((i) => i.message).join(" ") ?? payload.error ?? `Request failed (${response.status}).`);
    setState({ busy: false, error, done: response.ok });
  }
  if (state.done) {
    return (
      <p role="status">
        {labels.saved} <Link href="/signin">→</Link>
      </p>
    );
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      <label>
        {labels.password}
        <input name="password" type="password" autoComplete="new-password" required />
        <span className="muted">{labels.hint}</span>
      </label>
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
      <button className="primary" type="submit" disabled={state.busy}>
        {labels.submit}
      </button>
    </form>
  );
}
