import path from "node:path";

/**
 * An absolute path inside the repository. The server runs from the project root (as the
 * lesson and question loaders assume); import.meta.dirname is not reliable inside the
 * Next.js server bundle. Marked for Next's file tracer: these are run-time reads of the
 * checkout, not build inputs.
 */
export function projectPath(...parts: string[]): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), ...parts);
}
