// What a template is: a key, a zod schema for its data, whether it is essential (no opt-out, no
// unsubscribe link), sample data for the preview page and tests, and a builder of blocks.
import type { z } from "zod";
import type { EmailContent } from "./blocks.ts";
import type { SiteLinks } from "./site-links.ts";

export interface TemplateContext {
  links: SiteLinks;
  recipientEmail: string;
}

export interface EmailTemplate<Schema extends z.ZodType> {
  key: string;
  description: string;
  /** Essential e-mails (account, security, decisions about the recipient) have no unsubscribe link. */
  isEssential: boolean;
  schema: Schema;
  sample: z.input<Schema>;
  build(data: z.output<Schema>, context: TemplateContext): EmailContent;
}

/** A template with its data type erased: `build` validates `data` with the template's schema first. */
export interface RegisteredTemplate {
  key: string;
  description: string;
  isEssential: boolean;
  schema: z.ZodType;
  sample: unknown;
  build(data: unknown, context: TemplateContext): EmailContent;
}

export function defineTemplate<Schema extends z.ZodType>(template: EmailTemplate<Schema>): RegisteredTemplate {
  return {
    key: template.key,
    description: template.description,
    isEssential: template.isEssential,
    schema: template.schema,
    sample: template.sample,
    build: (data, context) => template.build(template.schema.parse(data), context),
  };
}
