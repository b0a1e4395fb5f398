-- auth.uid(), auth.role(), auth.email() and auth.jwt() read request.jwt.claims as PostgREST sets it.
begin;
select plan(7);

-- given: no request claims
select is(auth.uid(), null, 'auth.uid() is null without claims');
select is(auth.jwt(), null, 'auth.jwt() is null without claims');

-- given: a signed-in request
select set_config('request.jwt.claims',
  '{"sub":"8f0c3a52-7a44-4f5e-9d4b-1d2b3c4d5e6f","role":"authenticated","email":"ada@atas.test","aal":"aal1"}', true);
-- then
select is(auth.uid(), '8f0c3a52-7a44-4f5e-9d4b-1d2b3c4d5e6f'::uuid, 'auth.uid() is the sub claim');
select is(auth.role(), 'authenticated', 'auth.role() is the role claim');
select is(auth.email(), 'ada@atas.test', 'auth.email() is the email claim');
select is(auth.jwt() ->> 'aal', 'aal1', 'auth.jwt() returns every claim');

-- given: an empty setting (what remains after a request ends)
select set_config('request.jwt.claims', '', true);
select is(auth.uid(), null, 'an empty setting counts as no claims');

select * from finish();
rollback;
