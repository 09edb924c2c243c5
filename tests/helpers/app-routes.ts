import fs from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "../../app");

/**
 * Every page and route handler in app/, as route patterns such as
 * `/instructor/courses/[courseId]` (route groups and private folders removed).
 */
export function listAppRoutes(dir = appDir, prefix = ""): Array<{ route: string; kind: "page" | "api" }> {
  const out: Array<{ route: string; kind: "page" | "api" }> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue;
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
      out.push(...listAppRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (/^page\.tsx?$/.test(entry.name)) {
      out.push({ route: prefix || "/", kind: "page" });
    } else if (/^route\.tsx?$/.test(entry.name)) {
      out.push({ route: prefix || "/", kind: "api" });
    }
  }
  return out;
}
