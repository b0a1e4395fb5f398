-- private.job_close_registration with a moved clock: registration closes at start, once.
begin;
select plan(6);

-- given: the seed's events are set aside (soft-deleted), so the counts below are this test's own
update public.events set deleted_at = now() where deleted_at is null;
-- given: "rust" (published, registration open) starts in 2 days; "draft" is a draft
select tests.create_event('rust', organizer => 'olga', starts_in => '2 days');
select tests.create_event('draft', organizer => 'olga', status => 'draft', starts_in => '2 days');
create temporary table clock on commit drop as
  select start_datetime as starts_at from public.events where id = tests.event_id('rust');

-- then
select is(private.job_close_registration((select starts_at from clock) - interval '1 minute'), 0,
  'nothing closes a minute before start');
select is((select registration_status::text from public.events where id = tests.event_id('rust')), 'opened',
  'registration is still open before start');
select is(private.job_close_registration((select starts_at from clock) + interval '3 hours'), 1,
  'a late run after start closes it');
select is((select registration_status::text from public.events where id = tests.event_id('rust')), 'closed',
  'registration is closed');
select is(private.job_close_registration((select starts_at from clock) + interval '3 hours 5 minutes'), 0,
  'a repeated run changes nothing');
select is((select status::text from public.events where id = tests.event_id('draft')), 'draft',
  'a draft event is left alone');

select * from finish();
rollback;
