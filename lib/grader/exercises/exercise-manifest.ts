import { z } from "zod";

const localized = z.strictObject({ ko: z.string().min(1), en: z.string().min(1) });

export const exerciseManifestSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slug must be kebab-case"),
  title: localized,
  topics: z.array(z.string().min(1)).min(1),
  difficulty: z.number().int().min(1).max(3),
  /** Whether type errors block grading ("block") or are only reported ("warn"). */
  typecheck: z.enum(["block", "warn"]),
  limits: z.strictObject({
    cpuMs: z.number().int().positive().max(30_000),
    wallMs: z.number().int().positive().max(60_000),
    memoryMb: z.number().int().min(8).max(512),
  }),
  explore: z.strictObject({
    /** "auto" (see ExploreOptions in lib/kernel/run.ts): bounded-exhaustive search, PCT when that does not finish; coverage stated either way. */
    strategy: z.enum(["auto", "mix", "random", "pct", "exhaustive"]).default("mix"),
    budget: z.number().int().positive().max(100_000),
    maxPreemptions: z.number().int().min(0).optional(),
    pctDepth: z.number().int().min(1).max(10).optional(),
    /** "auto": PCT stops once a bug of depth ≤ 2 would be missed with at most this probability (default 0.01). */
    missTarget: z.number().gt(0).lt(1).optional(),
    /** Partial-order reduction in the exhaustive search (default true); off for checks that depend on the order of independent operations (lib/kernel/strategies/footprint.ts). */
    reduction: z.boolean().optional(),
  }),
  /** Points of each hidden test, by test id: the grade's weights. */
  points: z.record(z.string(), z.number().positive()),
  /** Ids of the tests in tests/public.ts (students can read and run them). */
  publicTests: z.array(z.string()).default([]),
});

export type ExerciseManifest = z.infer<typeof exerciseManifestSchema>;
