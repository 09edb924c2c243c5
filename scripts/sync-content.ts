/** Syncs exercises and quizzes from git into the database (run by `npm start`). */
import { createDb } from "../lib/db";
import { env } from "../lib/env";
import { syncExercises } from "../lib/content/sync-exercises";
import { syncQuizzes } from "../lib/content/sync-quizzes";

const db = createDb(env().DATABASE_URL);
try {
  const ex = await syncExercises(db);
  const qz = await syncQuizzes(db);
  const parts = [
    ex.created.length && `${ex.created.length} new exercises`,
    ex.changed.length && `${ex.changed.length} changed (${ex.staleSubmissions} results now stale)`,
    ex.archived.length && `${ex.archived.length} archived`,
    `${qz.upserted} quizzes`,
  ].filter(Boolean);
  console.log(`Content synced: ${parts.join(", ")}.`);
} finally {
  await db.$disconnect();
}
