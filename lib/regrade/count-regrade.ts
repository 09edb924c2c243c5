import { db } from "../db";
import { regradeFilter } from "./regrade-filter";
import type { RegradeScope } from "./regrade-scope";

/** How many submissions a regrade would rerun: what "Regrade the whole assignment" asks the instructor to confirm. */
export function countRegrade(courseId: string, scope: RegradeScope): Promise<number> {
  return db().submission.count({ where: regradeFilter(courseId, scope) });
}
