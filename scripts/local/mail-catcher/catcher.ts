// The local stand-in for Resend, the only remote part of the stack we fake. It speaks the HTTP API
// the `resend` SDK uses (POST /emails, POST /emails/batch, GET /emails/:id, Bearer auth,
// Idempotency-Key for 24 h), keeps every accepted message in memory for the inbox and for tests,
// and can answer 500/429 at random or rate-limit requests, so tests can prove that senders retry
// without losing or duplicating mail.
import { errors } from "./resend-errors.ts";

export interface CatchedMessage {
  id: string;
  createdAt: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  tags: Array<{ name: string; value: string }>;
  /** The row-level key: `X-Entity-Ref-ID` header, else the request key (+ `/index` in a batch). */
  idempotencyKey: string | null;
  /** The `Idempotency-Key` header of the request that delivered it. */
  requestIdempotencyKey: string | null;
  batchIndex: number | null;
  /** Requests seen with the same request key so far (1 = first try; faulted tries count too). */
  attempts: number;
}

export interface FaultSettings {
  rate500: number;
  rate429: number;
  /** Accept and store the message, then answer 500 anyway (a lost response). */
  rate500AfterAccept: number;
  retryAfterSeconds: number;
  /** 0 = no limit. */
  requestsPerSecond: number;
}

interface IdempotencyRecord {
  fingerprint: string;
  state: "in_progress" | "done";
  status: number;
  body: string;
  createdAtMs: number;
}

interface Counters {
  requests: number;
  accepted: number;
  injected500: number;
  injected429: number;
  injected500AfterAccept: number;
  rateLimited: number;
  idempotentReplays: number;
  idempotencyConflicts: number;
  rejected: number;
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_BATCH = 100;
const MAX_RECIPIENTS = 50;

function freshCounters(): Counters {
  return { requests: 0, accepted: 0, injected500: 0, injected429: 0, injected500AfterAccept: 0, rateLimited: 0, idempotentReplays: 0, idempotencyConflicts: 0, rejected: 0 };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function asList(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value as string[];
  return null;
}

const ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

type Parsed = { ok: true; message: Omit<CatchedMessage, "id" | "createdAt" | "idempotencyKey" | "requestIdempotencyKey" | "batchIndex" | "attempts"> } | { ok: false; response: Response };

function parseEmail(input: unknown, where: string, isBatch: boolean): Parsed {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, response: errors.validation(`${where}The email must be an object.`) };
  }
  const email = input as Record<string, unknown>;
  for (const field of ["from", "to", "subject"]) {
    if (email[field] === undefined || email[field] === null || email[field] === "") return { ok: false, response: errors.missingField(field) };
  }
  if (typeof email.from !== "string" || !ADDRESS.test(email.from.trim())) {
    return { ok: false, response: errors.validation(`${where}Invalid \`from\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`) };
  }
  const to = asList(email.to);
  const cc = asList(email.cc);
  const bcc = asList(email.bcc);
  const replyTo = asList(email.reply_to);
  for (const [name, list] of [["to", to], ["cc", cc], ["bcc", bcc], ["reply_to", replyTo]] as const) {
    if (list === null || list.some((address) => !ADDRESS.test(address.trim()))) {
      return { ok: false, response: errors.validation(`${where}Invalid \`${name}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`) };
    }
  }
  if (to!.length > MAX_RECIPIENTS) return { ok: false, response: errors.validation(`${where}Too many recipients in \`to\`: at most ${MAX_RECIPIENTS}.`) };
  if (typeof email.subject !== "string") return { ok: false, response: errors.validation(`${where}Invalid \`subject\` field.`) };
  const html = typeof email.html === "string" ? email.html : null;
  const text = typeof email.text === "string" ? email.text : null;
  if (html === null && text === null && email.template === undefined) return { ok: false, response: errors.missingField("html` or `text") };
  if (isBatch && (email.attachments !== undefined || email.scheduled_at !== undefined)) {
    return { ok: false, response: errors.validation(`${where}Attachments and scheduled_at are not supported in batch emails.`) };
  }
  const headers: Record<string, string> = {};
  if (email.headers !== undefined) {
    if (typeof email.headers !== "object" || email.headers === null) return { ok: false, response: errors.validation(`${where}Invalid \`headers\` field.`) };
    for (const [name, value] of Object.entries(email.headers)) {
      if (typeof value !== "string") return { ok: false, response: errors.validation(`${where}Header \`${name}\` must be a string.`) };
      headers[name] = value;
    }
  }
  const tags = Array.isArray(email.tags) ? (email.tags as Array<{ name: string; value: string }>) : [];
  return { ok: true, message: { from: email.from, to: to!, cc: cc!, bcc: bcc!, replyTo: replyTo!, subject: email.subject, html, text, headers, tags } };
}

function entityRefId(headers: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() === "x-entity-ref-id") return value;
  return null;
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export interface Catcher {
  handleResendApi(req: Request, path: string): Promise<Response>;
  handleTestApi(req: Request, path: string): Promise<Response>;
  messages(): readonly CatchedMessage[];
  findMessage(id: string): CatchedMessage | undefined;
}

export function createCatcher(options: { faults?: Partial<FaultSettings>; random?: () => number; nowMs?: () => number } = {}): Catcher {
  const random = options.random ?? Math.random;
  const nowMs = options.nowMs ?? Date.now;
  let messages: CatchedMessage[] = [];
  const byId = new Map<string, CatchedMessage>();
  let idempotency = new Map<string, IdempotencyRecord>();
  let attemptsByKey = new Map<string, number>();
  let counters = freshCounters();
  let faults: FaultSettings = { rate500: 0, rate429: 0, rate500AfterAccept: 0, retryAfterSeconds: 1, requestsPerSecond: 0, ...options.faults };
  let window: number[] = [];

  function rateLimitVerdict(): Response | null {
    if (faults.requestsPerSecond <= 0) return null;
    const now = nowMs();
    window = window.filter((at) => now - at < 1000);
    if (window.length >= faults.requestsPerSecond) {
      counters.rateLimited++;
      const retryAfterSeconds = Math.max(1, Math.ceil((1000 - (now - window[0]!)) / 1000));
      return errors.rateLimited(faults.requestsPerSecond, retryAfterSeconds);
    }
    window.push(now);
    return null;
  }

  function store(parsed: CatchedMessage[]): void {
    for (const message of parsed) {
      messages.push(message);
      byId.set(message.id, message);
    }
    counters.accepted += parsed.length;
  }

  function expireIdempotency(): void {
    const now = nowMs();
    for (const [key, record] of idempotency) if (now - record.createdAtMs > IDEMPOTENCY_TTL_MS) idempotency.delete(key);
  }

  async function send(req: Request, isBatch: boolean): Promise<Response> {
    const authorization = req.headers.get("authorization");
    if (!authorization) return errors.missingApiKey();
    if (!/^Bearer\s+re_\S+$/.test(authorization)) return errors.invalidApiKey();
    const limited = rateLimitVerdict();
    if (limited) return limited;
    const body = await req.text();
    const key = req.headers.get("idempotency-key");
    if (key !== null && (key.length < 1 || key.length > 256)) return errors.invalidIdempotencyKey();
    if (key !== null) attemptsByKey.set(key, (attemptsByKey.get(key) ?? 0) + 1);
    // Injected faults come before any processing: nothing was sent, as when Resend fails early.
    const roll = random();
    if (roll < faults.rate500) {
      counters.injected500++;
      return errors.injected500();
    }
    if (roll < faults.rate500 + faults.rate429) {
      counters.injected429++;
      return errors.injected429(faults.retryAfterSeconds);
    }
    const fingerprint = await sha256(`${isBatch ? "batch" : "single"}\n${body}`);
    if (key !== null) {
      expireIdempotency();
      const previous = idempotency.get(key);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          counters.idempotencyConflicts++;
          return errors.idempotencyMismatch();
        }
        if (previous.state === "in_progress") {
          counters.idempotencyConflicts++;
          return errors.idempotencyInProgress();
        }
        counters.idempotentReplays++;
        return new Response(previous.body, { status: previous.status, headers: { "content-type": "application/json" } });
      }
      idempotency.set(key, { fingerprint, state: "in_progress", status: 0, body: "", createdAtMs: nowMs() });
    }
    const release = () => {
      if (key !== null) idempotency.delete(key);
    };
    let parsedBody: unknown;
    try {
      parsedBody = JSON.parse(body);
    } catch {
      release();
      counters.rejected++;
      return errors.invalidJson();
    }
    const inputs = isBatch ? parsedBody : [parsedBody];
    if (!Array.isArray(inputs)) {
      release();
      counters.rejected++;
      return errors.validation("The batch must be an array of emails.");
    }
    if (inputs.length === 0 || inputs.length > MAX_BATCH) {
      release();
      counters.rejected++;
      return errors.validation(`The batch must contain between 1 and ${MAX_BATCH} emails.`);
    }
    // Batch validation as Resend does it: "strict" (the SDK's default) refuses the whole batch for
    // one bad e-mail; "permissive" sends the valid ones and lists the others in `errors`.
    const isPermissive = isBatch && req.headers.get("x-batch-validation") === "permissive";
    const accepted: CatchedMessage[] = [];
    const refused: Array<{ index: number; message: string }> = [];
    for (const [index, input] of inputs.entries()) {
      const parsed = parseEmail(input, isBatch ? `emails[${index}]: ` : "", isBatch);
      if (!parsed.ok) {
        counters.rejected++;
        if (isPermissive) {
          refused.push({ index, message: ((await parsed.response.json()) as { message: string }).message });
          continue;
        }
        release();
        return parsed.response;
      }
      const rowKey = entityRefId(parsed.message.headers) ?? (key === null ? null : isBatch ? `${key}/${index}` : key);
      accepted.push({
        id: crypto.randomUUID(),
        createdAt: new Date(nowMs()).toISOString(),
        ...parsed.message,
        idempotencyKey: rowKey,
        requestIdempotencyKey: key,
        batchIndex: isBatch ? index : null,
        attempts: key === null ? 1 : attemptsByKey.get(key) ?? 1,
      });
    }
    store(accepted);
    const responseBody = JSON.stringify(
      isBatch
        ? { data: accepted.map((message) => ({ id: message.id })), ...(isPermissive ? { errors: refused } : {}) }
        : { id: accepted[0]!.id },
    );
    if (key !== null) idempotency.set(key, { fingerprint, state: "done", status: 200, body: responseBody, createdAtMs: nowMs() });
    if (random() < faults.rate500AfterAccept) {
      // Sent, but the caller never hears so: only the idempotency key saves it from sending twice.
      counters.injected500AfterAccept++;
      return errors.injected500();
    }
    return new Response(responseBody, { status: 200, headers: { "content-type": "application/json" } });
  }

  function stats() {
    const perKey = new Map<string, number>();
    for (const message of messages) if (message.idempotencyKey !== null) perKey.set(message.idempotencyKey, (perKey.get(message.idempotencyKey) ?? 0) + 1);
    const duplicates = [...perKey].filter(([, count]) => count > 1).map(([key, count]) => ({ key, count }));
    return {
      messages: messages.length,
      distinctKeys: perKey.size,
      withoutKey: messages.filter((message) => message.idempotencyKey === null).length,
      countByKey: Object.fromEntries(perKey),
      duplicates,
      requests: counters,
      faults,
    };
  }

  function applyFaults(input: unknown): Response {
    if (typeof input !== "object" || input === null) return jsonResponse(400, { error: { code: "invalid_request", message: "Send a JSON object of fault settings" } });
    const next = { ...faults };
    for (const [name, value] of Object.entries(input)) {
      if (!(name in next) || typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        return jsonResponse(400, { error: { code: "invalid_request", message: `Cannot set fault "${name}": expected one of ${Object.keys(next).join(", ")} with a number ≥ 0` } });
      }
      next[name as keyof FaultSettings] = value;
    }
    if (next.rate500 + next.rate429 > 1 || next.rate500AfterAccept > 1) {
      return jsonResponse(400, { error: { code: "invalid_request", message: "Cannot set faults: rate500 + rate429 and rate500AfterAccept must each be at most 1" } });
    }
    faults = next;
    return jsonResponse(200, { faults });
  }

  return {
    messages: () => messages,
    findMessage: (id) => byId.get(id),
    async handleResendApi(req, path) {
      counters.requests++;
      if (path === "/emails" && req.method === "POST") return await send(req, false);
      if (path === "/emails/batch" && req.method === "POST") return await send(req, true);
      const match = /^\/emails\/([^/]+)$/.exec(path);
      if (match && req.method === "GET") {
        const message = byId.get(match[1]!);
        if (!message) return errors.notFound("Email");
        return jsonResponse(200, {
          object: "email", id: message.id, to: message.to, from: message.from, created_at: message.createdAt, subject: message.subject,
          html: message.html, text: message.text, bcc: message.bcc, cc: message.cc, reply_to: message.replyTo, last_event: "delivered",
        });
      }
      return errors.methodNotAllowed();
    },
    async handleTestApi(req, path) {
      if (path === "/api/messages" && req.method === "GET") {
        const key = new URL(req.url).searchParams.get("key");
        return jsonResponse(200, { messages: key === null ? messages : messages.filter((message) => message.idempotencyKey === key) });
      }
      if (path === "/api/messages" && req.method === "DELETE") {
        messages = [];
        byId.clear();
        idempotency = new Map();
        attemptsByKey = new Map();
        counters = freshCounters();
        window = [];
        return jsonResponse(200, { cleared: true });
      }
      if (path === "/api/stats" && req.method === "GET") return jsonResponse(200, stats());
      if (path === "/api/faults" && req.method === "GET") return jsonResponse(200, { faults });
      if (path === "/api/faults" && req.method === "POST") {
        try {
          return applyFaults(JSON.parse(await req.text()));
        } catch {
          return jsonResponse(400, { error: { code: "invalid_json", message: "Request body is not valid JSON" } });
        }
      }
      return jsonResponse(404, { error: { code: "not_found", message: `No route for ${req.method} ${path}` } });
    },
  };
}
