/**
 * Seeds the demo course and accounts (idempotent) and prints the passwords of accounts it
 * creates. They are also kept in DATA_DIR/demo-accounts.txt (mode 0600) for later lookup.
 */
import fs from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db";
import { env } from "../lib/env";
import { seedDemo } from "../lib/seed/seed-demo";

const e = env();
const db = createDb(e.DATABASE_URL);
try {
  const report = await seedDemo(db, process.env.DEMO_PASSWORD || undefined);
  if (report.created.length > 0) {
    const lines = [
      `Demo course join code: ${report.courseJoinCode}`,
      ...report.created.map((a) => `${a.role.padEnd(10)} ${a.email.padEnd(28)} ${a.password}`),
    ];
    const file = path.resolve(e.DATA_DIR, "demo-accounts.txt");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, lines.join("\n") + "\n", { mode: 0o600 });
    console.log(["", "Demo accounts created (shown once; also saved in " + path.relative(process.cwd(), file) + "):", ...lines.map((l) => "  " + l), ""].join("\n"));
  } else {
    console.log(`Demo data present (join code ${report.courseJoinCode}); passwords are in ${path.join(e.DATA_DIR, "demo-accounts.txt")}.`);
  }
} finally {
  await db.$disconnect();
}
