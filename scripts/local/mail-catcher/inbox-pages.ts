// The inbox a person reads at http://127.0.0.1:54324: a message list, each message's HTML in a
// sandboxed iframe (no scripts; links open in a new tab), its text with clickable links and its
// headers, and /templates with every template rendered from its sample data.
import { escapeHtml } from "../../../functions/_shared/email/escape-html.ts";
import { renderEmail, templates } from "../../../functions/_shared/email/render-email.ts";
import type { CatchedMessage } from "./catcher.ts";

function page(title: string, body: string, options: { refreshSeconds?: number } = {}): Response {
  const refresh = options.refreshSeconds ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${refresh}<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f9fafb;color:#111827}
header{background:#1e3a8a;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center}
header a{color:#fff}main{padding:24px;max-width:1100px}
table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top;font-size:14px}
iframe{width:100%;height:640px;border:1px solid #d1d5db;background:#fff}pre{white-space:pre-wrap;background:#fff;padding:12px;border:1px solid #e5e7eb}
.muted{color:#6b7280;font-size:12px}h2{margin-top:32px}
</style></head><body><header><strong>ATAS local inbox</strong><a href="/">Messages</a><a href="/templates">Templates</a>
<span class="muted" style="color:#c7d2fe">Stands in for Resend: nothing here leaves this machine</span></header><main>${body}</main></body></html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}

/** Text with its http(s) URLs turned into links; everything escaped. */
function linkify(text: string): string {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, index) =>
    index % 2 === 1 ? `<a href="${escapeHtml(part)}" target="_blank" rel="noopener">${escapeHtml(part)}</a>` : escapeHtml(part)
  ).join("");
}

/** The e-mail's HTML in an iframe that may not run scripts; its links open outside the sandbox. */
function sandboxedFrame(html: string): string {
  const withBase = html.includes("<head>") ? html.replace("<head>", '<head><base target="_blank">') : `<base target="_blank">${html}`;
  return `<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(withBase)}"></iframe>`;
}

export function inboxPage(messages: readonly CatchedMessage[]): Response {
  const rows = [...messages].reverse().map((message) => `<tr>
<td class="muted">${escapeHtml(message.createdAt)}</td><td>${escapeHtml(message.to.join(", "))}</td>
<td><a href="/messages/${encodeURIComponent(message.id)}">${escapeHtml(message.subject || "(no subject)")}</a></td>
<td class="muted">${escapeHtml(message.idempotencyKey ?? "")}${message.attempts > 1 ? ` (attempt ${message.attempts})` : ""}</td></tr>`).join("");
  const body = messages.length === 0
    ? "<p>No messages yet. Anything sent through the Resend SDK with RESEND_BASE_URL pointing here shows up on this page.</p>"
    : `<table><tr><th>Received</th><th>To</th><th>Subject</th><th>Idempotency key</th></tr>${rows}</table>`;
  return page(`Inbox (${messages.length})`, `<h1>Inbox (${messages.length})</h1>${body}`, { refreshSeconds: 5 });
}

export function messagePage(message: CatchedMessage): Response {
  const headerRows: Array<[string, string]> = [
    ["From", message.from], ["To", message.to.join(", ")], ["Subject", message.subject], ["Received", message.createdAt],
    ...(message.cc.length ? [["Cc", message.cc.join(", ")] as [string, string]] : []),
    ...(message.bcc.length ? [["Bcc", message.bcc.join(", ")] as [string, string]] : []),
    ...(message.replyTo.length ? [["Reply-To", message.replyTo.join(", ")] as [string, string]] : []),
    ["Idempotency key", message.idempotencyKey ?? "(none)"], ["Request key", message.requestIdempotencyKey ?? "(none)"],
    ["Attempt", String(message.attempts)],
    ...Object.entries(message.headers),
    ...message.tags.map((tag) => [`Tag ${tag.name}`, tag.value] as [string, string]),
  ];
  const body = `<h1>${escapeHtml(message.subject)}</h1>
<table>${headerRows.map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join("")}</table>
<h2>HTML</h2>${message.html === null ? "<p>(no HTML part)</p>" : sandboxedFrame(message.html)}
<h2>Text</h2>${message.text === null ? "<p>(no text part)</p>" : `<pre>${linkify(message.text)}</pre>`}`;
  return page(message.subject, body);
}

export function templatesPage(siteUrl: string): Response {
  const sections = [...templates.values()].map((template) => {
    try {
      const email = renderEmail(template.key, template.sample, { siteUrl, recipientEmail: "ada@example.com" });
      return `<h2 id="${escapeHtml(template.key)}">${escapeHtml(template.key)}</h2>
<p class="muted">${escapeHtml(template.description)} · ${template.isEssential ? "essential (no unsubscribe)" : "non-essential (unsubscribe link)"}</p>
<p><strong>Subject:</strong> ${escapeHtml(email.subject)}</p>${sandboxedFrame(email.html)}
<details><summary>Plain text</summary><pre>${linkify(email.text)}</pre></details>
<details><summary>Sample data</summary><pre>${escapeHtml(JSON.stringify(template.sample, null, 2))}</pre></details>`;
    } catch (error) {
      return `<h2>${escapeHtml(template.key)}</h2><p>Cannot render: ${escapeHtml(String(error))}</p>`;
    }
  }).join("");
  const index = [...templates.keys()].map((key) => `<a href="#${escapeHtml(key)}">${escapeHtml(key)}</a>`).join(" · ");
  return page("Templates", `<h1>Templates (${templates.size})</h1><p class="muted">Rendered with sample data; links use SITE_URL ${escapeHtml(siteUrl)}.</p><p>${index}</p>${sections}`);
}

export function notFoundPage(): Response {
  const response = page("Not found", "<h1>Not found</h1><p><a href=\"/\">Back to the inbox</a></p>");
  return new Response(response.body, { status: 404, headers: response.headers });
}
