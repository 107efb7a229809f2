/**
 * The few errors code may throw on purpose, for every layer (services, indexers, stores): a leaf
 * module that imports nothing. The HTTP error handler (server/error-handler.ts) turns each into
 * the one error shape; anything else becomes a plain 500.
 */
export class AppError extends Error {
  /** The HTTP status the error handler answers with. */
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.name = new.target.name;
    this.statusCode = statusCode;
  }
}

/** The request itself is wrong: the message names the parameter and what was wrong with it. */
export class BadRequestError extends AppError {
  constructor(message: string) {
    super(400, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, message);
  }
}

/** Too many attempts: the client may try again after `retryAfterSeconds` (sent as `Retry-After`). */
export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(429, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const badRequest = (message: string) => new BadRequestError(message);
export const notFound = (message: string) => new NotFoundError(message);
/** Not signed in, or the credentials were wrong. */
export const unauthorized = (message: string) => new AppError(401, message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) => new TooManyRequestsError(message, retryAfterSeconds);
/** The user is known, but their role (or office) may not do this. */
export const forbidden = (message: string) => new AppError(403, message);
