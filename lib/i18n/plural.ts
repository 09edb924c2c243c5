/**
 * A count with its noun in the viewer's language ("1 attempt", "2 attempts", "학생 3명"), chosen
 * by the CLDR plural rules of `Intl.PluralRules` rather than by `n === 1` or "(s)": English has
 * one/other, Korean has a single form (and counters instead of plurals), and a future language
 * may have more. `#` in a form is replaced by the number, formatted for the language.
 */
import type { Lang } from "./messages";

/** Forms by CLDR plural category; `other` is required as every language has it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Lang, Intl.PluralRules>();
const numbers = new Map<Lang, Intl.NumberFormat>();

export function plural(lang: Lang, n: number, forms: Record<Lang, PluralForms>): string {
  if (!rules.has(lang)) rules.set(lang, new Intl.PluralRules(lang));
  if (!numbers.has(lang)) numbers.set(lang, new Intl.NumberFormat(lang));
  const byLang = forms[lang];
  const form = byLang[rules.get(lang)!.select(n)] ?? byLang.other;
  return form.replaceAll("#", numbers.get(lang)!.format(n));
}

/** English-only texts (API errors, operator logs, English halves of hand-written tables). */
export function pluralEn(n: number, one: string, other: string): string {
  return plural("en", n, { ko: { other }, en: { one, other } });
}
