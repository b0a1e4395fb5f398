// Onboarding progress and skip (DOMAIN §3.8: not_started → in_progress → completed | skipped;
// skipped may resume). The transition rule is the database's (user_onboardings_guard_status): a
// completed onboarding cannot go back, and its refusal reaches the client as
// 409 user_onboardings_status_transition. Status is not a user-writable column, so these run with
// the function's privileges after the account check.
import type { Tx } from "../_shared/database.ts";
import type { OnboardingState, SaveOnboardingProgressInput, SkipOnboardingInput } from "../_shared/contracts/accounts.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";

interface OnboardingRow {
  status: OnboardingState["status"];
  step: number;
  onboarding_data: Record<string, unknown>;
  flags: Record<string, boolean>;
  completed_at: Date | null;
}

function toState(row: OnboardingRow): OnboardingState {
  return { status: row.status, step: row.step, data: row.onboarding_data, flags: row.flags, completedAt: row.completed_at?.toISOString() ?? null };
}

async function ensureRow(tx: Tx, userId: string): Promise<void> {
  // Sign-up creates the row; an account made before that trigger existed gets one here.
  await tx`insert into public.user_onboardings (user_id) values (${userId}) on conflict (user_id) do nothing`;
}

export async function saveOnboardingProgress(tx: Tx, account: CurrentAccount, input: SaveOnboardingProgressInput): Promise<OnboardingState> {
  await ensureRow(tx, account.id);
  const [row] = await tx<OnboardingRow[]>`
    update public.user_onboardings set
      status = case when status = 'in_progress' then status else 'in_progress'::public.onboarding_status end,
      step = ${input.step},
      -- Sent as text: a json-typed parameter is parsed as jsonb first, which refuses U+0000.
      onboarding_data = coalesce(${input.data === undefined ? null : JSON.stringify(input.data)}::text::json, onboarding_data),
      flags = coalesce(${input.flags === undefined ? null : JSON.stringify(input.flags)}::text::json, flags)
    where user_id = ${account.id}
    returning status, step, onboarding_data, flags, completed_at`;
  return toState(row!);
}

export async function skipOnboarding(tx: Tx, account: CurrentAccount, input: SkipOnboardingInput): Promise<OnboardingState> {
  await ensureRow(tx, account.id);
  const [row] = await tx<OnboardingRow[]>`
    update public.user_onboardings set status = 'skipped', step = ${input.step} where user_id = ${account.id}
    returning status, step, onboarding_data, flags, completed_at`;
  return toState(row!);
}
