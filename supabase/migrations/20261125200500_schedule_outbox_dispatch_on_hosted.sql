-- Purpose: on a hosted project, call the `outbox-dispatch` edge function every minute with
-- pg_cron + pg_net, reading the project URL and the service role key from Vault (Supabase's
-- documented pattern for scheduling edge functions). Skipped where pg_cron, pg_net or Vault is
-- missing (the local stack runs scripts/local/outbox-worker.ts instead).
-- Before it works, store two secrets once per project (SQL editor):
--   select vault.create_secret('https://<ref>.supabase.co', 'project_url');
--   select vault.create_secret('<the service_role JWT key: verify_jwt needs a JWT>', 'service_role_key');
-- Until then each run fails harmlessly and says so in cron.job_run_details.
-- Touches: cron.job row atas_outbox_dispatch. Nothing destructive.

do $$
begin
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron')
     or not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_net')
     or not exists (select 1 from pg_catalog.pg_namespace where nspname = 'vault') then
    raise notice 'pg_cron, pg_net or Vault is missing: outbox-dispatch is not scheduled (run the outbox worker instead)';
    return;
  end if;
  perform cron.schedule('atas_outbox_dispatch', '* * * * *', $job$
    select net.http_post(
      url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/outbox-dispatch',
      headers := jsonb_build_object(
        'content-type', 'application/json',
        'authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')),
      body := '{"budgetMs": 50000}'::jsonb,
      timeout_milliseconds := 55000)
  $job$);
end;
$$;
