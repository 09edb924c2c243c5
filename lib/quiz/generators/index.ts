/**
 * Generator registry. A question's `generator` field names one of these ids.
 * To add a generator: implement `QuestionGenerator` in its own file and add
 * it to the list below; `npx tsx scripts/content-check.ts` then checks it
 * against every question that uses it over 1,000 seeds.
 */
import { bankRaceGenerator } from "./bank-race";
import { bankRaceLostUpdateGenerator } from "./bank-race-lost-update";
import { pipeCapacityGenerator } from "./pipe-capacity";
import { semaphoreTraceGenerator } from "./semaphore-trace";
import type { QuestionGenerator } from "./types";

export type { QuestionGenerator, GeneratedVariant } from "./types";

const ALL: readonly QuestionGenerator[] = [
  bankRaceGenerator,
  bankRaceLostUpdateGenerator,
  pipeCapacityGenerator,
  semaphoreTraceGenerator,
];

export const GENERATORS: ReadonlyMap<string, QuestionGenerator> = new Map(ALL.map((g) => [g.id, g]));

/** The generator with this id, or undefined. */
export function getGenerator(id: string): QuestionGenerator | undefined {
  return GENERATORS.get(id);
}
