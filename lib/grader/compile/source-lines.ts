import { SourceMapConsumer, type RawSourceMap } from "source-map-js";

/**
 * For each line of the compiled JavaScript (index 0 is line 1), the line of the student's
 * TypeScript it came from, or 0 for lines the compiler added (`"use strict"`, export
 * bookkeeping). TypeScript moves and adds lines, so an error's line in the JavaScript is not
 * the line the student wrote; the sandbox reports the latter (harness `sourceLine`).
 */
export function sourceLines(js: string, sourceMapText: string | undefined): number[] {
  let count = 1;
  for (let i = js.indexOf("\n"); i >= 0; i = js.indexOf("\n", i + 1)) count++;
  const lines = Array.from({ length: count }, () => 0);
  if (!sourceMapText) return lines;
  const consumer = new SourceMapConsumer(JSON.parse(sourceMapText) as RawSourceMap);
  consumer.eachMapping((m) => {
    const i = m.generatedLine - 1;
    // The first mapping of a line is where its statement starts.
    if (m.originalLine && i >= 0 && i < count && lines[i] === 0) lines[i] = m.originalLine;
  });
  return lines;
}
