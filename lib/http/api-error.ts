/** An error a route handler turns into a JSON response with this status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const unauthorizedError = () => new ApiError(401, "Sign in to continue.");
export const forbiddenError = () => new ApiError(403, "You do not have access to this resource.");
export const notFoundError = (what = "Resource") => new ApiError(404, `${what} not found.`);
