// Turns blocks into the HTML and plain-text bodies. All text is escaped here, once; URLs are
// checked to be http(s) before they become an href.
import type { Block, EmailContent } from "./blocks.ts";
import { escapeHtml } from "./escape-html.ts";

export interface RenderedBodies {
  html: string;
  text: string;
}

export interface LayoutOptions {
  productName: string;
  /** Present for non-essential e-mails: where the recipient turns this kind off. */
  unsubscribeUrl?: string;
  footer: string;
}

function safeHref(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`Cannot link to "${url}" in an e-mail: only http(s) links are allowed`);
  }
  return escapeHtml(parsed.href);
}

/** Paragraph text keeps its line breaks; everything else is escaped. */
function escapeMultiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px;line-height:1.5">${escapeMultiline(block.text)}</p>`;
    case "note":
      return `<p style="margin:0 0 16px;line-height:1.5;color:#6b7280;font-size:13px">${escapeMultiline(block.text)}</p>`;
    case "quote":
      return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #d1d5db;color:#374151">${escapeMultiline(block.text)}</blockquote>`;
    case "button":
      return `<p style="margin:24px 0"><a href="${safeHref(block.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(block.label)}</a></p>`
        + `<p style="margin:0 0 16px;font-size:13px;color:#6b7280;word-break:break-all">${escapeHtml("Or open this link: ")}<a href="${safeHref(block.url)}">${escapeHtml(block.url)}</a></p>`;
    case "code":
      return `<p style="margin:0 0 8px">${escapeHtml(block.label)}</p><p style="margin:0 0 16px;font-size:24px;letter-spacing:4px;font-family:monospace"><strong>${escapeHtml(block.value)}</strong></p>`;
    case "details":
      return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${
        block.rows.map(([label, value]) =>
          `<tr><td style="padding:4px 16px 4px 0;color:#6b7280;vertical-align:top">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeMultiline(value)}</td></tr>`
        ).join("")
      }</table>`;
  }
}

function blockToText(block: Block): string {
  switch (block.kind) {
    case "paragraph":
    case "note":
      return block.text;
    case "quote":
      return block.text.split(/\r?\n/).map((line) => `> ${line}`).join("\n");
    case "button":
      return `${block.label}: ${block.url}`;
    case "code":
      return `${block.label} ${block.value}`;
    case "details":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
  }
}

export function renderLayout(content: EmailContent, options: LayoutOptions): RenderedBodies {
  const unsubscribeHtml = options.unsubscribeUrl
    ? `<p style="margin:8px 0 0"><a href="${safeHref(options.unsubscribeUrl)}" style="color:#6b7280">${escapeHtml("Unsubscribe from these e-mails")}</a></p>`
    : "";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111827">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</div>
<table role="presentation" width="100%" style="border-collapse:collapse"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;border-collapse:collapse"><tr><td style="padding:32px">
<p style="margin:0 0 24px;font-weight:bold;color:#1d4ed8">${escapeHtml(options.productName)}</p>
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(content.heading)}</h1>
${content.blocks.map(blockToHtml).join("\n")}
</td></tr></table>
<div style="max-width:600px;font-size:12px;color:#6b7280;padding:16px">${escapeHtml(options.footer)}${unsubscribeHtml}</div>
</td></tr></table>
</body></html>`;
  const textParts = [content.heading, ...content.blocks.map(blockToText), "--", options.footer];
  if (options.unsubscribeUrl) textParts.push(`Unsubscribe from these e-mails: ${options.unsubscribeUrl}`);
  return { html, text: `${textParts.join("\n\n")}\n` };
}
