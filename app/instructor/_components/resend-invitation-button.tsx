"use client";

import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";

/** Mails a fresh invitation link (the previous one stops working). */
export function ResendInvitationButton({ lang, courseId, email }: { lang: Lang; courseId: string; email: string }) {
  const action = useAction();
  return (
    <>
      <button type="button" data-testid={`resend-${email}`} disabled={action.pending} onClick={() => void action.run(() => postJson(`/api/courses/${courseId}/roster/invite`, { email }), tr(lang, "invitationSent"))}>
        {tr(lang, "resendInvitation")}
      </button>
      <ActionStatus error={action.error} ok={action.ok} />
    </>
  );
}
