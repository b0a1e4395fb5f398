// Replies in the Send Email Hook contract (PLATFORM.md §6): `{}` with 200 and a JSON content type,
// or `{"error":{"http_code","message"}}`, which Auth shows to the user. 429/503 with retry-after
// make Auth retry (with the same webhook id).
export function hookOk(): Response {
  return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
}

export function hookError(httpCode: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { http_code: httpCode, message } }), {
    status: httpCode,
    headers: { "content-type": "application/json", ...headers },
  });
}
