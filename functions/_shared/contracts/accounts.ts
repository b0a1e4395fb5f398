// Contracts of the `accounts` function: onboarding, role requests, account deletion, own account.
import { z } from "zod";
import { boundedText, EmptyBody, HttpsUrl, IsoDateTime, type RouteContract, Uuid } from "./common.ts";

export const AppRole = z.enum(["student", "teacher", "expert", "sponsor", "admin"]);
export type AppRole = z.infer<typeof AppRole>;

/** What a user may ask for. `admin` is never requestable (rule 7.1): it is granted by an admin. */
export const RequestableRole = z.enum(["student", "teacher", "expert", "sponsor"], {
  error: "Must be one of student, teacher, expert, sponsor (admin is granted by an admin, never requested)",
});
export type RequestableRole = z.infer<typeof RequestableRole>;

export const RoleStatus = z.enum(["pending", "approved", "rejected", "revoked"]);
export type RoleStatus = z.infer<typeof RoleStatus>;

export const UserStatus = z.enum(["active", "inactive", "frozen", "suspended"]);
export type UserStatus = z.infer<typeof UserStatus>;

export const ProfileIntent = z.enum([
  "open_to_speak", "looking_for_speaker", "open_to_sponsor", "looking_for_sponsor", "open_to_job", "hiring_talent",
]);
export type ProfileIntent = z.infer<typeof ProfileIntent>;

/** Re-requesting a rejected role waits this long after the rejection (DOMAIN.md §8 #11). */
export const ROLE_REQUEST_COOLDOWN_DAYS = 30;

/** Profile fields a user fills in at onboarding (DOMAIN.md §2 profiles; limits as the table's checks). */
export const OnboardingProfile = z.strictObject({
  fullName: boundedText(100),
  title: boundedText(120).optional(),
  bio: boundedText(2000).optional(),
  availability: boundedText(200).optional(),
  country: boundedText(100).optional(),
  city: boundedText(100).optional(),
  originCountry: boundedText(100).optional(),
  linkedinUrl: HttpsUrl.optional(),
  githubUrl: HttpsUrl.optional(),
  websiteUrl: HttpsUrl.optional(),
  canBeSpeaker: z.boolean().optional(),
  intents: z.array(ProfileIntent).max(6).refine((list) => new Set(list).size === list.length, "Intents must not repeat")
    .meta({ uniqueItems: true })
    .optional(),
  visibility: z.enum(["public", "private"]).optional(),
});
export type OnboardingProfile = z.infer<typeof OnboardingProfile>;

/** POST /accounts/onboarding — completes onboarding once. */
export const CompleteOnboardingInput = z.strictObject({
  profile: OnboardingProfile,
  /** `student` is approved at once; teacher, expert and sponsor wait for an admin. */
  role: RequestableRole,
});
export type CompleteOnboardingInput = z.infer<typeof CompleteOnboardingInput>;

/** POST /accounts/roles — a further role request (or a repeat after rejection and the cool-down). */
export const RequestRoleInput = z.strictObject({ role: RequestableRole });
export type RequestRoleInput = z.infer<typeof RequestRoleInput>;

/** DELETE /accounts/me — the user deletes their own account (soft). */
export const DeleteAccountInput = z.strictObject({
  /** Must be exactly true: a body-level confirmation so a stray DELETE does nothing. */
  confirm: z.literal(true, { error: "Send {\"confirm\": true} to delete your account" }),
  reason: boundedText(500).optional(),
});
export type DeleteAccountInput = z.infer<typeof DeleteAccountInput>;

export const RoleEntry = z.object({
  role: AppRole,
  status: RoleStatus,
  requestedAt: IsoDateTime,
  decidedAt: IsoDateTime.nullable(),
  decisionReason: z.string().nullable(),
  /** When a rejected role may be requested again (null unless rejected). */
  requestableAgainAt: IsoDateTime.nullable(),
});
export type RoleEntry = z.infer<typeof RoleEntry>;

export const Me = z.object({
  user: z.object({
    id: Uuid,
    email: z.string().nullable(),
    status: UserStatus,
    isVerified: z.boolean(),
    deletedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
  }),
  roles: z.array(RoleEntry),
  /** Approved roles only: what the account may act as right now. */
  effectiveRoles: z.array(AppRole),
  profile: z.object({ fullName: z.string(), isOnboarded: z.boolean(), visibility: z.enum(["public", "private"]) }).nullable(),
  onboarding: z.object({ status: z.enum(["not_started", "in_progress", "completed", "skipped"]) }).nullable(),
});
export type Me = z.infer<typeof Me>;

export const OnboardingResult = z.object({ me: Me, role: RoleEntry });
export type OnboardingResult = z.infer<typeof OnboardingResult>;

export const AccountDeleted = z.object({
  userId: Uuid,
  deletedAt: IsoDateTime,
  cancelledEventIds: z.array(Uuid),
  sessionsRevoked: z.number().int(),
});
export type AccountDeleted = z.infer<typeof AccountDeleted>;

const notActive = { status: 403, code: "account_not_active", when: "the account is inactive, suspended or deleted" };

export const routes: RouteContract[] = [
  {
    function: "accounts", method: "GET", path: "/me", auth: "user",
    summary: "Own account: status, roles (all states), profile summary, onboarding state",
    responses: { 200: { description: "The caller's account", schema: Me } },
  },
  {
    function: "accounts", method: "POST", path: "/onboarding", auth: "user",
    summary: "Complete onboarding: profile fields + student (approved at once) or a teacher/expert/sponsor request",
    body: CompleteOnboardingInput,
    responses: { 200: { description: "Onboarding completed", schema: OnboardingResult } },
    errors: [notActive, { status: 409, code: "onboarding_already_completed", when: "onboarding was completed before" }],
  },
  {
    function: "accounts", method: "POST", path: "/roles", auth: "user",
    summary: "Request a role (teacher/expert/sponsor pending, student approved); repeat a rejected one after 30 days",
    body: RequestRoleInput,
    responses: { 201: { description: "Role requested or granted", schema: RoleEntry } },
    errors: [
      notActive,
      { status: 409, code: "role_request_cooldown", when: "the role was rejected less than 30 days ago (details.requestableAgainAt)" },
      { status: 409, code: "role_already_requested", when: "the role is pending or approved" },
      { status: 409, code: "role_revoked", when: "an admin revoked the role: only an admin can restore it" },
    ],
  },
  {
    function: "accounts", method: "DELETE", path: "/me", auth: "user",
    summary: "Delete own account (soft): inactive + deleted_at, profile hidden, future events cancelled, sessions revoked",
    body: DeleteAccountInput,
    responses: { 200: { description: "Account deleted", schema: AccountDeleted } },
    errors: [notActive, { status: 409, code: "organization_owner_must_transfer", when: "the user still owns an organization" }],
  },
];

export { EmptyBody };

// ── Issue 15 (additive): onboarding progress and skip (DOMAIN §3.8) ─────────────────────────

/** PUT /accounts/onboarding/progress — save where the user is; status becomes in_progress. */
export const SaveOnboardingProgressInput = z.strictObject({
  step: z.number().int().min(0).max(20),
  /** Draft answers of the onboarding screens, kept until completion (≤ 16 KiB in the database). */
  data: z.record(z.string(), z.unknown()).optional(),
  flags: z.record(z.string(), z.boolean()).optional(),
});
export type SaveOnboardingProgressInput = z.infer<typeof SaveOnboardingProgressInput>;

/** POST /accounts/onboarding/skip — skip for now at `step`; saving progress or completing later resumes it. */
export const SkipOnboardingInput = z.strictObject({ step: z.number().int().min(0).max(20) });
export type SkipOnboardingInput = z.infer<typeof SkipOnboardingInput>;

export const OnboardingState = z.object({
  status: z.enum(["not_started", "in_progress", "completed", "skipped"]),
  step: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  flags: z.record(z.string(), z.boolean()),
  completedAt: IsoDateTime.nullable(),
});
export type OnboardingState = z.infer<typeof OnboardingState>;

const onboardingTransition = {
  status: 409, code: "user_onboardings_status_transition",
  when: "onboarding is already completed (the database allows not_started → in_progress → completed | skipped, skipped → in_progress | completed)",
};

routes.push(
  {
    function: "accounts", method: "PUT", path: "/onboarding/progress", auth: "user",
    summary: "Save onboarding progress (step, draft answers); not_started or skipped → in_progress",
    body: SaveOnboardingProgressInput,
    responses: { 200: { description: "The onboarding state", schema: OnboardingState } },
    errors: [notActive, onboardingTransition,
      { status: 409, code: "user_onboardings_data_is_small", when: "the draft answers exceed 16 KiB" }],
  },
  {
    function: "accounts", method: "POST", path: "/onboarding/skip", auth: "user",
    summary: "Skip onboarding for now (→ skipped); it can be resumed or completed later",
    body: SkipOnboardingInput,
    responses: { 200: { description: "The onboarding state", schema: OnboardingState } },
    errors: [notActive, onboardingTransition],
  },
);
