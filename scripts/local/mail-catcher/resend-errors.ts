// Resend's error bodies, as its API returns them and the `resend` SDK passes them on
// (`{ statusCode, name, message }`; see resend.com/docs/api-reference/errors).
export interface ResendErrorBody {
  statusCode: number;
  name: string;
  message: string;
}

export function resendError(statusCode: number, name: string, message: string, headers: Record<string, string> = {}): Response {
  const body: ResendErrorBody = { statusCode, name, message };
  return new Response(JSON.stringify(body), { status: statusCode, headers: { "content-type": "application/json", ...headers } });
}

export const errors = {
  missingApiKey: () =>
    resendError(401, "missing_api_key", "Missing API key in the authorization header. Include the following header Authorization: Bearer YOUR_API_KEY in the request."),
  invalidApiKey: () => resendError(403, "invalid_api_key", "API key is invalid"),
  validation: (message: string) => resendError(422, "validation_error", message),
  missingField: (field: string) => resendError(422, "missing_required_field", `Missing \`${field}\` field.`),
  invalidIdempotencyKey: () => resendError(400, "invalid_idempotency_key", "The key must be between 1-256 chars."),
  idempotencyMismatch: () => resendError(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload."),
  idempotencyInProgress: () => resendError(409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress."),
  rateLimited: (limit: number, retryAfterSeconds: number) =>
    resendError(429, "rate_limit_exceeded", `Too many requests. You can only make ${limit} requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.`, {
      "retry-after": String(retryAfterSeconds),
      "ratelimit-limit": String(limit),
      "ratelimit-remaining": "0",
      "ratelimit-reset": String(retryAfterSeconds),
    }),
  injected429: (retryAfterSeconds: number) =>
    resendError(429, "rate_limit_exceeded", "Too many requests (injected by the local mail catcher's fault settings).", {
      "retry-after": String(retryAfterSeconds),
    }),
  injected500: () => resendError(500, "internal_server_error", "An unexpected error occurred (injected by the local mail catcher's fault settings)."),
  notFound: (what: string) => resendError(404, "not_found", `${what} not found`),
  methodNotAllowed: () => resendError(405, "method_not_allowed", "Method is not allowed for the requested path."),
  invalidJson: () => resendError(422, "validation_error", "Invalid JSON body."),
};
