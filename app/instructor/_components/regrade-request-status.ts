import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";

/** A request status in the instructor's language. */
export function statusLabel(lang: Lang, status: string): string {
  return status === "OPEN" ? tr(lang, "statusOpen") : status === "ACCEPTED" ? tr(lang, "statusAccepted") : tr(lang, "statusDeclined");
}
