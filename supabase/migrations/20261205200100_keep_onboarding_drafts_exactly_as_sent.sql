-- Purpose: an onboarding draft is kept exactly as the client sent it. The draft (and the flags)
-- are the frontend's own JSON; nothing in the database reads inside them. jsonb cannot hold a
-- string or key containing U+0000 ("unsupported Unicode escape sequence"): schemathesis saved a
-- draft the contract allows and got a 400 carrying Postgres' own words. json keeps the text as
-- written (escapes included), so every JSON object the contract accepts is stored and returned
-- unchanged.
-- Touches: public.user_onboardings.onboarding_data and .flags become json (same defaults, the same
-- "is an object" and size checks, re-created on json).

alter table public.user_onboardings
  drop constraint user_onboardings_flags_is_object,
  drop constraint user_onboardings_data_is_object,
  alter column flags drop default,
  alter column onboarding_data drop default;

alter table public.user_onboardings
  alter column flags type json using flags::json,
  alter column onboarding_data type json using onboarding_data::json;

alter table public.user_onboardings
  alter column flags set default '{}'::json,
  alter column onboarding_data set default '{}'::json,
  add constraint user_onboardings_flags_is_object check (json_typeof(flags) = 'object'),
  add constraint user_onboardings_data_is_object check (json_typeof(onboarding_data) = 'object');
