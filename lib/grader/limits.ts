/** Largest accepted submission source (UTF-8 bytes). */
export const MAX_SOURCE_BYTES = 64 * 1024;

/** Largest request body carrying a source: the source, JSON escaping, and the other fields. */
export const MAX_SOURCE_REQUEST_BYTES = MAX_SOURCE_BYTES + 16 * 1024;

/**
 * Largest JSON copy of one batch of run snapshots the host hands to the judge (UTF-16
 * characters, i.e. `string.length`). Checked before anything parses it: a larger batch fails
 * every run it holds. The sandbox splits batches to stay well under it when it can, so only a
 * single run that left this much state (huge shared memory, say) ever reaches it.
 */
export const MAX_SNAPSHOTS_JSON_CHARS = 4 * 1024 * 1024;

/** Heap of the judge isolate that runs the exercises' checks: room for a batch at the cap above, parsed. */
export const JUDGE_MEMORY_MB = 128;

/** Longest student-facing message of one test (the exercise's text plus what went wrong). */
export const MAX_TEST_MESSAGE_CHARS = 2000;

/** Longest string anywhere in a trace's events (the kernel already cuts syscall arguments to 200). */
export const MAX_TRACE_STRING_CHARS = 200;

/** Longest output kept per process in a trace. */
export const MAX_TRACE_OUTPUT_CHARS = 4000;

/**
 * Largest GradeReport, as UTF-8 JSON: it is stored per submission and sent to the browser.
 * Traces of later failing tests are dropped first to stay under it.
 */
export const MAX_REPORT_BYTES = 1_000_000;
