// What a public event needs before it can be published (DOMAIN.md §3.4).
import type { EventRow } from "../_shared/event-row.ts";

export interface MissingRequirement {
  field: string;
  problem: string;
}

/** Every reason the event cannot be published at `now`, in the order a form shows them. */
export function publishProblems(event: EventRow, now: Date): MissingRequirement[] {
  const problems: MissingRequirement[] = [];
  if (!event.description?.trim()) problems.push({ field: "description", problem: "it has no description" });
  if (!event.start_datetime) problems.push({ field: "startDatetime", problem: "it has no start time" });
  else if (event.start_datetime.getTime() <= now.getTime()) problems.push({ field: "startDatetime", problem: "its start time is not in the future" });
  if (!event.end_datetime) problems.push({ field: "endDatetime", problem: "it has no end time" });
  else if (event.start_datetime && event.end_datetime.getTime() <= event.start_datetime.getTime()) {
    problems.push({ field: "endDatetime", problem: "its end time is not after its start time" });
  }
  if (event.type !== "online" && !event.venue_place_id && !event.venue_remark) {
    problems.push({ field: "venuePlaceId", problem: `it is ${event.type} but has no venue` });
  }
  if (event.registration_type === "paid" && Number(event.price) <= 0) {
    problems.push({ field: "price", problem: "it is paid but has no price" });
  }
  return problems;
}
