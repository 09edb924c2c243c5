"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * A date in the reader's own time zone. The server cannot know it, so the page first renders
 * the UTC time and the browser reformats it with Intl once mounted. (Intl refuses dateStyle
 * together with timeZoneName, hence the explicit fields.)
 */
export function LocalTime({ iso, lang, testId }: { iso: string; lang: "ko" | "en"; testId?: string }) {
  // false while rendering on the server and hydrating, true afterwards.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const text = inBrowser
    ? new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-US", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(new Date(iso))
    : `${iso.slice(0, 16).replace("T", " ")} UTC`;
  return (
    <time dateTime={iso} data-testid={testId}>
      {text}
    </time>
  );
}
