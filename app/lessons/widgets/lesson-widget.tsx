"use client";

import dynamic from "next/dynamic";
import type { Lang } from "@/lib/i18n/messages";

// Each widget (and recharts) is its own chunk, loaded only where a lesson uses it.
const WIDGETS = {
  "bank-race": dynamic(() => import("./bank-race-widget").then((m) => m.BankRaceWidget), { ssr: false }),
  "pipe-pipeline": dynamic(() => import("./pipe-pipeline-widget").then((m) => m.PipePipelineWidget), { ssr: false }),
  "ipc-cost": dynamic(() => import("./ipc-cost-widget").then((m) => m.IpcCostWidget), { ssr: false }),
};

/** The interactive widget for a `{{widget:<id>}}` marker. */
export function LessonWidget({ id, lang }: { id: string; lang: Lang }) {
  const Widget = WIDGETS[id as keyof typeof WIDGETS];
  if (!Widget) return null;
  return (
    <div className="widget-slot">
      <Widget lang={lang} />
      <noscript>
        <p className="muted">{lang === "ko" ? "이 대화형 위젯은 JavaScript가 필요합니다." : "This interactive widget needs JavaScript."}</p>
      </noscript>
    </div>
  );
}
