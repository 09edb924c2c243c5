/** Largest accepted submission source (UTF-8 bytes). */
export const MAX_SOURCE_BYTES = 64 * 1024;
