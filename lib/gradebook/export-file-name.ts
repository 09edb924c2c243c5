/** A download's file name: the course code made safe for a header ("OS 101/A" → "OS_101_A"), then "-" and the suffix. */
export function exportFileName(code: string, suffix: string): string {
  return `${code.replace(/[^A-Za-z0-9._-]/g, "_")}-${suffix}`;
}
