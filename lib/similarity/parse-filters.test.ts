import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, parseFilters } from "./get-similarity-run";

describe("similarity view filters", () => {
  it("defaults to final submissions, threshold 0.5, reference-only pairs hidden", () => {
    expect(parseFilters({})).toEqual(DEFAULT_FILTERS);
  });

  it("reads the first value of a name: a checked box, else the hidden 'off' after it", () => {
    expect(parseFilters({ final: ["1", "0"], reference: ["hide", "show"] })).toMatchObject({ finalOnly: true, excludeReferenceOnly: true });
    expect(parseFilters({ final: "0", reference: "show" })).toMatchObject({ finalOnly: false, excludeReferenceOnly: false });
  });

  it("clamps the threshold and ignores one that is not a number", () => {
    expect(parseFilters({ threshold: "7" }).threshold).toBe(1);
    expect(parseFilters({ threshold: "-1" }).threshold).toBe(0);
    expect(parseFilters({ threshold: "abc" }).threshold).toBe(DEFAULT_FILTERS.threshold);
    expect(parseFilters({ threshold: "0.8" }).threshold).toBe(0.8);
  });
});
