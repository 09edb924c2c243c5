import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as enDictionary, translations } from "@zxcvbn-ts/language-en";

/** zxcvbn's "safely unguessable" level: about 10^8 guesses or more (ADR 019). */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/**
 * Why this password is too weak for this account, or null when it is strong enough. The
 * account's email (and its local part) and name are passed as user inputs: a password made of
 * them is the first thing an attacker who knows the address tries.
 */
export function passwordProblem(password: string, userInputs: { email: string; name?: string | null }): string | null {
  // The dictionaries are large: built once per process, on first use.
  factory ??= new ZxcvbnFactory({ dictionary: { ...commonDictionary, ...enDictionary }, graphs: adjacencyGraphs, translations });
  const inputs = [userInputs.email, userInputs.email.split("@")[0], ...(userInputs.name ? [userInputs.name, ...userInputs.name.split(/\s+/)] : [])].filter((s) => s.length >= 3);
  const result = factory.check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `This password is too easy to guess.${hint ? ` ${hint}` : ""}`;
}
