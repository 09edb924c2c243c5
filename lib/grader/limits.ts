/** Largest accepted submission source (UTF-8 bytes). */
export const MAX_SOURCE_BYTES = 64 * 1024;

/** Largest request body carrying a source: the source, JSON escaping, and the other fields. */
export const MAX_SOURCE_REQUEST_BYTES = MAX_SOURCE_BYTES + 16 * 1024;
