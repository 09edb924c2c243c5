/**
 * What a test's exploration covered (TestReport.coverage), said in a sentence, in Korean or
 * English, for the results panel, the instructor view and the CLI. Pure: no Node or DOM APIs.
 *
 *   all 1,234 interleavings with ≤ 2 preemptions
 *   every interleaving with ≤ 2 preemptions (473 schedules, up to reordering of independent steps)
 *   every interleaving with ≤ 1 preemption (190 schedules), then PCT d=2, 600 runs: a depth-2 bug is missed with probability < 0.1%
 */
import type { Coverage } from "../kernel/strategies/coverage";
import { pluralEn } from "../i18n/plural";
import type { Lang } from "./types";

/** 1234567 → "1,234,567" (the same in both languages, and on every platform). */
export function formatCount(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/**
 * An upper bound on a probability as a percentage, rounded up so it stays an upper bound:
 * 0.2329 → "< 24%", 0.0099 → "< 1%", 0.0007 → "< 0.07%", 1e-9 → "< 0.001%". When rounding
 * changes nothing the bound itself is shown ("≤ 1%").
 */
export function formatMissBound(p: number): string {
  const percent = Math.min(100, Math.max(0, p * 100));
  let shown: number;
  let text: string;
  if (percent >= 1) {
    shown = Math.ceil(percent - 1e-9);
    text = String(shown);
  } else if (percent >= 0.1) {
    shown = Math.ceil(percent * 10 - 1e-9) / 10;
    text = shown.toFixed(shown >= 1 ? 0 : 1);
  } else if (percent >= 0.001) {
    // One significant digit, rounded up: 0.07, 0.004.
    const scale = Math.pow(10, Math.ceil(-Math.log10(percent)));
    shown = Math.ceil(percent * scale - 1e-9) / scale;
    if (shown >= 0.1) shown = 0.1;
    text = String(Number(shown.toPrecision(1)));
  } else {
    shown = 0.001;
    text = "0.001";
  }
  const exact = Math.abs(shown - percent) < 1e-12;
  return `${exact ? "≤" : "<"} ${text}%`;
}

/** "with ≤ 2 preemptions" / "선점 2번 이하인" (bound 0: "with no preemption" / "선점 없는"). */
function preemptions(bound: number, lang: Lang): string {
  if (lang === "ko") return bound === 0 ? "선점 없는" : `선점 ${bound}번 이하인`;
  return bound === 0 ? "with no preemption" : `with ≤ ${bound} preemption${bound === 1 ? "" : "s"}`;
}

function exhaustiveText(c: Extract<Coverage, { kind: "exhaustive" }>, lang: Lang): string {
  const n = formatCount(c.schedules);
  const reduced = c.reduction !== "none";
  const bound = preemptions(c.preemptionBound, lang);
  if (lang === "ko") {
    if (!c.complete) return `${bound} 인터리빙 중 ${n}개 (탐색을 끝내지 못함)`;
    const what = c.allInterleavings ? "가능한 모든 인터리빙" : `${bound} 모든 인터리빙`;
    return reduced ? `${what} (스케줄 ${n}개, 독립적인 단계의 순서만 다른 것은 한 번만)` : `${what} ${n}개`;
  }
  const s = c.schedules;
  if (!c.complete) return `${pluralEn(s, `${n} interleaving`, `${n} interleavings`)} ${bound} (the search did not finish)`;
  if (reduced) return `${c.allInterleavings ? "every interleaving" : `every interleaving ${bound}`} (${pluralEn(s, `${n} schedule`, `${n} schedules`)}, up to reordering of independent steps)`;
  const all = pluralEn(s, "the only interleaving", `all ${n} interleavings`);
  return c.allInterleavings ? all : `${all} ${bound}`;
}

function pctText(c: Extract<Coverage, { kind: "pct" }>, lang: Lang): string {
  const runs = formatCount(c.runs);
  const e = c.exhaustive;
  const before = e && (lang === "ko" ? `${preemptions(e.preemptionBound, lang)} 모든 인터리빙 (스케줄 ${formatCount(e.schedules)}개)` : `every interleaving ${preemptions(e.preemptionBound, lang)} (${pluralEn(e.schedules, `${formatCount(e.schedules)} schedule`, `${formatCount(e.schedules)} schedules`)})`);
  let bound: string;
  if (lang === "ko") {
    const miss = formatMissBound(c.missProbability).replace(/^([<≤]) (.*)$/, (_, op: string, v: string) => `${v} ${op === "<" ? "미만" : "이하"}`);
    if (c.runs === 0) bound = "PCT 실행 없음 (보장 없음)";
    else if (c.missProbability === 0) bound = `PCT d=${c.depth}, ${runs}회 실행: 모든 PCT 스케줄을 실행했으므로 깊이 2 이하의 버그는 놓치지 않음`;
    else if (c.missProbability >= 1) bound = `PCT d=${c.depth}, ${runs}회 실행 (깊이 2 버그에 대한 보장 없음)`;
    else bound = `PCT d=${c.depth}, ${runs}회 실행: 깊이 2 버그를 놓칠 확률 ${miss}`;
    return before ? `${before}에 더해 ${bound}` : bound;
  }
  const ranRuns = pluralEn(c.runs, `${runs} run`, `${runs} runs`);
  if (c.runs === 0) bound = "no PCT runs (no bound)";
  else if (c.missProbability === 0) bound = `PCT d=${c.depth}, ${ranRuns}: every PCT schedule was run, so no bug of depth ≤ 2 is missed`;
  else if (c.missProbability >= 1) bound = `PCT d=${c.depth}, ${ranRuns} (no bound for depth-2 bugs)`;
  else bound = `PCT d=${c.depth}, ${ranRuns}: a depth-2 bug is missed with probability ${formatMissBound(c.missProbability)}`;
  return before ? `${before}, then ${bound}` : bound;
}

/** The coverage as a sentence (no final period). `passed: false` says the search stopped at the first failing schedule. */
export function describeCoverage(coverage: Coverage, lang: Lang, { passed = true }: { passed?: boolean } = {}): string {
  let text: string;
  switch (coverage.kind) {
    case "exhaustive":
      text = exhaustiveText(coverage, lang);
      break;
    case "pct":
      text = pctText(coverage, lang);
      break;
    case "random":
      text = lang === "ko" ? `무작위 스케줄 ${formatCount(coverage.runs)}개 (보장된 커버리지 없음)` : `${formatCount(coverage.runs)} random schedules (no coverage bound)`;
      break;
  }
  if (passed) return text;
  return lang === "ko" ? `실패하는 스케줄을 찾아 탐색을 멈춤 (그때까지: ${text})` : `stopped at the first failing schedule (explored until then: ${text})`;
}

/** Whether the coverage is what the authoring rules ask of a hidden test: the preemption-bounded search finished (≥ 2 preemptions), or PCT's miss probability for depth-2 bugs is at most `missTarget`. */
export function coverageSufficient(coverage: Coverage, missTarget = 0.01): boolean {
  if (coverage.kind === "exhaustive") return coverage.complete && (coverage.allInterleavings || coverage.preemptionBound >= 2);
  if (coverage.kind === "pct") return coverage.runs > 0 && coverage.missProbability <= missTarget;
  return false;
}
