-- Every lookup the storage.objects policies make goes through an index: the membership sets
-- (private.my_*_ids) and the proposal-folder check. storage.objects itself is searched by
-- (bucket_id, name) and by name prefix with the Storage service's own indexes.
begin;
select plan(7);

-- then
select has_index('public', 'events', 'events_organizer_id_idx', 'events by organizer (my_organized_event_ids)');
select has_index('public', 'event_participants', 'event_participants_user_id_idx',
  'participants by user (team, organizer and payment-proof sets)');
select has_index('public', 'organization_members', 'organization_members_user_id_idx',
  'memberships by user (my_managed_organization_ids)');
select has_index('public', 'event_proposals', 'event_proposals_event_id_idx', 'proposals by event (proposal folders)');
select has_index('public', 'event_participants', 'event_participants_proposal_id_idx',
  'invitations by proposal (linked invitees read proposal files)');
select has_index('storage', 'objects', 'bucketid_objname', 'objects by bucket and name (the Storage service''s lookups)');
select has_index('storage', 'objects', 'name_prefix_search', 'objects by name prefix (listing a folder)');

select * from finish();
rollback;
