-- Purpose: bank-detail and taxonomy writes are audited whatever the path (issue 14, DOMAIN.md §2
-- "audit_logs, insert-only"). Only the organizations and admin functions wrote the audit row, while
-- PostgREST grants organization managers insert/update of bank details and admins writes to tags,
-- skills and categories: those writes left no trace. Triggers now write the rows (same actions the
-- functions used: organization.bank_details, <tag|skill|category>.create|rename|delete), with the
-- request's user as actor (null for the named system path); the functions no longer write them
-- themselves. Account numbers never go into the log.
-- Touches: new functions private.audit_bank_details(), private.audit_taxonomy_term(); triggers on
-- public.organization_bank_details, public.tags, public.skills, public.categories.

create function private.audit_bank_details() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  row_now public.organization_bank_details := case when tg_op = 'DELETE' then old else new end;
begin
  insert into public.audit_logs (actor_id, action, target_type, target_id, details)
  values ((select auth.uid()), 'organization.bank_details', 'organization', row_now.organization_id,
          pg_catalog.jsonb_build_object('operation', pg_catalog.lower(tg_op), 'bankName', row_now.bank_name));
  return null;
end $$;
comment on function private.audit_bank_details() is 'Audits every write of organization bank details (never the account number).';
create trigger organization_bank_details_audit after insert or update or delete on public.organization_bank_details
  for each row execute function private.audit_bank_details();

-- tg_argv[0]: the singular name used in actions and target_type (tag, skill, category).
create function private.audit_taxonomy_term() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    insert into public.audit_logs (actor_id, action, target_type, target_id, details)
    values ((select auth.uid()), tg_argv[0] || '.create', tg_argv[0], new.id, pg_catalog.jsonb_build_object('name', new.name::text));
  elsif tg_op = 'UPDATE' then
    if new.name is distinct from old.name then
      insert into public.audit_logs (actor_id, action, target_type, target_id, details)
      values ((select auth.uid()), tg_argv[0] || '.rename', tg_argv[0], new.id,
              pg_catalog.jsonb_build_object('from', old.name::text, 'to', new.name::text));
    end if;
  else
    insert into public.audit_logs (actor_id, action, target_type, target_id, details)
    values ((select auth.uid()), tg_argv[0] || '.delete', tg_argv[0], old.id, pg_catalog.jsonb_build_object('name', old.name::text));
  end if;
  return null;
end $$;
comment on function private.audit_taxonomy_term() is 'Audits every create, rename and delete of a shared taxonomy term (rule 7.18).';
create trigger tags_audit after insert or update or delete on public.tags
  for each row execute function private.audit_taxonomy_term('tag');
create trigger skills_audit after insert or update or delete on public.skills
  for each row execute function private.audit_taxonomy_term('skill');
create trigger categories_audit after insert or update or delete on public.categories
  for each row execute function private.audit_taxonomy_term('category');
