/**
 * Sign-in timing benchmark (issue 15, no user enumeration): times the credentials check of
 * the real `authorize` (throttle bookkeeping included) for a known email with a wrong
 * password, an unknown email, and a roster-imported account without a password, on a
 * temporary migrated SQLite database, and prints JSON with the p50 of each and the ratio of
 * unknown to known. Each attempt comes from its own address and email so the throttle never
 * short-cuts one case. A ratio near 1 means the time tells nothing; before the dummy hash
 * it was about 0.06 (9 ms vs 156 ms). Not a timed test: timings on shared CI are noise, so
 * this is printed for a person to read. Usage: npm run bench:auth
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createTestDatabase } from "../helpers/test-database";

process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-auth-bench-"));
const RUNS = Number(process.env.RUNS ?? 30);

// The credentials provider's authorize, minus next-auth's provider wrapper (which Node's ESM
// loader cannot call: next-auth's providers are CommonJS default exports).
const { authorizeCredentials } = await import("@/lib/auth/auth-options");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
};

const { db, drop } = await createTestDatabase("sqlite");
setDb(db);
try {
  const passwordHash = await hashPassword("bench-password-1");
  for (let i = 0; i < RUNS + 1; i++) {
    await db.user.create({ data: { email: `known-${i}@bench.test`, name: "Known", passwordHash } });
    await db.user.create({ data: { email: `imported-${i}@bench.test`, name: "Imported" } });
  }
  const samples: Record<"known" | "unknown" | "passwordless", number[]> = { known: [], unknown: [], passwordless: [] };
  const emailOf = { known: "known", unknown: "nobody", passwordless: "imported" } as const;
  let n = 0;
  // Interleaved, and the first round discarded (warm-up: JIT, query plans, the dummy hash).
  for (let i = 0; i <= RUNS; i++) {
    for (const kind of ["known", "unknown", "passwordless"] as const) {
      const started = performance.now();
      const user = await authorizeCredentials(`${emailOf[kind]}-${i}@bench.test`, "wrong-password-9", { "x-forwarded-for": `10.${n >> 16}.${(n >> 8) & 255}.${n++ & 255}` });
      if (user) throw new Error("a wrong password signed in");
      if (i > 0) samples[kind].push(performance.now() - started);
    }
  }
  const known = median(samples.known);
  const unknown = median(samples.unknown);
  const passwordless = median(samples.passwordless);
  console.log(
    JSON.stringify(
      { runs: RUNS, p50Ms: { known, unknown, passwordless }, unknownToKnownRatio: Math.round((unknown / known) * 100) / 100, passwordlessToKnownRatio: Math.round((passwordless / known) * 100) / 100 },
      null,
      2,
    ),
  );
} finally {
  await drop();
}
