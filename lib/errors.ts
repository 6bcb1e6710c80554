// Errors are values with codes. Every stage throws AppError (or a subclass); app/api/http.ts maps the
// code to an HTTP status in one place, and the CLI maps it to a message and a non-zero exit.

export type ErrorCode =
  | "INVALID_INPUT" // malformed request or field (400)
  | "UNPROCESSABLE" // well-formed but unusable content (422)
  | "NOT_FOUND" // 404
  | "TOO_LARGE" // 413
  | "UNSUPPORTED" // unsupported media/file type (415)
  | "CONFLICT" // 409
  | "UNAVAILABLE" // database or dependency down (503)
  | "INTERNAL"; // 500

export class AppError extends Error {
  readonly code: ErrorCode;
  /** A finer, stable reason for clients and tests, e.g. "EMPTY_FILE", "INVALID_JSON". */
  readonly reason: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, reason: string, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.reason = reason;
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
