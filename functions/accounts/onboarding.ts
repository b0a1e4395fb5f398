// Completing onboarding (DOMAIN.md §3.1, §3.2, §3.8): the profile fields, then the first role,
// then the onboarding row, in one transaction. is_onboarded and the onboarding status are not
// user-writable columns, so this runs with the function's privileges after the checks.
import type { Tx } from "../_shared/database.ts";
import { conflict } from "../_shared/errors.ts";
import type { CompleteOnboardingInput, OnboardingResult } from "../_shared/contracts/accounts.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { notify } from "../_shared/moderation/notifications.ts";
import { readMe } from "./me.ts";
import { requestRole } from "./role-requests.ts";

export async function completeOnboarding(tx: Tx, account: CurrentAccount, input: CompleteOnboardingInput): Promise<OnboardingResult> {
  const [onboarding] = await tx<{ status: string }[]>`
    select status from public.user_onboardings where user_id = ${account.id} for update`;
  if (onboarding?.status === "completed") {
    throw conflict("onboarding_already_completed", "Cannot complete onboarding: it is already completed (edit your profile instead)");
  }
  const p = input.profile;
  await tx`
    update public.profiles set
      full_name = ${p.fullName},
      title = coalesce(${p.title ?? null}, title),
      bio = coalesce(${p.bio ?? null}, bio),
      availability = coalesce(${p.availability ?? null}, availability),
      country = coalesce(${p.country ?? null}, country),
      city = coalesce(${p.city ?? null}, city),
      origin_country = coalesce(${p.originCountry ?? null}, origin_country),
      linkedin_url = coalesce(${p.linkedinUrl ?? null}, linkedin_url),
      github_url = coalesce(${p.githubUrl ?? null}, github_url),
      website_url = coalesce(${p.websiteUrl ?? null}, website_url),
      can_be_speaker = coalesce(${p.canBeSpeaker ?? null}, can_be_speaker),
      intents = coalesce(${p.intents ?? null}::public.profile_intent[], intents),
      visibility = coalesce(${p.visibility ?? null}::public.visibility, visibility),
      is_onboarded = true
    where user_id = ${account.id}`;
  const role = await requestRole(tx, account, input.role);
  if (onboarding) {
    await tx`update public.user_onboardings set status = 'completed' where user_id = ${account.id}`;
  } else {
    await tx`insert into public.user_onboardings (user_id, status) values (${account.id}, 'in_progress')`;
    await tx`update public.user_onboardings set status = 'completed' where user_id = ${account.id}`;
  }
  await notify(tx, {
    recipientId: account.id,
    kind: "welcome",
    content: role.status === "approved"
      ? "Welcome to ATAS!"
      : `Welcome to ATAS! An admin will review your ${input.role} request soon.`,
    linkUrl: "/",
    data: { role: input.role, roleStatus: role.status },
  });
  return { me: await readMe(tx, account.id), role };
}
