-- Purpose: the seven Storage buckets ATAS uses, with their visibility, size limit and MIME types.
-- Touches: rows in storage.buckets only (no schema change).
-- `supabase start` creates the same buckets from `[storage.buckets.*]` in supabase/config.toml;
-- this migration makes them exist on a hosted project after `db push` and in the local test
-- database. Existing rows are left alone (`on conflict do nothing`) so a bucket tuned on the
-- dashboard is never overwritten by a replay. tests/storage/buckets-match-config.test.ts checks
-- that these rows and config.toml agree. Limits are bytes (MiB = 1024 × 1024).
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  -- profile pictures and covers: <user id>/<file>
  ('avatars', 'avatars', true, 2 * 1024 * 1024,
    array['image/png', 'image/jpeg', 'image/webp']),
  -- organization logos and covers: <organization id>/<file>
  ('organization-logos', 'organization-logos', true, 2 * 1024 * 1024,
    array['image/png', 'image/jpeg', 'image/webp']),
  -- event logos and covers: <event id>/<file>
  ('event-covers', 'event-covers', true, 5 * 1024 * 1024,
    array['image/png', 'image/jpeg', 'image/webp']),
  -- event gallery: <event id>/<file>
  ('event-pictures', 'event-pictures', true, 10 * 1024 * 1024,
    array['image/png', 'image/jpeg', 'image/webp']),
  -- private; read through signed URLs: <event id>/<participant user id>/<file>
  ('payment-proofs', 'payment-proofs', false, 5 * 1024 * 1024,
    array['image/png', 'image/jpeg', 'image/webp', 'application/pdf']),
  -- private; read through signed URLs: <event id>/<file>
  ('payment-qr', 'payment-qr', false, 2 * 1024 * 1024,
    array['image/png', 'image/jpeg', 'image/webp']),
  -- private; read through signed URLs: <event id>/<proposal id>/<file>
  ('proposal-files', 'proposal-files', false, 20 * 1024 * 1024,
    array[
      'application/pdf',
      'image/png',
      'image/jpeg',
      'image/webp',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation'
    ])
on conflict (id) do nothing;
