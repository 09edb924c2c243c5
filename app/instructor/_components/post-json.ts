/** POSTs JSON to an API route; resolves to the parsed body, or throws its error message. */
export async function postJson<T = unknown>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    // Always JSON, even without a body: the API refuses other content types (CSRF, lib/http/cross-site.ts).
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw Object.assign(new Error(data.error ?? `Request failed (${response.status}).`), { data });
  return data;
}
