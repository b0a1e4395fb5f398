-- private.notify derives the type from the catalogue kind and cuts content to 500 characters;
-- notifications are in the supabase_realtime publication (RLS filters per subscriber); a
-- proposal comment notifies the organizer and the author, never the commenter.
begin;
select plan(6);

-- given
select tests.create_event('meetup', organizer => 'olga');
select tests.add_participant('meetup', 'kai', 'committee', 'accepted', 'invited');
select tests.create_user('pia');

-- when the system notifies pia three times
create temporary table sent on commit drop as
select private.notify(tests.uid('pia'), 'review_received', 'You got a review') as review_id,
       private.notify(tests.uid('pia'), 'org_decided', 'Approved') as org_id,
       private.notify(tests.uid('pia'), 'admin_broadcast', repeat('x', 900)) as broadcast_id;

-- then
select is((select type from public.notifications where id = (select review_id from sent)),
  'review'::public.notification_type, 'review_received is a review notification');
select is((select type from public.notifications where id = (select org_id from sent)),
  'organization'::public.notification_type, 'org_decided is an organization notification');
select is((select char_length(content) from public.notifications where id = (select broadcast_id from sent)),
  500, 'content is cut to 500 characters');
select ok(exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'notifications'),
  'notifications are published to realtime');
insert into public.event_proposals (event_id, created_by_user_id, title) values (tests.event_id('meetup'), tests.uid('kai'), 'talk');
insert into public.event_proposal_comments (proposal_id, user_id, content) select id, tests.uid('olga'), 'Looks good' from public.event_proposals where title = 'talk';
select set_eq($$ select recipient_id from public.notifications where kind = 'proposal_comment' and actor_id = tests.uid('olga') $$,
  $$ values (tests.uid('kai')) $$, 'the author is notified, the commenting organizer is not');
select is((select count(*)::integer from public.notifications where kind = 'proposal_comment' and recipient_id = tests.uid('kai')), 1,
  'the author gets exactly one notification');

select * from finish();
rollback;
