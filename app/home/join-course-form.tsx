"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function JoinCourseForm({ labels }: { labels: { joinCode: string; submit: string } }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const joinCode = String(new FormData(event.currentTarget).get("joinCode") ?? "");
    const response = await fetch("/api/courses/join", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ joinCode }) });
    if (response.ok) {
      setError(null);
      router.refresh();
    } else setError(((await response.json().catch(() => ({}))) as { error?: string }).error ?? "Failed.");
  }
  return (
    <form className="form" onSubmit={onSubmit}>
      <label>
        {labels.joinCode}
        <input name="joinCode" required />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit">{labels.submit}</button>
    </form>
  );
}
