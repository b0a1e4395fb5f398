// The one renderer: template key + data → subject, HTML, text and headers. Validates the data with
// the template's schema (a bad row fails loudly instead of sending a broken e-mail).
import { authTemplates } from "./auth-templates.ts";
import { renderLayout } from "./layout.ts";
import { productTemplates } from "./product-templates.ts";
import { createSiteLinks } from "./site-links.ts";
import type { RegisteredTemplate } from "./template.ts";

export const templates: ReadonlyMap<string, RegisteredTemplate> = new Map(
  [...authTemplates, ...productTemplates].map((template) => [template.key, template]),
);

export interface RenderOptions {
  siteUrl: string;
  recipientEmail: string;
  productName?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  isEssential: boolean;
}

export class UnknownTemplateError extends Error {
  constructor(readonly templateKey: string) {
    super(`Cannot render e-mail: no template "${templateKey}"`);
  }
}

export function findTemplate(key: string): RegisteredTemplate {
  const template = templates.get(key);
  if (!template) throw new UnknownTemplateError(key);
  return template;
}

export function renderEmail(key: string, data: unknown, options: RenderOptions): RenderedEmail {
  const template = findTemplate(key);
  const links = createSiteLinks(options.siteUrl);
  const content = template.build(data, { links, recipientEmail: options.recipientEmail });
  const unsubscribeUrl = template.isEssential ? undefined : links.preferences(key);
  const bodies = renderLayout(content, {
    productName: options.productName ?? "ATAS",
    footer: template.isEssential
      ? "You receive this e-mail because of an action on your ATAS account."
      : "You receive this e-mail because of your ATAS notification settings.",
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
  });
  // Subjects are plain text, but a line break in one would forge headers at some providers.
  const subject = content.subject.replace(/[\r\n]+/g, " ");
  const headers: Record<string, string> = unsubscribeUrl ? { "List-Unsubscribe": `<${unsubscribeUrl}>` } : {};
  return { subject, ...bodies, headers, isEssential: template.isEssential };
}
