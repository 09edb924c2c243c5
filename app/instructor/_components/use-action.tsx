"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type State = { pending: boolean; error: string | null; ok: string | null };

/**
 * Runs one form action at a time and keeps its outcome for <ActionStatus>: the error message
 * the API gave (zod's included), or a success note; the page's server data is refreshed.
 */
export function useAction() {
  const router = useRouter();
  const [state, setState] = useState<State>({ pending: false, error: null, ok: null });
  async function run<T>(action: () => Promise<T>, ok: string | null = null): Promise<T | undefined> {
    setState({ pending: true, error: null, ok: null });
    try {
      const result = await action();
      setState({ pending: false, error: null, ok });
      router.refresh();
      return result;
    } catch (error) {
      setState({ pending: false, error: (error as Error).message, ok: null });
      return undefined;
    }
  }
  return { ...state, run };
}

export function ActionStatus({ error, ok }: { error: string | null; ok: string | null }) {
  return (
    <>
      {error && (
        <p role="alert" className="form-error" style={{ whiteSpace: "pre-wrap" }}>
          {error}
        </p>
      )}
      {ok && (
        <p role="status" className="muted">
          {ok}
        </p>
      )}
    </>
  );
}
