"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Polls a background job's status route (a regrade batch, a similarity run) every `everyMs`
 * while `running(status)` says it is not done, then refreshes the page so its server-rendered
 * results appear. A failed poll shows its error and is retried after 3 s.
 */
export function useJobProgress<T>(url: string, everyMs: number, running: (status: T) => boolean): { status: T | null; error: string | null } {
  const router = useRouter();
  const [status, setStatus] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(url, { cache: "no-store" });
        const body = (await response.json()) as T & { error?: string };
        if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
        if (stop) return;
        setStatus(body);
        setError(null);
        if (running(body)) timer = setTimeout(poll, everyMs);
        else router.refresh();
      } catch (e) {
        if (stop) return;
        setError((e as Error).message);
        timer = setTimeout(poll, 3000);
      }
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
    // `running` is a pure test of the status; a new arrow each render must not restart polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, everyMs, router]);
  return { status, error };
}
