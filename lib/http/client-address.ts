import { env } from "../env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address, for per-address throttling. `next start` has no socket address to
 * give a route handler; it fills X-Forwarded-For with the peer's address when the request
 * has none. Behind reverse proxies that append to the header, the client is the entry
 * TRUSTED_PROXY_HOPS places from the right; entries further left are whatever the client
 * claimed and are ignored. Without a proxy a client can choose its own header, which is why
 * the per-account throttle never depends on the address.
 */
export function clientAddress(headers: HeaderSource, hops = env().TRUSTED_PROXY_HOPS): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = entries[Math.max(0, entries.length - 1 - hops)];
  // Bounded so a hostile header cannot make a huge throttle key.
  return (picked ?? "unknown").slice(0, 64).toLowerCase();
}
