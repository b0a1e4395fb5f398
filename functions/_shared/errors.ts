// One error shape for every function: {"error": {"code", "message", "details"?}}.
import { ZodError } from "zod";

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, "invalid_request", message, details);
export const unauthenticated = (message = "Authentication required: send a valid bearer token") =>
  new AppError(401, "unauthenticated", message);
export const forbidden = (message: string) => new AppError(403, "forbidden", message);
export const notFound = (message: string) => new AppError(404, "not_found", message);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
/** The row or event is not in a state that allows this change. */
export const invalidTransition = (message: string, details?: unknown) => new AppError(409, "invalid_transition", message, details);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

interface PostgresLikeError {
  code?: string;
  constraint_name?: string;
  message?: string;
  detail?: string;
}

function isPostgresError(error: unknown): error is PostgresLikeError {
  return typeof error === "object" && error !== null && "code" in error && typeof (error as { code: unknown }).code === "string"
    && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}

// Postgres' own wording ("new row for relation …", "permission denied for table …", "invalid input
// syntax for type uuid: …") names tables, columns, types and echoes values; our triggers raise
// sentences meant for people. Keep ours, never pass the built-in ones to a client.
const BUILT_IN_MESSAGE = new RegExp(
  "^(new row for relation|new row violates|duplicate key value|insert or update on table|update or delete on table|" +
    "null value in column|conflicting key value|permission denied|must be owner|query returned|invalid input|" +
    "value too long|.* out of range|date/time field|invalid (regular expression|byte sequence|parameter)|unsupported unicode escape|" +
    "(relation|column|function|operator|schema|type|role) .*does not exist|syntax error|could not|cannot cast|malformed)",
  "i",
);

/** Our own message, or `fallback` when Postgres wrote it. */
function ownMessage(error: PostgresLikeError, fallback: string): string {
  const message = error.message ?? "";
  return message && !BUILT_IN_MESSAGE.test(message) ? message : fallback;
}

function constraintMessage(error: PostgresLikeError): string {
  const message = error.message ?? "";
  if (message && !BUILT_IN_MESSAGE.test(message)) return message;
  const rule = error.constraint_name?.replace(/_/g, " ");
  return rule ? `Cannot save the change: it breaks the rule "${rule}"` : "Cannot save the change: it conflicts with existing data";
}

/** Maps anything thrown to our error shape; never leaks SQL or stacks. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return badRequest("The request body or parameters are invalid", error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
      code: issue.code,
    })));
  }
  if (isPostgresError(error)) {
    const constraint = error.constraint_name;
    switch (error.code) {
      case "23505": // unique_violation
      case "23514": // check_violation (also raised by our transition triggers)
      case "23P01": // exclusion_violation
      case "23503": // foreign_key_violation
      case "23502": // not_null_violation
        return conflict(constraint ?? "conflict", constraintMessage(error));
      case "42501":
        // A trigger that names its refusal (`constraint = 'review_pair_not_allowed'`) gives the
        // contract's code; Postgres' own privilege errors (no name) stay `forbidden`, in our words.
        return constraint ? new AppError(403, constraint, ownMessage(error, "Not allowed")) : forbidden(ownMessage(error, "You are not allowed to do this"));
      case "P0002":
        return notFound(ownMessage(error, "Not found"));
      case "22P02":
      case "22023":
      case "22007":
      case "22008":
      case "22021": // character_not_in_repertoire (e.g. a NUL byte in text)
      case "22P05": // untranslatable_character
        return badRequest(ownMessage(error, "A value in the request is not valid"));
    }
  }
  return new AppError(500, "internal", "Something went wrong on our side; nothing was changed");
}
