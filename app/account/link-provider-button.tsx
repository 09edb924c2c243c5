"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Records the signed-in confirmation (a link intent), then starts the provider's sign-in. */
export function LinkProviderButton({ provider, label, failed }: { provider: string; label: string; failed: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);

  async function start() {
    setBusy(true);
    setError(false);
    const response = await fetch("/api/account/link-intent", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider }) });
    if (!response.ok) {
      setBusy(false);
      setError(true);
      return;
    }
    await signIn(provider, { callbackUrl: "/account" });
  }

  return (
    <p>
      <button type="button" className="primary" onClick={start} disabled={busy}>
        {label}
      </button>
      {error && (
        <span role="alert" className="form-error">
          {" "}
          {failed}
        </span>
      )}
    </p>
  );
}
