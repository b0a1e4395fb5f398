// Inputs of the e-mail functions: the Send Email Hook payload (as Supabase Auth sends it,
// PLATFORM.md §6) and the outbox dispatcher's request body.
import { z } from "zod";

export const AUTH_EMAIL_ACTION_TYPES = [
  "signup",
  "invite",
  "magiclink",
  "recovery",
  "email_change",
  "reauthentication",
  "password_changed_notification",
  "email_changed_notification",
  "phone_changed_notification",
  "identity_linked_notification",
  "identity_unlinked_notification",
  "mfa_factor_enrolled_notification",
  "mfa_factor_unenrolled_notification",
] as const;

export const AuthEmailActionType = z.enum(AUTH_EMAIL_ACTION_TYPES);
export type AuthEmailActionType = z.infer<typeof AuthEmailActionType>;

export const SendEmailHookPayload = z.object({
  user: z.object({
    id: z.string().uuid(),
    email: z.string().email(),
    /** The pending address during an e-mail change. */
    new_email: z.string().email().optional(),
  }).passthrough(),
  email_data: z.object({
    token: z.string().default(""),
    token_hash: z.string().default(""),
    redirect_to: z.string().default(""),
    email_action_type: AuthEmailActionType,
    /** The Auth URL (…/auth/v1), not `[auth] site_url`. */
    site_url: z.string().url().refine((url) => /^https?:\/\//.test(url), "site_url must be an http(s) URL"),
    token_new: z.string().default(""),
    token_hash_new: z.string().default(""),
    old_email: z.string().optional(),
    provider: z.string().optional(),
    factor_type: z.string().optional(),
  }).passthrough(),
}).passthrough();
export type SendEmailHookPayload = z.infer<typeof SendEmailHookPayload>;

export const OutboxDispatchRequest = z.object({
  /** Stop claiming new batches after this long (the platform's wall clock is 150–400 s). */
  budgetMs: z.number().int().min(100).max(120_000).default(20_000),
  batchSize: z.number().int().min(1).max(100).default(100),
}).strict();
export type OutboxDispatchRequest = z.infer<typeof OutboxDispatchRequest>;
