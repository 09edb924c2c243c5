/**
 * The 15 course topics. Their ids double as lesson slugs and topic-quiz ids,
 * so they are fixed: renaming one is a data migration, not a refactor.
 */
export const TOPIC_IDS = [
  "what-is-ipc",
  "shared-memory-vs-message-passing",
  "pipes",
  "message-queues",
  "sockets",
  "signals",
  "shared-memory-and-mmap",
  "race-conditions",
  "mutexes-semaphores-deadlock",
  "prefork-web-server",
  "ipc-security",
  "processes-vs-threads",
  "syscalls-and-mode-switches",
  "sync-vs-async",
  "ipc-performance",
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

export function isTopicId(value: unknown): value is TopicId {
  return typeof value === "string" && (TOPIC_IDS as readonly string[]).includes(value);
}

export const LANGS = ["ko", "en"] as const;
export type Lang = (typeof LANGS)[number];
