-- Bad input: every violation names its constraint (functions map the name to a 409 code), and a
-- failing statement writes nothing — not even the valid rows of a multi-row insert.
begin;

-- given
select tests.create_user(h) from unnest(array['olga', 'pia', 'stan']) as h;
select tests.create_event('meetup', organizer => 'olga', max_participant => 10);
select tests.create_event('other', organizer => 'olga');
select tests.add_participant('meetup', 'pia');
insert into public.tags (name) values ('t1'), ('t2'), ('t3'), ('t4');
insert into public.profile_tags (profile_id, tag_id) select tests.uid('pia'), id from public.tags where name in ('t1', 't2', 't3');
insert into public.event_proposals (event_id, created_by_user_id, title) values (tests.event_id('other'), tests.uid('olga'), 'elsewhere');
insert into public.event_checklist_items (event_id, title) values (tests.event_id('meetup'), 'task');

create temporary table bad_inputs (statement text, expected text) on commit drop;
insert into bad_inputs values
  ($$ update public.profiles set full_name = '   ' where user_id = tests.uid('pia') $$, 'profiles_full_name_length'),
  ($$ update public.profiles set website_url = 'http://insecure.example' where user_id = tests.uid('pia') $$, 'profiles_website_url_is_https'),
  ($$ update public.profiles set bio = repeat('b', 2001) where user_id = tests.uid('pia') $$, 'profiles_bio_is_short'),
  ($$ insert into public.profile_tags (profile_id, tag_id) select tests.uid('pia'), id from public.tags where name = 't4' $$, 'profile_tags_at_most_three'),
  ($$ insert into public.tags (name) values ('T1') $$, 'tags_name_is_unique'),
  ($$ insert into public.tags (name) values (repeat('x', 51)) $$, 'tags_name_length'),
  ($$ update public.users set status = 'suspended' where id = tests.uid('stan') $$, 'users_suspension_has_reason'),
  ($$ insert into public.organizations (owner_id, name) values (tests.uid('olga'), 'X') $$, 'organizations_name_length'),
  ($$ insert into public.events (organizer_id, title, format) values (tests.uid('olga'), '', 'other') $$, 'events_title_length'),
  ($$ insert into public.events (organizer_id, title, format, price) values (tests.uid('olga'), 'Free', 'other', 10) $$, 'events_free_event_has_no_price'),
  ($$ insert into public.events (organizer_id, title, format, registration_type, price) values (tests.uid('olga'), 'Paid', 'other', 'paid', 10) $$, 'events_paid_event_is_not_auto_accepted'),
  ($$ insert into public.events (organizer_id, title, format, currency) values (tests.uid('olga'), 'Money', 'other', 'usd') $$, 'events_currency_is_iso_code'),
  ($$ insert into public.events (organizer_id, title, format, max_participant) values (tests.uid('olga'), 'Empty', 'other', 0) $$, 'events_max_participant_is_positive'),
  ($$ insert into public.events (organizer_id, title, format, registration_type, auto_accept_registration, price) values (tests.uid('olga'), 'Negative', 'other', 'paid', false, -1) $$, 'events_price_is_not_negative'),
  ($$ insert into public.educations (user_id, start_datetime, end_datetime) values (tests.uid('pia'), '2024-01-01', '2023-01-01') $$, 'educations_end_not_before_start'),
  ($$ insert into public.notifications (recipient_id, type, kind, content) values (tests.uid('pia'), 'system', 'welcome', repeat('n', 501)) $$, 'notifications_content_length'),
  ($$ insert into public.notifications (recipient_id, type, kind, content, link_url) values (tests.uid('pia'), 'system', 'welcome', 'Hi', 'https://evil.example') $$, 'notifications_link_url_is_app_path'),
  ($$ insert into public.event_reminders (event_id, user_id, option) values (tests.event_id('meetup'), tests.uid('pia'), 'one_day'),
                                                                           (tests.event_id('meetup'), tests.uid('pia'), 'one_day') $$, 'event_reminders_one_unsent_per_option'),
  ($$ insert into public.event_checklist_item_files (item_id, proposal_id) select i.id, p.id from public.event_checklist_items i, public.event_proposals p where i.title = 'task' and p.title = 'elsewhere' $$, 'event_checklist_item_files_same_event'),
  ($$ insert into public.event_checklist_assignments (item_id, user_id) select id, tests.uid('stan') from public.event_checklist_items where title = 'task' $$, 'event_checklist_assignments_assignee_takes_part'),
  ($$ insert into public.event_checklist_items (event_id, title, due_datetime) values (tests.event_id('meetup'), 'late', now() + interval '30 days') $$, 'event_checklist_items_due_before_start'),
  ($$ insert into public.event_checklist_items (event_id, title, due_datetime) values (tests.event_id('meetup'), 'past', now() - interval '1 day') $$, 'event_checklist_items_due_in_future'),
  ($$ insert into public.event_walk_in_tokens (event_id, max_uses, current_uses) values (tests.event_id('meetup'), 1, 2) $$, 'event_walk_in_tokens_uses_within_limit'),
  ($$ insert into public.audit_logs (action, target_type) values ('Suspend User', 'user') $$, 'audit_logs_action_format'),
  ($$ insert into public.event_participants (event_id, user_id, join_method, role) values (tests.event_id('meetup'), tests.uid('stan'), 'registered', 'organizer') $$, 'event_participants_organizer_role_matches_join_method');

select plan((select count(*)::integer from bad_inputs) + 2);

-- then
select is(tests.violated_constraint(statement), expected, format('refused as %s', expected)) from bad_inputs;

select is(tests.violated_constraint($$ insert into public.tags (name) values ('fine-1'), ('fine-2'), ('T2') $$),
  'tags_name_is_unique', 'a multi-row insert with one bad row fails');
select is_empty($$ select 1 from public.tags where name in ('fine-1', 'fine-2') $$, 'and writes none of its rows');

select * from finish();
rollback;
