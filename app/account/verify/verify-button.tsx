"use client";

import { useState } from "react";

export function VerifyButton({ token, labels }: { token: string; labels: { submit: string; done: string } }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });
  async function confirm() {
    setState({ busy: true, error: null, done: false });
    const response = await fetch("/api/account/verify-email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
    const payload = (await response.json().catch(() => ({}))) as { error?: string };
    setState({ busy: false, error: response.ok ? null : (payload.error ?? `Request failed (${response.status}).`), done: response.ok });
  }
  if (state.done) return <p role="status">{labels.done}</p>;
  return (
    <>
      <button className="primary" type="button" onClick={confirm} disabled={state.busy}>
        {labels.submit}
      </button>
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
    </>
  );
}
