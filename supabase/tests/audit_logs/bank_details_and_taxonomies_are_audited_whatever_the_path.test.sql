-- Audited tables are audited by trigger whatever the path (issue 14): a manager editing bank
-- details or an admin editing taxonomies straight through PostgREST leaves an audit row with the
-- right actor, and the account number never goes into the log.
begin;
select plan(9);

select tests.create_world();
create temporary table seen on commit drop as select id from public.audit_logs;  -- rows before the test
create temporary view fresh as select * from public.audit_logs a where a.id not in (select id from seen);

-- PostgREST requests that stay (no rollback): sign in, write, sign out.
select tests.sign_in_as('omar');
update public.organization_bank_details set account_number = '9999 0000 1111' where organization_id = tests.org_id('club');
reset role;
select tests.sign_in_as('ada');
insert into public.tags (name) values ('aud-tag');
update public.tags set name = 'aud-tag-2' where name = 'aud-tag';
insert into public.categories (name) values ('aud-cat');
delete from public.categories where name = 'aud-cat';
insert into public.skills (name) values ('aud-skill');
reset role;
select set_config('request.jwt.claims', '', true);

select is((select count(*) from fresh where action = 'organization.bank_details' and actor_id = tests.uid('omar')
           and target_id = tests.org_id('club') and details ->> 'operation' = 'update'), 1::bigint,
  'a manager''s bank-detail update through PostgREST is audited with the manager as actor');
select is((select count(*) from fresh where details::text like '%9999%'), 0::bigint,
  'the account number never goes into the log');
select is((select count(*) from fresh where action = 'tag.create' and actor_id = tests.uid('ada') and details ->> 'name' = 'aud-tag'), 1::bigint,
  'an admin''s tag created through PostgREST is audited');
select is((select count(*) from fresh where action = 'tag.rename' and details = '{"from": "aud-tag", "to": "aud-tag-2"}'), 1::bigint,
  'a rename is audited with both names');
select is((select count(*) from fresh where action = 'category.create'), 1::bigint, 'a category creation is audited');
select is((select count(*) from fresh where action = 'category.delete' and details ->> 'name' = 'aud-cat'), 1::bigint,
  'a category deletion is audited');
select is((select count(*) from fresh where action = 'skill.create'), 1::bigint, 'a skill creation is audited');

-- the system path: audited too, without an actor
insert into public.organization_bank_details (organization_id, bank_name, account_number, holder_name)
values (tests.org_id('guild'), 'CIMB', '8000 1234 5678', 'Guild');
select is((select count(*) from fresh where action = 'organization.bank_details' and target_id = tests.org_id('guild')
           and actor_id is null), 1::bigint, 'a system write is audited with no actor');
select is((select count(*) from fresh), 7::bigint, 'one row per write (7 writes), nothing else');

select * from finish();
rollback;
