"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { Lang } from "@/lib/i18n/messages";

const L = {
  ko: { mark: "읽음으로 표시", done: "읽음 ✓", signIn: "로그인하면 진도를 기록할 수 있습니다.", signInLink: "로그인", failed: "저장하지 못했습니다. 다시 시도하세요." },
  en: { mark: "Mark as read", done: "Read ✓", signIn: "Sign in to keep track of your progress.", signInLink: "Sign in", failed: "Could not save. Please try again." },
} as const;

type State = "loading" | "anonymous" | "unread" | "saving" | "read" | "error";

/** The lesson page is static, so whether the reader is signed in and has read it is asked from the browser. */
/** `mayBeSignedIn`: a session cookie came with the page; without one the reader is anonymous and nothing is asked (a 401 is a console error). */
export function MarkAsRead({ slug, lang, mayBeSignedIn }: { slug: string; lang: Lang; mayBeSignedIn: boolean }) {
  const t = L[lang];
  const [state, setState] = useState<State>("loading");

  useEffect(() => {
    let cancelled = false;
    if (!mayBeSignedIn) {
      queueMicrotask(() => !cancelled && setState("anonymous"));
      return () => {
        cancelled = true;
      };
    }
    fetch(`/api/lessons/${slug}/progress`, { cache: "no-store" })
      .then(async (r) => {
        if (cancelled) return;
        if (r.status === 401) return setState("anonymous");
        if (!r.ok) return setState("error");
        const body = (await r.json()) as { completedAt: string | null };
        setState(body.completedAt ? "read" : "unread");
      })
      .catch(() => !cancelled && setState("error"));
    return () => {
      cancelled = true;
    };
  }, [slug, mayBeSignedIn]);

  const mark = async () => {
    setState("saving");
    const r = await fetch(`/api/lessons/${slug}/progress`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    setState(r?.ok ? "read" : r?.status === 401 ? "anonymous" : "error");
  };

  if (state === "loading") return null;
  if (state === "anonymous") {
    return (
      <p className="muted" data-testid="mark-read-signin">
        {t.signIn} <Link href="/signin">{t.signInLink}</Link>
      </p>
    );
  }
  return (
    <div className="mark-read">
      <button type="button" className="primary" onClick={mark} disabled={state === "saving" || state === "read"} aria-pressed={state === "read"}>
        {state === "read" ? t.done : t.mark}
      </button>
      {state === "error" && <span role="alert" className="form-error"> {t.failed}</span>}
    </div>
  );
}
