-- Media columns hold `<bucket>/<object name>` inside the folder their row owns, never an outside
-- URL or someone else's folder. The check is the constraint name the API returns as 409 code.
begin;
select plan(19);

-- given: ada and zed; mona owns acme; olga organizes paid-night where pat registered and olga
-- wrote a proposal; otto organizes another event
select tests.storage_user('ada');
select tests.storage_user('zed');
select tests.storage_organization('acme', owner => 'mona');
select tests.storage_event('paid-night', organizer => 'olga', is_paid => true);
select tests.storage_event('other-meetup', organizer => 'otto');
select tests.storage_participant('paid-night', 'pat', role => 'audience', status => 'pending');
select tests.storage_proposal('brief', event => 'paid-night', author => 'olga');

-- then: profiles, written by ada herself through the API role
select tests.storage_act_as('ada');
select lives_ok(format($$ update public.profiles set avatar_url = 'avatars/%s/me.png', cover_url = 'avatars/%s/cover.webp'
                         where user_id = %L $$, tests.storage_uid('ada'), tests.storage_uid('ada'), tests.storage_uid('ada')),
  'profiles: ada stores paths in her own avatars folder');
select is((select avatar_url from public.profiles where user_id = tests.storage_uid('ada')),
  'avatars/' || tests.storage_uid('ada') || '/me.png', 'profiles: the stored value is the path');
select throws_ok(format($$ update public.profiles set avatar_url = 'https://img.example.com/ada.png' where user_id = %L $$,
                        tests.storage_uid('ada')),
  '23514', null, 'profiles: an outside URL is refused');
select throws_ok(format($$ update public.profiles set avatar_url = 'avatars/%s/me.png' where user_id = %L $$,
                        tests.storage_uid('zed'), tests.storage_uid('ada')),
  '23514', null, 'profiles: a path in another user''s folder is refused');
select throws_ok(format($$ update public.profiles set cover_url = 'avatars/%s/../%s/me.png' where user_id = %L $$,
                        tests.storage_uid('ada'), tests.storage_uid('zed'), tests.storage_uid('ada')),
  '23514', null, 'profiles: a traversal path is refused');
select throws_ok(format($$ update public.profiles set avatar_url = 'event-covers/%s/me.png' where user_id = %L $$,
                        tests.storage_uid('ada'), tests.storage_uid('ada')),
  '23514', null, 'profiles: a path in the wrong bucket is refused');
reset role;

-- then: the constraint names what was wrong
select throws_ok(format($$ update public.profiles set avatar_url = 'https://x.example/a.png' where user_id = %L $$,
                        tests.storage_uid('zed')),
  '23514', 'new row for relation "profiles" violates check constraint "profiles_avatar_url_is_storage_path"',
  'profiles: the refusal names profiles_avatar_url_is_storage_path');

-- then: organizations
select lives_ok(format($$ update public.organizations set logo_url = 'organization-logos/%s/logo.png' where id = %L $$,
                       tests.storage_uid('organization:acme'), tests.storage_uid('organization:acme')),
  'organizations: a logo in the organization''s folder is accepted');
select throws_ok(format($$ update public.organizations set cover_url = 'https://cdn.example.com/c.png' where id = %L $$,
                        tests.storage_uid('organization:acme')),
  '23514', null, 'organizations: an outside cover URL is refused');

-- then: events
select lives_ok(format($$ update public.events set cover_url = 'event-covers/%s/cover.png', logo_url = 'event-covers/%s/logo.png'
                         where id = %L $$, tests.storage_uid('event:paid-night'), tests.storage_uid('event:paid-night'),
                       tests.storage_uid('event:paid-night')),
  'events: cover and logo in the event''s folder are accepted');
select throws_ok(format($$ update public.events set cover_url = 'event-covers/%s/cover.png' where id = %L $$,
                        tests.storage_uid('event:other-meetup'), tests.storage_uid('event:paid-night')),
  '23514', null, 'events: a cover in another event''s folder is refused');

-- then: event pictures
select lives_ok(format($$ insert into public.event_pictures (event_id, url) values (%L, 'event-pictures/%s/p1.jpg') $$,
                       tests.storage_uid('event:paid-night'), tests.storage_uid('event:paid-night')),
  'event_pictures: a picture in the event''s folder is accepted');
select throws_ok(format($$ insert into public.event_pictures (event_id, url) values (%L, 'https://photos.example.com/p1.jpg') $$,
                        tests.storage_uid('event:paid-night')),
  '23514', null, 'event_pictures: an outside URL is refused');

-- then: payment proofs
select lives_ok(format($$ update public.event_participants set payment_proof_url = 'payment-proofs/%s/%s/proof.pdf'
                         where event_id = %L and user_id = %L $$, tests.storage_uid('event:paid-night'), tests.storage_uid('pat'),
                       tests.storage_uid('event:paid-night'), tests.storage_uid('pat')),
  'event_participants: a proof in the participant''s own folder is accepted');
select throws_ok(format($$ update public.event_participants set payment_proof_url = 'payment-proofs/%s/%s/proof.pdf'
                          where event_id = %L and user_id = %L $$, tests.storage_uid('event:paid-night'), tests.storage_uid('zed'),
                        tests.storage_uid('event:paid-night'), tests.storage_uid('pat')),
  '23514', null, 'event_participants: a proof in another user''s folder is refused');
select throws_ok(format($$ update public.event_participants set payment_proof_url = 'https://drive.example.com/proof'
                          where event_id = %L and user_id = %L $$, tests.storage_uid('event:paid-night'), tests.storage_uid('pat')),
  '23514', null, 'event_participants: an outside proof link is refused');

-- then: proposals
select lives_ok(format($$ update public.event_proposals set file_url = 'proposal-files/%s/%s/brief.pdf' where id = %L $$,
                       tests.storage_uid('event:paid-night'), tests.storage_uid('proposal:brief'), tests.storage_uid('proposal:brief')),
  'event_proposals: a file in the proposal''s folder is accepted');
select throws_ok(format($$ update public.event_proposals set file_url = 'proposal-files/%s/brief.pdf' where id = %L $$,
                        tests.storage_uid('event:paid-night'), tests.storage_uid('proposal:brief')),
  '23514', null, 'event_proposals: a file outside the proposal''s folder is refused');

-- then: clearing a media column is always allowed
select lives_ok(format($$ update public.profiles set avatar_url = null where user_id = %L $$, tests.storage_uid('ada')),
  'profiles: removing the avatar (null) is accepted');

select * from finish();
rollback;
