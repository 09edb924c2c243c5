import type { Lang } from "../grader/types";

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * The `ipc` typings document everything in both languages: "한국어. / English." on one line,
 * or a Korean line then an English one. The editor shows the UI's language only; text it
 * can't split (a single-language comment) is shown whole.
 */
export function docInLanguage(doc: string, lang: Lang): string {
  const pick = (parts: string[]) => {
    const kept = parts.filter((p) => HANGUL.test(p) === (lang === "ko"));
    return kept.length > 0 && kept.length < parts.length ? kept : parts;
  };
  const lines = pick(doc.split("\n").filter((l) => l.trim()));
  return lines
    .map((line) => {
      const halves = line.split(" / ");
      return halves.length === 2 ? pick(halves).join(" / ") : line;
    })
    .join("\n");
}
