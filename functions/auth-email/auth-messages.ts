// Which e-mails one Send Email Hook call becomes, and their links (PLATFORM.md §6):
// link = {site_url}/verify?token={token_hash}&type={email_action_type}&redirect_to={redirect_to},
// where site_url is the Auth URL from the payload. A secure e-mail change yields two messages, and
// GoTrue pairs them crosswise: token + token_hash_new go to the CURRENT address, token_new +
// token_hash to the NEW one.
import type { SendEmailHookPayload } from "../_shared/contracts/email.ts";
import { renderEmail } from "../_shared/email/render-email.ts";
import type { OutgoingEmail } from "../_shared/email/mailer.ts";

export interface AuthMessage extends OutgoingEmail {
  /** Suffix of the idempotency key ("" for a single message). */
  part: string;
  template: string;
}

export interface AuthMessageOptions {
  /** Product links (none in Auth e-mails today, but the renderer wants the site). */
  siteUrl: string;
  otpExpiryMinutes: number;
}

export function verifyLink(authUrl: string, tokenHash: string, type: string, redirectTo: string): string {
  const url = new URL(`${authUrl.replace(/\/+$/, "")}/verify`);
  url.searchParams.set("token", tokenHash);
  url.searchParams.set("type", type);
  url.searchParams.set("redirect_to", redirectTo);
  return url.href;
}

function requireValue(value: string, name: string, type: string): string {
  if (!value) throw new Error(`Cannot send the ${type} e-mail: the hook payload has no ${name}`);
  return value;
}

export function buildAuthMessages(payload: SendEmailHookPayload, options: AuthMessageOptions): AuthMessage[] {
  const { user, email_data: data } = payload;
  const type = data.email_action_type;
  const render = (key: string, to: string, values: Record<string, unknown>, part = ""): AuthMessage => {
    const email = renderEmail(key, values, { siteUrl: options.siteUrl, recipientEmail: to });
    return { to, subject: email.subject, html: email.html, text: email.text, headers: email.headers, part, template: key };
  };
  const linkFor = (tokenHash: string) => verifyLink(data.site_url, requireValue(tokenHash, "token_hash", type), type, data.redirect_to);
  const expiresInMinutes = options.otpExpiryMinutes;

  switch (type) {
    case "signup":
    case "invite":
    case "magiclink":
    case "recovery":
      return [render(`auth_${type}`, user.email, {
        email: user.email,
        token: requireValue(data.token, "token", type),
        verifyUrl: linkFor(data.token_hash),
        expiresInMinutes,
      })];
    case "reauthentication":
      return [render("auth_reauthentication", user.email, { email: user.email, token: requireValue(data.token, "token", type), expiresInMinutes })];
    case "email_change": {
      const newEmail = requireValue(user.new_email ?? "", "user.new_email", type);
      const isSecure = data.token_hash_new !== "";
      if (!isSecure) {
        return [render("auth_email_change", newEmail, {
          email: user.email, newEmail, addressee: "new", token: requireValue(data.token, "token", type), verifyUrl: linkFor(data.token_hash), expiresInMinutes,
        })];
      }
      return [
        render("auth_email_change", user.email, {
          email: user.email, newEmail, addressee: "current", token: requireValue(data.token, "token", type), verifyUrl: linkFor(data.token_hash_new), expiresInMinutes,
        }, "current"),
        render("auth_email_change", newEmail, {
          email: user.email, newEmail, addressee: "new", token: requireValue(data.token_new, "token_new", type), verifyUrl: linkFor(data.token_hash), expiresInMinutes,
        }, "new"),
      ];
    }
    default: {
      const change = type.replace(/_notification$/, "");
      // An address change is announced to the address that was replaced.
      const to = type === "email_changed_notification" && data.old_email ? data.old_email : user.email;
      return [render("auth_security_notification", to, {
        email: user.email,
        change,
        ...(data.old_email ? { oldEmail: data.old_email } : {}),
        ...(data.provider ? { provider: data.provider } : {}),
        ...(data.factor_type ? { factorType: data.factor_type } : {}),
      })];
    }
  }
}
