-- Purpose: no JIT compilation in the sessions that serve API requests (PostgREST logs in as
-- authenticator; edge functions and jobs connect as postgres).
-- Why: with row-level security, policies that test membership in a set (`x in (select …)`) make
-- the planner's cost estimate of even a one-row request exceed jit_above_cost, and Postgres then
-- spends 50-150 ms compiling expressions for a query that runs in well under a millisecond
-- (measured by `npm run bench` at 1,000,000 events: event detail 205 ms with JIT, 0.8 ms without;
-- an empty event_categories lookup 185 ms, of which 97 ms JIT). Requests here are short OLTP
-- statements: JIT never pays off for them.
-- Touches: role settings of authenticator and postgres only (new sessions pick them up).
--
-- From Postgres 16 on, altering another role needs the ADMIN option on it, which postgres may not
-- hold on authenticator (it does not in our Postgres 17 base): then this says so and leaves
-- authenticator as it is — set it where the platform's roles are made (`alter role authenticator
-- set jit = off` as the cluster superuser). postgres may always change its own settings.

alter role postgres set jit = off;

do $$
begin
  alter role authenticator set jit = off;
exception when insufficient_privilege then
  raise notice 'jit stays on for authenticator: this role may not alter it (%)', sqlerrm;
end $$;
