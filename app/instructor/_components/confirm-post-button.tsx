"use client";

import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";

/** A button that posts one JSON body after the instructor confirms (removals and revocations). */
export function ConfirmPostButton({ url, body, label, confirm, testId }: { url: string; body: unknown; label: string; confirm: string; testId?: string }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="danger"
        data-testid={testId}
        disabled={action.pending}
        onClick={() => {
          if (window.confirm(confirm)) void action.run(() => postJson(url, body));
        }}
      >
        {label}
      </button>
      <ActionStatus error={action.error} ok={action.ok} />
    </>
  );
}
