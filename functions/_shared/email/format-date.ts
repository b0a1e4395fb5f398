// Dates in e-mails: one fixed locale and an explicit time zone, so a re-render is byte-identical
// (retries reuse their idempotency key, and Resend refuses a key with a different payload).
export function formatDateTime(iso: string, timeZone = "UTC"): string {
  const formatted = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
  return `${formatted} (${timeZone})`;
}
