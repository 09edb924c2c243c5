import type { OverrideInput } from "./types";

/** The override in force: the most recent one (overrides are never edited, only superseded). */
export function latestOverride<T extends Pick<OverrideInput, "createdAt">>(overrides: readonly T[]): T | null {
  let latest: T | null = null;
  for (const o of overrides) if (!latest || o.createdAt > latest.createdAt) latest = o;
  return latest;
}
