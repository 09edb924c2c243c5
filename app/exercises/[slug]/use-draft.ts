"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LocalDraft } from "@/lib/workspace/choose-initial-source";

export type SaveState = "saved" | "saving" | "local";

const SAVE_DELAY_MS = 800;

/**
 * Autosave of the editor text: every change goes to localStorage at once and, debounced,
 * to the server's Draft row; a pending save is sent with a keepalive fetch when the page is
 * hidden or left, so navigating away right after typing loses nothing. (Not sendBeacon: a
 * beacon's string body is text/plain, which the API refuses as a possible cross-site post.)
 */
export function useDraft(slug: string, storageKey: string) {
  const [state, setState] = useState<SaveState>("saved");
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const url = `/api/drafts/${slug}`;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const source = pending.current;
    if (source === null) return;
    pending.current = null;
    try {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ source }) });
      if (pending.current === null) setState(response.ok ? "saved" : "local");
    } catch {
      setState("local");
    }
  }, [url]);

  const change = useCallback(
    (source: string) => {
      try {
        localStorage.setItem(storageKey, JSON.stringify({ source, savedAt: Date.now() } satisfies LocalDraft));
      } catch {
        // Storage full or disabled: the server copy still follows.
      }
      pending.current = source;
      setState("saving");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [storageKey, flush],
  );

  useEffect(() => {
    const beacon = () => {
      if (pending.current === null) return;
      void fetch(url, { method: "POST", keepalive: true, headers: { "content-type": "application/json" }, body: JSON.stringify({ source: pending.current }) }).catch(() => {});
      pending.current = null;
    };
    const onHidden = () => document.visibilityState === "hidden" && beacon();
    window.addEventListener("pagehide", beacon);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      beacon();
      window.removeEventListener("pagehide", beacon);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, [url]);

  return { state, change, flush };
}

export function readLocalDraft(storageKey: string): LocalDraft | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey) ?? "null") as LocalDraft | null;
    return parsed && typeof parsed.source === "string" && typeof parsed.savedAt === "number" ? parsed : null;
  } catch {
    return null;
  }
}
