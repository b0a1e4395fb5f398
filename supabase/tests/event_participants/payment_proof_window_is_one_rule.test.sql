-- Issue 15: ONE payment-proof window held by the database, the same for the table
-- (event_participants_payment_proof_window), Storage (private.my_payment_proof_event_ids) and the
-- participants function (private.payment_proof_window_open): paid + published, until the END;
-- rows pending or waitlisted, or rejected for their payment (re-upload). A paid walk-in, who
-- arrives after the start, can attach a proof.
begin;
select plan(10);

-- given: a paid published event under way (started 30 min ago, ends in 90 min)
select tests.create_event('paid-live', registration_type => 'paid', price => 20);
select tests.add_participant('paid-live', 'payer', status => 'pending');
select tests.add_participant('paid-live', 'refused', status => 'pending');
update public.event_participants set status = 'rejected', payment_status = 'rejected'
where user_id = tests.uid('refused');
select tests.add_participant('paid-live', 'late', status => 'pending');
update public.event_participants set status = 'rejected'  -- refused for another reason: no payment rejected
where user_id = tests.uid('late');
select tests.add_participant('paid-live', 'walker', status => 'pending', join_method => 'walk_in');
select tests.add_participant('paid-live', 'verified', status => 'accepted');
update public.events set start_datetime = now() - interval '30 minutes', end_datetime = now() + interval '90 minutes'
where id = tests.event_id('paid-live');

-- then: the table takes a new proof path inside the window only
select is(tests.violated_constraint(format($$update public.event_participants set payment_proof_url = 'payment-proofs/%s/%s/a.png'
  where user_id = %L$$, tests.event_id('paid-live'), tests.uid('payer'), tests.uid('payer'))), '',
  'a pending payer may attach a proof after the start');
select is(tests.violated_constraint(format($$update public.event_participants set payment_proof_url = 'payment-proofs/%s/%s/b.png', status = 'pending', payment_status = 'pending'
  where user_id = %L$$, tests.event_id('paid-live'), tests.uid('refused'), tests.uid('refused'))), '',
  'a payer rejected for their payment may upload a new proof (back to pending)');
select is(tests.violated_constraint(format($$update public.event_participants set payment_proof_url = 'payment-proofs/%s/%s/c.png'
  where user_id = %L$$, tests.event_id('paid-live'), tests.uid('walker'), tests.uid('walker'))), '',
  'a paid walk-in may attach a proof');
select is(tests.violated_constraint(format($$update public.event_participants set payment_proof_url = 'payment-proofs/%s/%s/d.png'
  where user_id = %L$$, tests.event_id('paid-live'), tests.uid('late'), tests.uid('late'))), 'event_participants_payment_proof_window',
  'a row rejected for another reason may not');
select is(tests.violated_constraint(format($$update public.event_participants set payment_proof_url = 'payment-proofs/%s/%s/e.png'
  where user_id = %L$$, tests.event_id('paid-live'), tests.uid('verified'), tests.uid('verified'))), 'event_participants_payment_proof_window',
  'a verified (accepted) row''s proof is evidence: never replaced');

-- then: Storage applies the same window to the same people
select tests.sign_in_as('refused');
select ok(tests.event_id('paid-live') in (select private.my_payment_proof_event_ids()),
  'Storage lets the payer rejected for their payment upload again');
select tests.sign_in_as('walker');
select ok(tests.event_id('paid-live') in (select private.my_payment_proof_event_ids()),
  'Storage lets the paid walk-in upload after the start');
select tests.sign_in_as('late');
select ok(tests.event_id('paid-live') not in (select private.my_payment_proof_event_ids()),
  'Storage refuses a row rejected for another reason');
reset role;

-- given: the event has ended (the details lock of a started event is lifted to move the clock)
alter table public.events disable trigger events_prepare;
alter table public.events disable trigger events_hold_rules;
update public.events set start_datetime = now() - interval '3 hours', end_datetime = now() - interval '1 minute'
where id = tests.event_id('paid-live');
alter table public.events enable trigger events_prepare;
alter table public.events enable trigger events_hold_rules;
select is(tests.violated_constraint(format($$update public.event_participants set payment_proof_url = 'payment-proofs/%s/%s/z.png'
  where user_id = %L$$, tests.event_id('paid-live'), tests.uid('payer'), tests.uid('payer'))), 'event_participants_payment_proof_window',
  'no proof once the event has ended');
select tests.sign_in_as('payer');
select ok(tests.event_id('paid-live') not in (select private.my_payment_proof_event_ids()),
  'and Storage agrees');
reset role;

select * from finish();
rollback;
