// Product e-mails (DOMAIN.md §5.2). Their data comes from the outbox row, written by the database
// in the same transaction as the change it announces. Every string field may hold user text.
import { z } from "zod";
import { formatDateTime } from "./format-date.ts";
import { eventPath } from "./site-links.ts";
import { defineTemplate, type RegisteredTemplate } from "./template.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const eventTitle = text(200);
const eventId = z.string().uuid();
const isoDateTime = z.string().datetime({ offset: true });
const timeZone = z.string().min(1).max(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "Unknown time zone").default("UTC");
const recipientName = text(120).optional();
const reason = text(2000).optional();

const SAMPLE_EVENT_ID = "7f1c2b9e-4d3a-4e5f-8a6b-1c2d3e4f5a6b";
const SAMPLE_EVENT = { eventId: SAMPLE_EVENT_ID, eventTitle: "Rust 101 <workshop> & \"friends\"" };

function greeting(name: string | undefined): string {
  return name ? `Hi ${name},` : "Hi,";
}

const EventRegistered = z.object({
  recipientName, eventId, eventTitle, startsAt: isoDateTime, timeZone, location: text(300).optional(),
});
const EventRequestReceived = z.object({ recipientName, eventId, eventTitle });
const EventInvitation = z.object({
  recipientName, eventId, eventTitle, role: text(60), inviterName: text(120), message: text(2000).optional(),
});
const ParticipationDecision = z.object({
  recipientName,
  eventId,
  eventTitle,
  about: z.enum(["request", "invitation", "payment"]),
  decision: z.enum(["accepted", "rejected", "waitlisted", "verified"]),
  reason,
});
const RoleUpdated = z.object({ recipientName, eventId, eventTitle, role: text(60) });
const ParticipantRemoved = z.object({ recipientName, eventId, eventTitle, reason });
const EventReminder = z.object({
  recipientName, eventId, eventTitle, startsAt: isoDateTime, timeZone,
  /** 24h and 1h: the automatic reminders; 3d and 7d: personal reminders a user set. */
  startsIn: z.enum(["7d", "3d", "24h", "1h"]),
  location: text(300).optional(),
});
const EventChanged = z.object({
  recipientName,
  eventId,
  eventTitle,
  startsAt: isoDateTime,
  endsAt: isoDateTime.optional(),
  previousStartsAt: isoDateTime.optional(),
  timeZone,
  location: text(300).optional(),
  note: text(2000).optional(),
});
const EventCancelled = z.object({ recipientName, eventId, eventTitle, startsAt: isoDateTime.optional(), timeZone, reason });
const ProposalComment = z.object({
  recipientName, eventId, proposalTitle: text(200), commenterName: text(120), excerpt: text(1000),
});
const ReviewRequest = z.object({ recipientName, eventId, eventTitle, reviewDeadline: isoDateTime, timeZone });
const RoleDecision = z.object({
  recipientName, role: text(60), decision: z.enum(["approved", "rejected", "revoked"]), reason,
});
const AccountSuspended = z.object({ recipientName, reason, until: isoDateTime.optional(), timeZone });
const AccountReactivated = z.object({ recipientName });
const ModerationNotice = z.object({
  recipientName, subjectTitle: text(200), action: z.enum(["unpublished", "deleted"]), reason: text(2000),
});
const WaitlistPromoted = z.object({ recipientName, eventId, eventTitle, startsAt: isoDateTime, timeZone });
const AdminBroadcast = z.object({ recipientName, subject: text(200), body: text(20000) });

const decisionWords: Record<z.infer<typeof ParticipationDecision>["decision"], string> = {
  accepted: "accepted",
  rejected: "declined",
  waitlisted: "put on the waiting list",
  verified: "verified",
};

export const productTemplates: RegisteredTemplate[] = [
  defineTemplate({
    key: "event_registered",
    description: "Self-registration accepted → participant",
    isEssential: true,
    schema: EventRegistered,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", startsAt: "2026-12-03T17:00:00Z", timeZone: "Europe/Berlin", location: "Room 4 <b>" },
    build: (d, { links }) => ({
      subject: `You're registered for "${d.eventTitle}"`,
      preheader: `See you on ${formatDateTime(d.startsAt, d.timeZone)}`,
      heading: "You're registered",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `Your place in "${d.eventTitle}" is confirmed.` },
        { kind: "details", rows: [["When", formatDateTime(d.startsAt, d.timeZone)], ...(d.location ? [["Where", d.location] as [string, string]] : [])] },
        { kind: "button", label: "View the event", url: links.to(eventPath(d.eventId)) },
      ],
    }),
  }),
  defineTemplate({
    key: "event_request_received",
    description: "Registration or application waiting for the organizer → participant",
    isEssential: true,
    schema: EventRequestReceived,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada" },
    build: (d, { links }) => ({
      subject: `We received your request to join "${d.eventTitle}"`,
      preheader: "The organizer will decide soon",
      heading: "Request received",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `Your request to join "${d.eventTitle}" is waiting for the organizer. We will e-mail you when they decide.` },
        { kind: "button", label: "View your request", url: links.to(eventPath(d.eventId)) },
      ],
    }),
  }),
  defineTemplate({
    key: "event_invitation",
    description: "Invitation to an event → invitee",
    isEssential: false,
    schema: EventInvitation,
    sample: { ...SAMPLE_EVENT, recipientName: "Grace", role: "speaker", inviterName: "Olga <script>alert(1)</script>", message: "We'd love to hear about\nyour compiler work!" },
    build: (d, { links }) => ({
      subject: `${d.inviterName} invited you to "${d.eventTitle}"`,
      preheader: `You're invited as ${d.role}`,
      heading: "You're invited",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `${d.inviterName} invited you to "${d.eventTitle}" as ${d.role}.` },
        ...(d.message ? [{ kind: "quote" as const, text: d.message }] : []),
        { kind: "button", label: "Answer the invitation", url: links.to(eventPath(d.eventId, "/invitation")) },
      ],
    }),
  }),
  defineTemplate({
    key: "participation_decision",
    description: "Request, invitation answer or payment decided → participant",
    isEssential: true,
    schema: ParticipationDecision,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", about: "request", decision: "accepted" },
    build: (d, { links }) => ({
      subject: `Your ${d.about} for "${d.eventTitle}" was ${decisionWords[d.decision]}`,
      preheader: `Decision about "${d.eventTitle}"`,
      heading: `Your ${d.about} was ${decisionWords[d.decision]}`,
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `The organizer of "${d.eventTitle}" decided about your ${d.about}: it was ${decisionWords[d.decision]}.` },
        ...(d.reason ? [{ kind: "quote" as const, text: d.reason }] : []),
        { kind: "button", label: "View the event", url: links.to(eventPath(d.eventId)) },
      ],
    }),
  }),
  defineTemplate({
    key: "role_updated",
    description: "Organizer changed the participant's role → participant",
    isEssential: false,
    schema: RoleUpdated,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", role: "committee" },
    build: (d, { links }) => ({
      subject: `Your role in "${d.eventTitle}" is now ${d.role}`,
      preheader: "Your role changed",
      heading: "Your role changed",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `The organizer changed your role in "${d.eventTitle}" to ${d.role}.` },
        { kind: "button", label: "View the event", url: links.to(eventPath(d.eventId)) },
      ],
    }),
  }),
  defineTemplate({
    key: "participant_removed",
    description: "Organizer removed the participant → participant",
    isEssential: true,
    schema: ParticipantRemoved,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", reason: "Duplicate registration" },
    build: (d, { links }) => ({
      subject: `You were removed from "${d.eventTitle}"`,
      preheader: "Your participation ended",
      heading: "You were removed from an event",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `The organizer removed you from "${d.eventTitle}".` },
        ...(d.reason ? [{ kind: "quote" as const, text: d.reason }] : []),
        { kind: "button", label: "View the event", url: links.to(eventPath(d.eventId)) },
      ],
    }),
  }),
  defineTemplate({
    key: "event_reminder",
    description: "Reminder 24 h and 1 h before start → accepted participant",
    isEssential: false,
    schema: EventReminder,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", startsAt: "2026-12-03T17:00:00Z", timeZone: "UTC", startsIn: "24h" },
    build: (d, { links }) => {
      // "Within": a late run or a late registration may send a reminder after its exact moment.
      const when = { "7d": "within a week", "3d": "within three days", "24h": "within 24 hours", "1h": "within the hour" }[d.startsIn];
      return {
        subject: `Reminder: "${d.eventTitle}" starts ${when}`,
        preheader: formatDateTime(d.startsAt, d.timeZone),
        heading: `Starting ${when}`,
        blocks: [
          { kind: "paragraph", text: greeting(d.recipientName) },
          { kind: "paragraph", text: `"${d.eventTitle}" starts ${when}.` },
          { kind: "details", rows: [["When", formatDateTime(d.startsAt, d.timeZone)], ...(d.location ? [["Where", d.location] as [string, string]] : [])] },
          { kind: "button", label: "View the event", url: links.to(eventPath(d.eventId)) },
        ],
      };
    },
  }),
  defineTemplate({
    key: "event_changed",
    description: "Schedule or place changed → accepted participants",
    isEssential: true,
    schema: EventChanged,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", startsAt: "2026-12-04T17:00:00Z", previousStartsAt: "2026-12-03T17:00:00Z", timeZone: "UTC", note: "The room flooded." },
    build: (d, { links }) => ({
      subject: `"${d.eventTitle}" has changed`,
      preheader: `Now ${formatDateTime(d.startsAt, d.timeZone)}`,
      heading: "An event you joined has changed",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `The organizer changed "${d.eventTitle}". The current details:` },
        {
          kind: "details",
          rows: [
            ["Starts", formatDateTime(d.startsAt, d.timeZone)],
            ...(d.previousStartsAt ? [["Was", formatDateTime(d.previousStartsAt, d.timeZone)] as [string, string]] : []),
            ...(d.endsAt ? [["Ends", formatDateTime(d.endsAt, d.timeZone)] as [string, string]] : []),
            ...(d.location ? [["Where", d.location] as [string, string]] : []),
          ],
        },
        ...(d.note ? [{ kind: "quote" as const, text: d.note }] : []),
        { kind: "button", label: "View the event", url: links.to(eventPath(d.eventId)) },
      ],
    }),
  }),
  defineTemplate({
    key: "event_cancelled",
    description: "Event cancelled → all participants",
    isEssential: true,
    schema: EventCancelled,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", startsAt: "2026-12-03T17:00:00Z", reason: "The speaker is ill." },
    build: (d, { links }) => ({
      subject: `"${d.eventTitle}" was cancelled`,
      preheader: "The event will not take place",
      heading: "Event cancelled",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `"${d.eventTitle}"${d.startsAt ? `, planned for ${formatDateTime(d.startsAt, d.timeZone)},` : ""} was cancelled.` },
        ...(d.reason ? [{ kind: "quote" as const, text: d.reason }] : []),
        { kind: "button", label: "Find other events", url: links.to("/events") },
      ],
    }),
  }),
  defineTemplate({
    key: "proposal_comment",
    description: "New comment on a proposal → proposal author",
    isEssential: false,
    schema: ProposalComment,
    sample: { eventId: SAMPLE_EVENT_ID, recipientName: "Ada", proposalTitle: "Ownership <in> practice", commenterName: "Grace", excerpt: "Could you add a live demo? <img src=x onerror=alert(1)>" },
    build: (d, { links }) => ({
      subject: `${d.commenterName} commented on "${d.proposalTitle}"`,
      preheader: d.excerpt.slice(0, 90),
      heading: "New comment on your proposal",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `${d.commenterName} commented on "${d.proposalTitle}":` },
        { kind: "quote", text: d.excerpt },
        { kind: "button", label: "Read and reply", url: links.to(eventPath(d.eventId, "/proposals")) },
      ],
    }),
  }),
  defineTemplate({
    key: "review_request",
    description: "Review window opened after the event → eligible reviewers",
    isEssential: false,
    schema: ReviewRequest,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", reviewDeadline: "2026-12-17T19:00:00Z" },
    build: (d, { links }) => ({
      subject: `How was "${d.eventTitle}"?`,
      preheader: "Tell the organizers what you thought",
      heading: `How was "${d.eventTitle}"?`,
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `You can review "${d.eventTitle}" until ${formatDateTime(d.reviewDeadline, d.timeZone)}.` },
        { kind: "button", label: "Write a review", url: links.to(eventPath(d.eventId, "/review")) },
      ],
    }),
  }),
  defineTemplate({
    key: "role_decision",
    description: "Admin decided a role request → user",
    isEssential: true,
    schema: RoleDecision,
    sample: { recipientName: "Ada", role: "expert", decision: "approved" },
    build: (d, { links }) => ({
      subject: d.decision === "revoked" ? `Your ${d.role} role was revoked` : `Your ${d.role} request was ${d.decision}`,
      preheader: "A decision about your role",
      heading: d.decision === "revoked" ? `Your ${d.role} role was revoked` : `Your ${d.role} request was ${d.decision}`,
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        {
          kind: "paragraph",
          text: d.decision === "revoked"
            ? `An administrator revoked your verified ${d.role} role.`
            : `An administrator ${d.decision} your request to be verified as ${d.role}.`,
        },
        ...(d.reason ? [{ kind: "quote" as const, text: d.reason }] : []),
        { kind: "button", label: "Open your profile", url: links.to("/profile") },
      ],
    }),
  }),
  defineTemplate({
    key: "account_suspended",
    description: "Admin suspended the account → user",
    isEssential: true,
    schema: AccountSuspended,
    sample: { recipientName: "Ada", reason: "Repeated spam in comments" },
    build: (d) => ({
      subject: "Your ATAS account was suspended",
      preheader: "You cannot sign in for now",
      heading: "Your account was suspended",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: d.until ? `An administrator suspended your account until ${formatDateTime(d.until, d.timeZone)}.` : "An administrator suspended your account." },
        ...(d.reason ? [{ kind: "quote" as const, text: d.reason }] : []),
        { kind: "note", text: "If you think this is a mistake, reply to this e-mail." },
      ],
    }),
  }),
  defineTemplate({
    key: "account_reactivated",
    description: "Admin reactivated the account → user",
    isEssential: true,
    schema: AccountReactivated,
    sample: { recipientName: "Ada" },
    build: (d, { links }) => ({
      subject: "Your ATAS account is active again",
      preheader: "You can sign in again",
      heading: "Welcome back",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: "An administrator reactivated your account. You can sign in again." },
        { kind: "button", label: "Sign in", url: links.to("/sign-in") },
      ],
    }),
  }),
  defineTemplate({
    key: "moderation_notice",
    description: "Admin unpublished or deleted content, with a reason → organizer",
    isEssential: true,
    schema: ModerationNotice,
    sample: { recipientName: "Olga", subjectTitle: "Crypto <b>riches</b>", action: "unpublished", reason: "Misleading description" },
    build: (d) => ({
      subject: `"${d.subjectTitle}" was ${d.action} by an administrator`,
      preheader: "A moderation decision",
      heading: `"${d.subjectTitle}" was ${d.action}`,
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `An administrator ${d.action} "${d.subjectTitle}" for this reason:` },
        { kind: "quote", text: d.reason },
        { kind: "note", text: "Reply to this e-mail if you want to discuss the decision." },
      ],
    }),
  }),
  defineTemplate({
    key: "waitlist_promoted",
    description: "A seat freed up and the waiting participant moved in → participant",
    isEssential: true,
    schema: WaitlistPromoted,
    sample: { ...SAMPLE_EVENT, recipientName: "Ada", startsAt: "2026-12-03T17:00:00Z" },
    build: (d, { links }) => ({
      subject: `A place opened up: you're in "${d.eventTitle}"`,
      preheader: "You moved off the waiting list",
      heading: "You're off the waiting list",
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        { kind: "paragraph", text: `A seat freed up in "${d.eventTitle}" and it is yours.` },
        { kind: "details", rows: [["When", formatDateTime(d.startsAt, d.timeZone)]] },
        { kind: "button", label: "View the event", url: links.to(eventPath(d.eventId)) },
      ],
    }),
  }),
  defineTemplate({
    key: "admin_broadcast",
    description: "Announcement from an administrator → chosen users",
    isEssential: false,
    schema: AdminBroadcast,
    sample: { recipientName: "Ada", subject: "Maintenance on <Sunday>", body: "ATAS is offline on Sunday from 02:00 to 04:00 UTC.\n\nThanks for your patience & <understanding>." },
    build: (d) => ({
      subject: d.subject,
      preheader: d.body.slice(0, 90),
      heading: d.subject,
      blocks: [
        { kind: "paragraph", text: greeting(d.recipientName) },
        ...d.body.split(/\r?\n\s*\r?\n/).map((paragraph) => ({ kind: "paragraph" as const, text: paragraph })),
      ],
    }),
  }),
];
