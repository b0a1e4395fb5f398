import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape-html.ts";
import { renderEmail, templates, UnknownTemplateError } from "./render-email.ts";

const siteUrl = "https://atas.example.org";
const hostile = `<script>alert(1)</script><img src=x onerror=alert(1)> &'"\``;
const PRODUCT_KEYS = [
  "event_registered", "event_request_received", "event_invitation", "participation_decision", "role_updated",
  "participant_removed", "event_reminder", "event_changed", "event_cancelled", "proposal_comment", "review_request",
  "role_decision", "account_suspended", "account_reactivated", "moderation_notice", "waitlist_promoted", "admin_broadcast",
];

/** Replaces every string in the sample with the hostile string, except fields whose format is checked. */
function poison(value: unknown, key = ""): unknown {
  if (typeof value === "string") {
    const isFormatted = /Id$|At$|Deadline$|until|timeZone|email|Email|verifyUrl|token|decision|about|action|addressee|change|startsIn/.test(key);
    return isFormatted ? value : hostile;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  }
  return value;
}

describe("renderEmail()", () => {
  it("has a template for every product key of DOMAIN.md §5.2", () => {
    for (const key of PRODUCT_KEYS) expect(templates.has(key), key).toBe(true);
  });

  for (const [key, template] of templates) {
    it(`renders ${key} from its sample data with HTML, text and a subject`, () => {
      const email = renderEmail(key, template.sample, { siteUrl, recipientEmail: "ada@example.com" });
      expect(email.subject.length).toBeGreaterThan(3);
      expect(email.html).toContain("<!doctype html>");
      expect(email.text.length).toBeGreaterThan(20);
      // Every link goes to the configured site, or (Auth e-mails) to the Auth URL built by the hook.
      for (const [, href] of email.html.matchAll(/href="([^"]+)"/g)) {
        expect(href!.startsWith(siteUrl) || href!.startsWith("http://127.0.0.1:54321/auth/v1/"), href).toBe(true);
      }
    });

    it(`escapes hostile strings in every user field of ${key}`, () => {
      const data = poison(template.sample);
      const email = renderEmail(key, data, { siteUrl, recipientEmail: "ada@example.com" });
      expect(email.html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
      if (JSON.stringify(data).includes("<script>")) {
        expect(email.html).toContain(escapeHtml("<script>"));
        expect(email.text).toContain("<script>"); // plain text carries the text as written
      }
    });
  }

  it("adds an unsubscribe link to the preferences page for non-essential e-mails only", () => {
    const reminder = renderEmail("event_reminder", templates.get("event_reminder")!.sample, { siteUrl, recipientEmail: "a@b.co" });
    expect(reminder.html).toContain(`${siteUrl}/settings/notifications?unsubscribe=event_reminder`);
    expect(reminder.text).toContain(`${siteUrl}/settings/notifications?unsubscribe=event_reminder`);
    expect(reminder.headers["List-Unsubscribe"]).toBe(`<${siteUrl}/settings/notifications?unsubscribe=event_reminder>`);
    const decision = renderEmail("participation_decision", templates.get("participation_decision")!.sample, { siteUrl, recipientEmail: "a@b.co" });
    expect(decision.html).not.toContain("unsubscribe");
    expect(decision.headers["List-Unsubscribe"]).toBeUndefined();
  });

  it("encodes ids that reach a link path", () => {
    const sample = templates.get("event_registered")!.sample as Record<string, unknown>;
    expect(() => renderEmail("event_registered", { ...sample, eventId: "../../admin" }, { siteUrl, recipientEmail: "a@b.co" }))
      .toThrow(/uuid|Invalid/i);
  });

  it("refuses data that does not match the template's schema", () => {
    expect(() => renderEmail("event_reminder", { eventTitle: "x" }, { siteUrl, recipientEmail: "a@b.co" })).toThrow();
  });

  it("refuses an unknown template key", () => {
    expect(() => renderEmail("no_such_template", {}, { siteUrl, recipientEmail: "a@b.co" })).toThrow(UnknownTemplateError);
  });

  it("keeps line breaks out of subjects", () => {
    const email = renderEmail("admin_broadcast", { subject: "Hi\r\nBcc: evil@example.com", body: "x" }, { siteUrl, recipientEmail: "a@b.co" });
    expect(email.subject).toBe("Hi Bcc: evil@example.com");
  });

  it("renders the same bytes twice (retries reuse their idempotency key)", () => {
    const sample = templates.get("event_changed")!.sample;
    const first = renderEmail("event_changed", sample, { siteUrl, recipientEmail: "a@b.co" });
    const second = renderEmail("event_changed", sample, { siteUrl, recipientEmail: "a@b.co" });
    expect(second).toEqual(first);
  });
});

describe("renderEmail() role_decision", () => {
  it("renders a revocation (admin takes a verified role away) as well as approvals and rejections", () => {
    const revoked = renderEmail("role_decision", { recipientName: "Ada", role: "expert", decision: "revoked", reason: "Credentials withdrawn" }, { siteUrl, recipientEmail: "a@b.co" });
    expect(revoked.subject).toBe("Your expert role was revoked");
    expect(revoked.text).toContain("revoked your verified expert role");
    expect(revoked.text).toContain("Credentials withdrawn");
    const rejected = renderEmail("role_decision", { recipientName: "Ada", role: "expert", decision: "rejected" }, { siteUrl, recipientEmail: "a@b.co" });
    expect(rejected.subject).toBe("Your expert request was rejected");
  });
});
