-- private.register_for_event refuses an account that is not active (rule 7.1: suspension bites at
-- once), with the error the registrations function turns into 403. Found by mutation testing
-- (npm run test:security): removing that check from the function failed no assertion.
begin;
select plan(2);

-- given: an open event and a suspended member
select tests.create_user('sar_org');
select tests.create_event('SarOpen', organizer => 'sar_org', max_participant => 10);
select tests.create_user('sar_sue');
update public.users set status = 'suspended', suspended_reason = 'test' where id = tests.uid('sar_sue');

-- then
select throws_ok(format('select private.register_for_event(%L, %L)', tests.event_id('SarOpen'), tests.uid('sar_sue')),
  '42501', format('Cannot register for event "%s": the account is not active', 'SarOpen'), 'a suspended account is refused');
select is((select count(*)::int from public.event_participants where event_id = tests.event_id('SarOpen') and user_id = tests.uid('sar_sue')),
  0, 'and no participant row is written');

select * from finish();
rollback;
