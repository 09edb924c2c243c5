"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { throttledUntil } from "@/lib/auth/sign-in-errors";

type Props = {
  callbackUrl: string;
  providers: Array<{ id: string; name: string }>;
  labels: { email: string; password: string; submit: string; failed: string; throttled: string };
};

function failureMessage(error: string | null | undefined, labels: Props["labels"]): string {
  const until = throttledUntil(error);
  if (!until) return labels.failed;
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const wait = seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return labels.throttled.replace("{time}", until.toLocaleTimeString()).replace("{wait}", wait);
}

export function SignInForm({ callbackUrl, providers, labels }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", { redirect: false, email: form.get("email"), password: form.get("password") });
    setBusy(false);
    if (result?.ok) {
      router.push(callbackUrl);
      router.refresh();
    } else setError(failureMessage(result?.error, labels));
  }

  return (
    <div className="card">
      <form className="form" onSubmit={onSubmit} noValidate>
        <label>
          {labels.email}
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {labels.password}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button className="primary" type="submit" disabled={busy}>
          {labels.submit}
        </button>
      </form>
      {providers.map((p) => (
        <p key={p.id}>
          <button type="button" onClick={() => signIn(p.id, { callbackUrl })}>
            {labels.submit}: {p.name}
          </button>
        </p>
      ))}
    </div>
  );
}
