/**
 * Processes have separate memories, so anything crossing between them is
 * deep-copied, exactly like a kernel copying into and out of user space.
 * Only JSON-like data (plus Uint8Array) can cross; functions or class
 * instances would smuggle shared references, so they are rejected.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export function cloneValue(v: unknown, depth = 0): JsonValue {
  if (depth > 64) throw new TypeError("value nests too deeply to be copied");
  if (v === null || typeof v === "boolean" || typeof v === "string") return v as JsonValue;
  if (typeof v === "number") return v;
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => cloneValue(x, depth + 1));
  if (v instanceof Uint8Array) return Array.from(new Uint8Array(v)); // a plain copy first: no subclass code runs
  if (typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw new TypeError("only plain objects, arrays and primitives can be copied between processes");
    const out: { [k: string]: JsonValue } = {};
    for (const k of Object.keys(v)) out[k] = cloneValue((v as Record<string, unknown>)[k], depth + 1);
    return out;
  }
  throw new TypeError(`a ${typeof v} cannot be copied between processes`);
}
