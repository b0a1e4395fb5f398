// E-mail settings from the environment, read in one place.
import { readEnv, requireEnv } from "../env.ts";

export interface EmailConfig {
  /** The frontend's URL: every product link starts here. */
  siteUrl: string;
  /** A sender on a domain verified at Resend. */
  from: string;
  resendApiKey: string;
  /** Unset on hosted projects (the SDK's default, api.resend.com); the local catcher otherwise. */
  resendBaseUrl?: string;
}

/** Throws when RESEND_API_KEY is unset: called while a function is built, so it refuses to start. */
export function emailConfigFromEnv(): EmailConfig {
  const resendBaseUrl = readEnv("RESEND_BASE_URL");
  return {
    siteUrl: readEnv("SITE_URL") ?? "http://127.0.0.1:3000",
    from: readEnv("EMAIL_FROM") ?? "ATAS <no-reply@atas.local>",
    resendApiKey: requireEnv("RESEND_API_KEY"),
    ...(resendBaseUrl ? { resendBaseUrl } : {}),
  };
}
