/**
 * The complete environment of a worker process. Workers run student code (inside isolates,
 * but defence in depth matters), so they get an explicit allow-list instead of a copy of
 * the parent's environment: no DATABASE_URL, AUTH_SECRET, REDIS_URL or OAuth secrets.
 * Workers never talk to the database or Redis; the pool's owner records their results.
 */
export function workerEnvironment(parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    PATH: parent.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    NODE_ENV: parent.NODE_ENV ?? "production",
    TZ: "UTC",
  };
}
