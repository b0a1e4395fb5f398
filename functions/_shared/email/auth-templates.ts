// Auth e-mails (sent by the auth-email hook). Auth owns the tokens and their expiry; we only word
// the message. Their links point at the Auth URL (`{site_url}/verify?…`), built by the hook.
import { z } from "zod";
import { defineTemplate, type RegisteredTemplate } from "./template.ts";

const otp = z.string().min(1).max(64);
const verifyUrl = z.string().url();
const email = z.string().email().max(320);
const expiresInMinutes = z.number().int().positive().max(60 * 24 * 7).default(60);

const SAMPLE_LINK = "http://127.0.0.1:54321/auth/v1/verify?token=pkce_3f2a&type=signup&redirect_to=http%3A%2F%2F127.0.0.1%3A3000%2Fwelcome";

function validity(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}` : `${minutes} minutes`;
}

const WithLink = z.object({ email, token: otp, verifyUrl, expiresInMinutes });
const EmailChange = z.object({
  email,
  newEmail: email,
  token: otp,
  verifyUrl,
  expiresInMinutes,
  /** Which of the two addresses this copy goes to. */
  addressee: z.enum(["current", "new"]),
});
const Reauthentication = z.object({ email, token: otp, expiresInMinutes });
const SecurityNotification = z.object({
  email,
  change: z.enum([
    "password_changed",
    "email_changed",
    "phone_changed",
    "identity_linked",
    "identity_unlinked",
    "mfa_factor_enrolled",
    "mfa_factor_unenrolled",
  ]),
  oldEmail: email.optional(),
  provider: z.string().max(60).optional(),
  factorType: z.string().max(60).optional(),
});

const changeWords: Record<z.infer<typeof SecurityNotification>["change"], string> = {
  password_changed: "Your password was changed",
  email_changed: "Your e-mail address was changed",
  phone_changed: "Your phone number was changed",
  identity_linked: "A sign-in method was linked to your account",
  identity_unlinked: "A sign-in method was removed from your account",
  mfa_factor_enrolled: "A second factor was added to your account",
  mfa_factor_unenrolled: "A second factor was removed from your account",
};

export const authTemplates: RegisteredTemplate[] = [
  defineTemplate({
    key: "auth_signup",
    description: "Confirm sign-up (email_action_type signup)",
    isEssential: true,
    schema: WithLink,
    sample: { email: "ada@example.com", token: "123456", verifyUrl: SAMPLE_LINK, expiresInMinutes: 1440 },
    build: (d) => ({
      subject: "Confirm your ATAS account",
      preheader: `Your code is ${d.token}`,
      heading: "Confirm your e-mail address",
      blocks: [
        { kind: "paragraph", text: `Someone (hopefully you) created an ATAS account for ${d.email}. Confirm the address to activate it.` },
        { kind: "button", label: "Confirm my account", url: d.verifyUrl },
        { kind: "code", label: "Or enter this code:", value: d.token },
        { kind: "note", text: `The link and code work for ${validity(d.expiresInMinutes)}. If you did not sign up, ignore this e-mail.` },
      ],
    }),
  }),
  defineTemplate({
    key: "auth_invite",
    description: "Account created for you by an administrator (invite)",
    isEssential: true,
    schema: WithLink,
    sample: { email: "grace@example.com", token: "654321", verifyUrl: SAMPLE_LINK.replace("signup", "invite") },
    build: (d) => ({
      subject: "You're invited to ATAS",
      preheader: "Accept the invitation to set up your account",
      heading: "You're invited to ATAS",
      blocks: [
        { kind: "paragraph", text: `An administrator created an ATAS account for ${d.email}.` },
        { kind: "button", label: "Accept the invitation", url: d.verifyUrl },
        { kind: "note", text: `The link works for ${validity(d.expiresInMinutes)}.` },
      ],
    }),
  }),
  defineTemplate({
    key: "auth_magiclink",
    description: "Sign-in link and code (magiclink)",
    isEssential: true,
    schema: WithLink,
    sample: { email: "ada@example.com", token: "246810", verifyUrl: SAMPLE_LINK.replace("signup", "magiclink") },
    build: (d) => ({
      subject: "Your ATAS sign-in link",
      preheader: `Your code is ${d.token}`,
      heading: "Sign in to ATAS",
      blocks: [
        { kind: "button", label: "Sign in", url: d.verifyUrl },
        { kind: "code", label: "Or enter this code:", value: d.token },
        { kind: "note", text: `The link and code work once, for ${validity(d.expiresInMinutes)}. If you did not ask to sign in, ignore this e-mail.` },
      ],
    }),
  }),
  defineTemplate({
    key: "auth_recovery",
    description: "Reset password (recovery)",
    isEssential: true,
    schema: WithLink,
    sample: { email: "ada@example.com", token: "135790", verifyUrl: SAMPLE_LINK.replace("signup", "recovery") },
    build: (d) => ({
      subject: "Reset your ATAS password",
      preheader: `Your code is ${d.token}`,
      heading: "Reset your password",
      blocks: [
        { kind: "paragraph", text: `Someone asked to reset the password of the ATAS account ${d.email}.` },
        { kind: "button", label: "Choose a new password", url: d.verifyUrl },
        { kind: "code", label: "Or enter this code:", value: d.token },
        { kind: "note", text: `The link and code work once, for ${validity(d.expiresInMinutes)}. If you did not ask for this, ignore this e-mail: your password stays the same.` },
      ],
    }),
  }),
  defineTemplate({
    key: "auth_email_change",
    description: "Confirm an e-mail change (sent to the current and to the new address)",
    isEssential: true,
    schema: EmailChange,
    sample: { email: "ada@example.com", newEmail: "ada@new.example.com", token: "112233", verifyUrl: SAMPLE_LINK.replace("signup", "email_change"), addressee: "new" },
    build: (d) => ({
      subject: d.addressee === "new" ? "Confirm your new ATAS e-mail address" : "Confirm the change of your ATAS e-mail address",
      preheader: `Your code is ${d.token}`,
      heading: "Confirm the e-mail change",
      blocks: [
        {
          kind: "paragraph",
          text: d.addressee === "new"
            ? `Confirm that ${d.newEmail} should become the e-mail address of the ATAS account ${d.email}.`
            : `Someone asked to change the e-mail address of your ATAS account from ${d.email} to ${d.newEmail}. Confirm from this address too.`,
        },
        { kind: "button", label: "Confirm the change", url: d.verifyUrl },
        { kind: "code", label: "Or enter this code:", value: d.token },
        { kind: "note", text: `The link and code work for ${validity(d.expiresInMinutes)}. If you did not ask for this, ignore this e-mail and consider changing your password.` },
      ],
    }),
  }),
  defineTemplate({
    key: "auth_reauthentication",
    description: "Code to confirm a sensitive action (reauthentication)",
    isEssential: true,
    schema: Reauthentication,
    sample: { email: "ada@example.com", token: "998877" },
    build: (d) => ({
      subject: "Your ATAS confirmation code",
      preheader: `Your code is ${d.token}`,
      heading: "Confirm it's you",
      blocks: [
        { kind: "code", label: "Enter this code to continue:", value: d.token },
        { kind: "note", text: `The code works for ${validity(d.expiresInMinutes)}. If you did not ask for it, change your password.` },
      ],
    }),
  }),
  defineTemplate({
    key: "auth_security_notification",
    description: "Account security change notices (*_notification action types)",
    isEssential: true,
    schema: SecurityNotification,
    sample: { email: "ada@example.com", change: "email_changed", oldEmail: "ada@old.example.com" },
    build: (d) => ({
      subject: changeWords[d.change],
      preheader: "A change to your ATAS account",
      heading: changeWords[d.change],
      blocks: [
        { kind: "paragraph", text: `${changeWords[d.change]} (account ${d.email}${d.oldEmail ? `, previously ${d.oldEmail}` : ""}).` },
        ...(d.provider ? [{ kind: "details" as const, rows: [["Method", d.provider]] as Array<[string, string]> }] : []),
        ...(d.factorType ? [{ kind: "details" as const, rows: [["Factor", d.factorType]] as Array<[string, string]> }] : []),
        { kind: "note", text: "If this was not you, reset your password now and contact us by replying to this e-mail." },
      ],
    }),
  }),
];
