import { notFound } from "next/navigation";
import { ApiError } from "@/lib/http/api-error";

/** Runs a course-scoped lookup for a page: its 404 ApiError becomes the not-found page. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}
