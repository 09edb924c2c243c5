import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError } from "./api-error";
import { refuseCrossSite } from "./cross-site";

export const MAX_JSON_BODY_BYTES = 128 * 1024;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so that every failure becomes a JSON error with the right status:
 * ApiError keeps its status, zod errors become 400 with the message, anything else is a
 * logged 500 that reveals nothing. State-changing requests from another origin, or not
 * sent as JSON, are refused before the handler runs (lib/http/cross-site.ts), so every
 * route gets the CSRF check by using this wrapper.
 */
export function apiHandler<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      refuseCrossSite(request);
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    const retryAfter = error.details?.retryAfterSeconds;
    return NextResponse.json({ error: error.message, ...error.details }, { status: error.status, headers: typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : undefined });
  }
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: z.prettifyError(error), issues: error.issues }, { status: 400 });
  }
  console.error("[api] unhandled error", error);
  return NextResponse.json({ error: "Internal server error." }, { status: 500 });
}

/**
 * Reads and validates a JSON body. Oversized bodies are refused before parsing; malformed
 * JSON and schema mismatches are 400s that say what is wrong.
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes = MAX_JSON_BODY_BYTES): Promise<z.infer<T>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ApiError(413, `Request body too large (limit ${maxBytes} bytes).`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new ApiError(413, `Request body too large (limit ${maxBytes} bytes).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(400, "Request body must be valid JSON.");
  }
  return schema.parse(parsed);
}
