// Response helpers shared by every function: CORS, JSON bodies, bounded JSON parsing.
import { AppError, type ErrorBody, toAppError } from "./errors.ts";

export const corsHeaders: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, x-client-info, apikey, content-type, idempotency-key",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
};

export const MAX_BODY_BYTES = 64 * 1024;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function preflight(): Response {
  return new Response("ok", { headers: corsHeaders });
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.status >= 500) console.error(error);
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.details !== undefined) body.error.details = appError.details;
  return json(body, appError.status);
}

/** 405 in our error shape with the methods the resource supports in `Allow` (RFC 9110 §15.5.6). */
export function methodNotAllowed(method: string, allowed: string[], path?: string): Response {
  const where = path === undefined ? "" : ` on ${path}`;
  const refused = errorResponse(new AppError(405, "method_not_allowed", `Method ${method} is not allowed${where}: use ${allowed.join(", ")}`));
  refused.headers.set("allow", allowed.join(", "));
  return refused;
}

/** Reads a JSON body (empty body = {}), refusing oversize payloads and invalid JSON. */
export async function readJson(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError(413, "payload_too_large", `Request body is larger than ${maxBytes} bytes`);
  const text = await req.text();
  if (new TextEncoder().encode(text).byteLength > maxBytes) {
    throw new AppError(413, "payload_too_large", `Request body is larger than ${maxBytes} bytes`);
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "Request body is not valid JSON");
  }
}
