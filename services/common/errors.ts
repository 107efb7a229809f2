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

export const badRequest = (message: string) => new BadRequestError(message);
export const notFound = (message: string) => new NotFoundError(message);
