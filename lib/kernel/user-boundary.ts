/**
 * The system-call boundary between user code (a process's own JavaScript) and the kernel,
 * in the style of xv6's copyin/copyout: the kernel never holds a user object and never hands
 * out one of its own.
 *
 * - `copyIn` turns call arguments into fresh kernel-owned data before the kernel sees them.
 *   It runs in the caller's turn, before the request is filed, so any user code it triggers
 *   (a proxy trap, an own `map`) runs as that process, exactly as if the process had run it
 *   before calling; the kernel then validates and uses only the copy (no TOCTOU).
 * - `copyOut` turns results into fresh data the process owns, and kernel objects that stand
 *   for a capability (a shared-memory attachment) into hardened facades whose methods close
 *   over the kernel object. Anything else is a kernel bug and fails closed.
 * - `harden` freezes what is shared: facades, the `ipc` module object, error classes.
 *
 * In the grader's sandbox SES's `lockdown()` has frozen every intrinsic and installed the real
 * `harden`; in Node and the browser (tests, lesson widgets) a local fallback freezes the object
 * graph but stops at the shared built-in prototypes, which nothing there locks down.
 */

type Hardener = <T>(value: T) => T;

const { freeze, getPrototypeOf, getOwnPropertyDescriptor, defineProperty } = Object;
const { ownKeys } = Reflect;
const { isArray } = Array;

/** Built-in constructors and their prototypes: shared by everything in Node and the browser, never frozen there. */
const BUILT_INS: ReadonlySet<unknown> = new Set(
  [Object, Function, Array, Error, TypeError, RangeError, Promise, Uint8Array, getPrototypeOf(Uint8Array), Map, Set, WeakMap, Date, RegExp, String, Number, Boolean, Symbol, Math, JSON, Reflect].flatMap(
    (c) => [c, (c as { prototype?: unknown }).prototype],
  ),
);

/** Like SES's harden, remembers what it froze: hardening a fresh object over a hardened prototype is then cheap. */
const HARDENED = new WeakSet<object>();

function fallbackHarden<T>(root: T): T {
  const visit = (value: unknown): void => {
    if ((typeof value !== "object" && typeof value !== "function") || value === null) return;
    if (HARDENED.has(value) || BUILT_INS.has(value)) return;
    HARDENED.add(value);
    freeze(value);
    for (const key of ownKeys(value as object)) {
      const d = getOwnPropertyDescriptor(value, key)!;
      if ("value" in d) visit(d.value);
      else {
        visit(d.get);
        visit(d.set);
      }
    }
    visit(getPrototypeOf(value));
  };
  visit(root);
  return root;
}

export const harden: Hardener = (globalThis as { harden?: Hardener }).harden ?? fallbackHarden;

/**
 * An array of `length` copies of `value`, packed. SES's lockdown() freezes Array.prototype,
 * which makes V8 give up its fast paths for holey arrays (`new Array(n)`, even after `fill`) for
 * good: iterating one became ~30 times slower in the sandbox. Arrays the kernel makes are
 * therefore built by pushing.
 */
export function packedArray<T>(length: number, value: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < length; i++) out.push(value);
  return out;
}

/** How deep a copied value may nest, and how long a copied array may be. */
const MAX_DEPTH = 64;
const MAX_LENGTH = 1 << 20;

/** Thrown by copyIn: the caller turns it into the call's EINVAL. */
export class CopyError extends Error {}

/** Facades the kernel handed out, to the kernel object each stands for (a capability passed back in). */
const UNWRAP = new WeakMap<object, object>();
/** Functions a process gave the kernel (signal handlers): the only functions copyOut hands back. */
const USER_FUNCTIONS = new WeakSet<object>();

/** Kernel objects that user code may hold a capability to implement this, returning their hardened facade. */
export const TO_USER: unique symbol = Symbol("toUser");
export interface Facadeable {
  [TO_USER](): object;
}

/**
 * Freezes a per-process object whose prototype is already hardened and whose own properties
 * are primitives or functions with no properties of their own (arrows): for such an object
 * freezing it and its functions is what harden() would do, at a fraction of the cost (one is
 * made per process per call name, on every run of an exploration).
 */
export function freezeFacade<T extends object>(facade: T): T {
  for (const key of ownKeys(facade)) {
    const value = (facade as Record<PropertyKey, unknown>)[key];
    if (typeof value === "function") freeze(value);
  }
  return freeze(facade);
}

/** Registers `facade` as the user-side handle of `internal`, freezes it and returns it. */
export function makeFacade<T extends object>(internal: object, facade: T): T {
  UNWRAP.set(facade, internal);
  return freezeFacade(facade);
}

/**
 * Copies a user value into kernel-owned data: primitives, plain arrays and objects (own,
 * enumerable data properties only: an accessor is refused, never called), Uint8Array (through
 * its internal slots), and, where `allowFunctions`, functions (kept by reference: they are the
 * process's own code, which the kernel only ever calls as that process). A facade the kernel
 * handed out is unwrapped only as a whole argument, never inside data.
 */
export function copyIn(value: unknown, allowFunctions = false, depth = 0): unknown {
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
    case "undefined":
      return value;
    case "function":
      if (!allowFunctions) throw new CopyError("a function cannot be passed here");
      USER_FUNCTIONS.add(value);
      return value;
    case "bigint":
    case "symbol":
      throw new CopyError(`a ${typeof value} cannot be copied between processes`);
  }
  if (value === null) return null;
  if (depth === 0) {
    const internal = UNWRAP.get(value as object);
    if (internal) return internal;
  }
  if (depth >= MAX_DEPTH) throw new CopyError("value nests too deeply to be copied");
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (isArray(value)) {
    const length = getOwnPropertyDescriptor(value, "length")!.value as number;
    if (length > MAX_LENGTH) throw new CopyError(`an array of ${length} elements is too long to copy`);
    const out: unknown[] = []; // packed, as every array the kernel makes (see packedArray)
    for (let i = 0; i < length; i++) {
      const d = getOwnPropertyDescriptor(value, i);
      if (d && !("value" in d)) throw new CopyError(`element ${i} is a getter: only data can be copied`);
      out.push(d ? copyIn(d.value, allowFunctions, depth + 1) : undefined);
    }
    return out;
  }
  const proto = getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new CopyError("only plain objects, arrays and primitives can be copied between processes");
  const out: Record<string, unknown> = {};
  // Own enumerable string keys (symbols and hidden properties are not data to copy); Object.keys
  // is ~3 times faster than Reflect.ownKeys here, and this runs on most calls' arguments.
  const keys = Object.keys(value as object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const d = getOwnPropertyDescriptor(value, key);
    if (d === undefined || !d.enumerable) continue; // a proxy may answer differently each time
    if (!("value" in d)) throw new CopyError(`property "${key}" is a getter: only data can be copied`);
    const copy = copyIn(d.value, allowFunctions, depth + 1);
    // Plain assignment is a data property on a fresh object unless Object.prototype has that
    // name (`__proto__`, or a frozen `toString` that would refuse it): those are defined.
    if (key in OBJECT_PROTO_NAMES) defineProperty(out, key, { value: copy, writable: true, enumerable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
}

/** Every name Object.prototype has (as keys of a prototype-less object, for a fast `in`). */
const OBJECT_PROTO_NAMES: Record<string, true> = Object.fromEntries(Object.getOwnPropertyNames(Object.prototype).map((n) => [n, true]));
Object.setPrototypeOf(OBJECT_PROTO_NAMES, null);

/**
 * Copies a kernel value out to user code: fresh primitives-only data the process owns, or the
 * hardened facade of a capability. Kernel values only (no user code can run here).
 */
export function copyOut(value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null) {
    if (typeof value === "function" && !USER_FUNCTIONS.has(value)) throw new Error("kernel bug: a kernel function was about to reach user code");
    return value;
  }
  if (depth >= MAX_DEPTH) throw new Error("kernel bug: result nests too deeply");
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(copyOut(value[i], depth + 1));
    return out;
  }
  const facade = (value as Partial<Facadeable>)[TO_USER];
  if (typeof facade === "function") return facade.call(value);
  const proto = getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Error("kernel bug: an internal object was about to reach user code");
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const copy = copyOut((value as Record<string, unknown>)[key], depth + 1);
    if (key in OBJECT_PROTO_NAMES) defineProperty(out, key, { value: copy, writable: true, enumerable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
}
