/**
 * Generator registry. A question's `generator` field names one of these ids.
 * To add a generator: implement `QuestionGenerator` in its own file and add
 * it to the list below; `npx tsx scripts/content-check.ts` then checks it
 * against every question that uses it over 1,000 seeds.
 */
import { bankRaceGenerator, bankRacePrograms, bankRaceScenario, createBankRaceGenerator } from "./bank-race";
import { bankRaceLostUpdateGenerator, createBankRaceLostUpdateGenerator } from "./bank-race-lost-update";
import { createKernelRaceInterpreter } from "./kernel-race";
import { pipeCapacityGenerator } from "./pipe-capacity";
import { semaphoreTraceGenerator } from "./semaphore-trace";
import type { QuestionGenerator } from "./types";

export type { QuestionGenerator, GeneratedVariant } from "./types";

/**
 * The bank-race answers are computed by the simulated kernel; the step
 * interpreter `runRace` stays as the reference content:check compares with.
 */
const kernelRace = createKernelRaceInterpreter();
async function prepareBankRace(seed: number): Promise<void> {
  const s = bankRaceScenario(seed);
  await kernelRace.prepare(s.initial, bankRacePrograms(s), s.schedule);
}

const ALL: readonly QuestionGenerator[] = [
  { ...createBankRaceGenerator(kernelRace.interpreter), prepare: prepareBankRace, reference: bankRaceGenerator },
  { ...createBankRaceLostUpdateGenerator(kernelRace.interpreter), prepare: prepareBankRace, reference: bankRaceLostUpdateGenerator },
  pipeCapacityGenerator,
  semaphoreTraceGenerator,
];

export const GENERATORS: ReadonlyMap<string, QuestionGenerator> = new Map(ALL.map((g) => [g.id, g]));

/** The generator with this id, or undefined. */
export function getGenerator(id: string): QuestionGenerator | undefined {
  return GENERATORS.get(id);
}
