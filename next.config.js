/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel e2e runs (one per developer worktree task) build into their own folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and worker-spawning packages stay as plain Node requires on the server.
  serverExternalPackages: ["isolated-vm", "@libsql/client", "libsql", "pg", "bullmq", "ioredis", "bcryptjs", "typescript"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Lint and typecheck run as their own steps in `npm test`.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
