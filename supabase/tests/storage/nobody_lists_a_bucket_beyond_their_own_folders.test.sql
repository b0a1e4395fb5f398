-- Listing: with a file in every bucket, anon and a signed-in stranger list nothing anywhere,
-- public buckets included (their files are still downloadable by public URL, which needs no
-- policy). No SELECT policy on storage.objects lets a public bucket be listed wholesale, which is
-- what advisor lint 0025 public_bucket_allows_listing looks for.
begin;
select plan(18);

-- given: a file in each of the seven buckets
select tests.storage_user('ada');
select tests.storage_user('zed');
select tests.storage_organization('acme', owner => 'mona');
select tests.storage_event('paid-night', organizer => 'olga', is_paid => true);
select tests.storage_participant('paid-night', 'pat', role => 'audience', status => 'pending');
select tests.storage_proposal('brief', event => 'paid-night', author => 'olga');
select tests.storage_put('avatars', tests.storage_uid('ada') || '/a.png', 'ada');
select tests.storage_put('organization-logos', tests.storage_uid('organization:acme') || '/logo.png', 'mona');
select tests.storage_put('event-covers', tests.storage_uid('event:paid-night') || '/cover.png', 'olga');
select tests.storage_put('event-pictures', tests.storage_uid('event:paid-night') || '/p1.png', 'olga');
select tests.storage_put('payment-proofs', tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pat') || '/proof.png', 'pat');
select tests.storage_put('payment-qr', tests.storage_uid('event:paid-night') || '/qr.png', 'olga');
select tests.storage_put('proposal-files', tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('proposal:brief') || '/b.pdf', 'olga');

-- then: as anon
select tests.storage_act_as(null);
select is((select count(*)::int from storage.objects o where o.bucket_id = b.id), 0,
          format('%s: anon lists nothing', b.id))
from (values ('avatars'), ('organization-logos'), ('event-covers'), ('event-pictures'),
             ('payment-proofs'), ('payment-qr'), ('proposal-files')) as b(id);

-- then: as a signed-in stranger
select tests.storage_act_as('zed');
select is((select count(*)::int from storage.objects o where o.bucket_id = b.id), 0,
          format('%s: a stranger lists nothing', b.id))
from (values ('avatars'), ('organization-logos'), ('event-covers'), ('event-pictures'),
             ('payment-proofs'), ('payment-qr'), ('proposal-files')) as b(id);

-- then: a folder holder lists their own folder only
select tests.storage_act_as('ada');
select is((select array_agg(name) from storage.objects), array[tests.storage_uid('ada') || '/a.png'],
  'a user lists exactly the file in her own folder, across all buckets');
reset role;

-- then: the lint 0025 condition (a broad permissive SELECT policy for public, anon or
-- authenticated on a public bucket: no condition, `true`, or only `bucket_id = '<id>'`) is absent
select is(
  (select count(*)::int
   from storage.buckets b
   join pg_policies p on p.schemaname = 'storage' and p.tablename = 'objects'
   where b.public
     and p.cmd in ('SELECT', 'ALL') and p.permissive = 'PERMISSIVE'
     and p.roles && array['public', 'anon', 'authenticated']::name[]
     and (p.qual is null
          or regexp_replace(lower(p.qual), '\s', '', 'g') in ('true', '(true)', '1=1', '(1=1)')
          or p.qual ~* ('^\s*\(*\s*bucket_id\s*=\s*''' || b.id || '''(::text)?\s*\)*\s*$'))),
  0, 'no SELECT policy lets anyone list a public bucket wholesale (lint 0025)');
select is(
  (select count(*)::int from pg_policies where schemaname = 'storage' and tablename = 'objects'
     and roles && array['public', 'anon']::name[]),
  0, 'anon has no policy on storage.objects at all');

-- then: the check above does find a broad policy when one exists (removed by the rollback)
create policy "broad listing" on storage.objects for select to anon using (bucket_id = 'avatars');
select is(
  (select count(*)::int
   from storage.buckets b
   join pg_policies p on p.schemaname = 'storage' and p.tablename = 'objects'
   where b.public
     and p.cmd in ('SELECT', 'ALL') and p.permissive = 'PERMISSIVE'
     and p.roles && array['public', 'anon', 'authenticated']::name[]
     and p.qual ~* ('^\s*\(*\s*bucket_id\s*=\s*''' || b.id || '''(::text)?\s*\)*\s*$')),
  1, 'a policy like `bucket_id = ''avatars''` for anon would be caught');

select * from finish();
rollback;
