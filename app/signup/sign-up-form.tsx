"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

type Labels = { name: string; email: string; password: string; joinCode: string; submit: string; passwordHint: string; accepted: string };
type FieldErrors = Partial<Record<"name" | "email" | "password" | "joinCode" | "form", string>>;

export function SignUpForm({ labels }: { labels: Labels }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const body = Object.fromEntries(new FormData(event.currentTarget));
    const response = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.ok) {
      // The answer is the same for a new and a taken email (ADR 019): signing in tells them apart
      // only to whoever knows the account's password.
      const result = await signIn("credentials", { redirect: false, email: body.email, password: body.password });
      if (result?.ok) {
        router.push("/home");
        router.refresh();
      } else {
        setAccepted(true);
        setBusy(false);
      }
      return;
    }
    const payload = (await response.json().catch(() => ({}))) as { error?: string; field?: string; issues?: Array<{ path: string[]; message: string }> };
    const next: FieldErrors = {};
    for (const issue of payload.issues ?? []) next[(issue.path[0] as keyof FieldErrors) ?? "form"] ??= issue.message;
    if (!payload.issues?.length) next[(payload.field as keyof FieldErrors) ?? "form"] = payload.error ?? "Sign-up failed.";
    setErrors(next);
    setBusy(false);
  }

  const field = (name: keyof Labels & keyof FieldErrors, type: string, autoComplete: string, hint?: string) => (
    <label>
      {labels[name]}
      <input name={name} type={type} autoComplete={autoComplete} aria-invalid={!!errors[name]} aria-describedby={errors[name] ? `${name}-error` : undefined} required />
      {hint && <span className="muted">{hint}</span>}
      {errors[name] && (
        <span id={`${name}-error`} className="field-error" role="alert">
          {errors[name]}
        </span>
      )}
    </label>
  );

  if (accepted) return <p role="status">{labels.accepted}</p>;

  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      {field("name", "text", "name")}
      {field("email", "email", "email")}
      {field("password", "password", "new-password", labels.passwordHint)}
      {field("joinCode", "text", "off")}
      {errors.form && (
        <p role="alert" className="form-error">
          {errors.form}
        </p>
      )}
      <button className="primary" type="submit" disabled={busy}>
        {labels.submit}
      </button>
    </form>
  );
}
