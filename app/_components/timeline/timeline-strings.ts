import { inLanguage } from "@/lib/i18n/in-language";
import type { Lang } from "@/lib/i18n/messages";

/** The timeline's own texts, the same for students (workspace) and instructors (submission page). */
const strings = {
  timeline: { ko: "인터리빙 타임라인", en: "Interleaving timeline" },
  timelineHelp: {
    ko: "← → 키로 한 단계씩, Home/End로 처음/끝으로 이동합니다. Shift+← →는 표를 옆으로 스크롤합니다.",
    en: "Use ← → to step, Home/End to jump to the start/end, Shift+← → to scroll sideways.",
  },
  details: { ko: "현재 단계", en: "Current step" },
  first: { ko: "처음", en: "First" },
  prev: { ko: "이전 단계", en: "Previous step" },
  next: { ko: "다음 단계", en: "Next step" },
  last: { ko: "끝", en: "Last" },
  toFailure: { ko: "실패 지점으로", en: "Go to the failure" },
  toCause: { ko: "원인 단계로", en: "Go to the cause" },
  causedHere: { ko: "실패의 원인", en: "caused the failure" },
  step: { ko: "단계", en: "Step" },
  of: { ko: "/", en: "of" },
  preempted: { ko: "선점됨", en: "preempted" },
  brokeHere: { ko: "여기서 실패", en: "failed here" },
  output: { ko: "출력", en: "Output" },
  noOutput: { ko: "(출력 없음)", en: "(no output)" },
  truncated: { ko: "(트레이스가 길어 앞부분만 기록되었습니다)", en: "(trace truncated: only its beginning was recorded)" },
} satisfies Record<string, Record<Lang, string>>;

export type TimelineStrings = Record<keyof typeof strings, string>;

export function timelineStrings(lang: Lang): TimelineStrings {
  return inLanguage(strings, lang);
}
