/**
 * Per-topic mastery in 0..1.
 *
 * Rule: for every question take the BEST score ratio (score / maxScore) the
 * student ever reached on it, across all attempts. A topic's mastery is the
 * mean of those best ratios over the topic's questions:
 *  - with `bank` given, over ALL the topic's questions in the bank, unseen
 *    ones counting 0 (so mastery means "covered and correct");
 *  - without `bank`, over the questions the student has attempted.
 * Questions are weighted equally regardless of points. Topics with no
 * questions (or none attempted, without a bank) get 0. Results for question
 * ids not in the bank are ignored when a bank is given.
 */
import type { AttemptResult } from "./grade-attempt";
import type { Question } from "./question-schema";
import { TOPIC_IDS, type TopicId } from "./topics";

export type Mastery = Record<TopicId, number>;

type ResultLike = Pick<AttemptResult["results"][number], "questionId" | "topic" | "score" | "maxScore">;

export function computeMastery(
  attemptResults: readonly { results: readonly ResultLike[] }[],
  opts: { bank?: readonly Question[] } = {},
): Mastery {
  const best = new Map<string, { topic: TopicId; ratio: number }>();
  for (const attempt of attemptResults) {
    for (const r of attempt.results) {
      const ratio = r.maxScore > 0 ? Math.min(1, Math.max(0, r.score / r.maxScore)) : 0;
      const prev = best.get(r.questionId);
      if (!prev || ratio > prev.ratio) best.set(r.questionId, { topic: r.topic, ratio });
    }
  }
  const sums = new Map<TopicId, { sum: number; n: number }>(TOPIC_IDS.map((t) => [t, { sum: 0, n: 0 }]));
  if (opts.bank) {
    for (const q of opts.bank) {
      const acc = sums.get(q.topic);
      if (!acc) continue;
      acc.sum += best.get(q.id)?.ratio ?? 0;
      acc.n += 1;
    }
  } else {
    for (const { topic, ratio } of best.values()) {
      const acc = sums.get(topic);
      if (!acc) continue;
      acc.sum += ratio;
      acc.n += 1;
    }
  }
  const out = {} as Mastery;
  for (const t of TOPIC_IDS) {
    const acc = sums.get(t) as { sum: number; n: number };
    out[t] = acc.n > 0 ? acc.sum / acc.n : 0;
  }
  return out;
}
