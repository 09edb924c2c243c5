import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startApp } from "../helpers/start-app";
import { E2E_PASSWORD, E2E_PORT } from "./e2e-constants";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, `data/e2e-${E2E_PORT}`);

/** Starts the app exactly as `npm start` does, on its own port and a fresh database. */
export default async function setup(project: TestProject) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const app = await startApp({
    port: E2E_PORT,
    dataDir,
    env: {
      DEMO_PASSWORD: E2E_PASSWORD,
      NEXT_DIST_DIR: E2E_PORT === 3210 ? ".next" : `.next-${E2E_PORT}`,
      // Suites submit more often than a student would.
      SUBMISSIONS_PER_MINUTE: "1000",
    },
  });
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", app.databaseUrl);
  project.provide("dataDir", dataDir);
  return async () => app.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    dataDir: string;
  }
}
