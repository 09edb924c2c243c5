import type { Lang } from "./messages";

/** A table of {ko, en} texts as plain strings in one language (plain data a client component can take). */
export function inLanguage<K extends string>(table: Record<K, Record<Lang, string>>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<Record<Lang, string>>(table).map(([key, text]) => [key, text[lang]])) as Record<K, string>;
}
