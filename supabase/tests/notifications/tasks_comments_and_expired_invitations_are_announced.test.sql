-- Issue 15, DOMAIN §5 and §6: a checklist assignment notifies the assignee (task_assigned); a
-- proposal comment e-mails the proposal's author through the outbox (never the commenter); the
-- hourly expire_invitations job turns pending invitations, bookings and applications of started
-- events into rejected and tells the invitee, once.
begin;
select plan(9);

-- given: olga's published event with kai (committee), pat (accepted audience); ivy invited, app
-- applied, both pending
select tests.create_event('tasks');
select tests.add_participant('tasks', 'kai', role => 'committee', status => 'accepted', join_method => 'invited');
select tests.add_participant('tasks', 'pat');
select tests.add_participant('tasks', 'ivy', role => 'speaker', status => 'pending', join_method => 'invited');
select tests.add_participant('tasks', 'app', role => 'speaker', status => 'pending', join_method => 'applied');
insert into public.event_checklist_items (id, event_id, title, created_by_user_id)
values ('f3000000-0000-4000-8000-000000000001', tests.event_id('tasks'), 'Print badges', tests.uid('olga'));

-- when olga assigns kai, and kai assigns himself
insert into public.event_checklist_assignments (item_id, user_id, assigned_by)
values ('f3000000-0000-4000-8000-000000000001', tests.uid('kai'), tests.uid('olga'));
insert into public.event_checklist_assignments (item_id, user_id, assigned_by)
values ('f3000000-0000-4000-8000-000000000001', tests.uid('pat'), tests.uid('pat'));
-- then
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('kai') and kind = 'task_assigned'
  and data ->> 'item_id' = 'f3000000-0000-4000-8000-000000000001' and actor_id = tests.uid('olga')), 1,
  'the assignee is notified of the new task');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('pat') and kind = 'task_assigned'), 0,
  'nobody is notified of a task they gave themselves');

-- when pat comments on olga's proposal, then olga on her own
insert into public.event_proposals (id, event_id, created_by_user_id, title)
values ('f3000000-0000-4000-8000-000000000002', tests.event_id('tasks'), tests.uid('olga'), 'Panel brief');
insert into public.event_proposal_comments (proposal_id, user_id, content)
values ('f3000000-0000-4000-8000-000000000002', tests.uid('pat'), 'Can we add a demo?');
insert into public.event_proposal_comments (proposal_id, user_id, content)
values ('f3000000-0000-4000-8000-000000000002', tests.uid('olga'), 'Sure.');
-- then
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('olga') and template = 'proposal_comment'
  and data ->> 'excerpt' = 'Can we add a demo?' and data ->> 'proposalTitle' = 'Panel brief'), 1,
  'the proposal author is e-mailed about the comment');
select is((select count(*)::int from private.email_outbox where template = 'proposal_comment' and data ->> 'excerpt' = 'Sure.'), 0,
  'the commenter is never e-mailed about their own comment');

-- when the job runs before the start: nothing expires
select is(private.job_expire_invitations(now()), 0, 'before the start no invitation expires');
-- when it runs after the start
select is(private.job_expire_invitations(now() + interval '8 days'), 2, 'after the start both pending rows expire');
select is((select array_agg(status::text order by status::text) from public.event_participants
  where event_id = tests.event_id('tasks') and user_id in (tests.uid('ivy'), tests.uid('app'))), array['rejected', 'rejected'],
  'the invitation and the application are rejected');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('ivy') and kind = 'participation_decided'
  and data ->> 'reason' = 'expired'), 1, 'the invitee is told');
select is(private.job_expire_invitations(now() + interval '9 days'), 0, 'a second run changes nothing');

select * from finish();
rollback;
