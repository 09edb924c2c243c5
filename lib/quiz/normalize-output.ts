/**
 * Canonical form of program output for code-output questions: CRLF/CR → LF,
 * trailing whitespace removed from every line, trailing empty lines removed.
 * Leading whitespace and blank lines in the middle are significant.
 */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n")
    .replace(/\n+$/u, "");
}
