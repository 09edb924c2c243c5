import type { Program } from "../run";

/** A classic concurrency bug in two versions; the fixed one must pass every explored schedule. */
export interface ZooEntry {
  name: string;
  description: string;
  buggy: Program;
  fixed: Program;
}
