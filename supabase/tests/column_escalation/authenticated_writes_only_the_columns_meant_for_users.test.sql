-- Column escalation (issue 4, "Must show"): for every table in public and every column, a signed-in
-- user's INSERT and UPDATE touching it is refused with 42501 unless the column is on the list
-- below — the columns users are meant to write (plain owner edits). Status, role, owner, counts,
-- ratings, verification, timestamps and every column of rule-carrying tables are off the list.
-- Allowed columns are checked too (no error; the statement matches no row), so the list is exact.
-- Statements use `where false`: privileges are checked before any row is touched.
begin;

-- given
select tests.create_user('pia');
create temporary table writable (table_name text primary key, insertable text[], updatable text[]) on commit drop;
insert into writable values
  ('users', '{}', '{}'),
  ('user_roles', '{}', '{}'),
  ('profiles', '{}', '{full_name,bio,title,availability,today_status,avatar_url,cover_url,linkedin_url,github_url,instagram_url,twitter_url,website_url,country,city,origin_country,can_be_speaker,intents,visibility}'),
  ('user_onboardings', '{}', '{step,flags,onboarding_data}'),
  ('tags', '{name}', '{name}'),
  ('skills', '{name}', '{name}'),
  ('categories', '{name}', '{name}'),
  ('profile_tags', '{profile_id,tag_id}', '{}'),
  ('profile_skills', '{profile_id,skill_id,level}', '{level}'),
  ('educations', '{user_id,org_id,qualification,field_of_study,school,start_datetime,end_datetime,resume_url,remark}',
                 '{org_id,qualification,field_of_study,school,start_datetime,end_datetime,resume_url,remark}'),
  ('job_experiences', '{user_id,org_id,title,description,start_datetime,end_datetime}',
                      '{org_id,title,description,start_datetime,end_datetime}'),
  ('organizations', '{}', '{name,logo_url,cover_url,description,website_url,location,type,visibility}'),
  ('organization_bank_details', '{organization_id,bank_name,account_number,holder_name}', '{bank_name,account_number,holder_name}'),
  ('organization_members', '{}', '{}'),
  ('events', '{organizer_id,organization_id,title,description,logo_url,cover_url,remark,format,type,start_datetime,end_datetime,timezone,registration_type,visibility,auto_accept_registration,is_attendance_enabled,max_participant,venue_place_id,venue_remark,price,currency}',
             '{title,description,logo_url,cover_url,remark,format,type,start_datetime,end_datetime,timezone,registration_type,visibility,auto_accept_registration,is_attendance_enabled,max_participant,venue_place_id,venue_remark,price,currency}'),
  ('event_meeting_links', '{event_id,meeting_url}', '{meeting_url}'),
  ('event_payment_details', '{event_id,payment_qr_url}', '{payment_qr_url}'),
  ('event_categories', '{event_id,category_id}', '{}'),
  ('event_pictures', '{event_id,url,caption,sort_order}', '{url,caption,sort_order}'),
  ('event_proposals', '{event_id,created_by_user_id,title,description,file_url}', '{title,description,file_url}'),
  ('event_proposal_comments', '{proposal_id,user_id,content}', '{content}'),
  ('event_walk_in_tokens', '{event_id,label,max_uses,expires_at,is_active}', '{label,max_uses,expires_at,is_active}'),
  ('event_participants', '{}', '{}'),
  ('event_reminders', '{event_id,user_id,option}', '{}'),
  ('event_checklist_items', '{event_id,title,description,is_completed,visibility,audience_role,link_url,sort_order,due_datetime}',
                            '{title,description,is_completed,visibility,audience_role,link_url,sort_order,due_datetime}'),
  ('event_checklist_assignments', '{item_id,user_id,event_id}', '{}'),
  ('event_checklist_item_files', '{item_id,proposal_id,event_id}', '{}'),
  ('reviews', '{}', '{}'),
  ('follows', '{follower_id,followee_id,org_id}', '{}'),
  ('notifications', '{}', '{is_read}'),
  ('notification_preferences', '{user_id,kind,email_enabled}', '{email_enabled}'),
  ('communication_logs', '{}', '{}'),
  ('audit_logs', '{}', '{}');

create temporary table cases on commit drop as
select c.table_name, c.column_name, op.operation,
       case when c.column_name = any (case op.operation when 'insert' then w.insertable else w.updatable end)
            then 'hidden' else 'forbidden' end as expected,
       case op.operation
         when 'insert' then format('insert into public.%I (%I) select %I from public.%I where false',
                                   c.table_name, c.column_name, c.column_name, c.table_name)
         else format('update public.%I set %I = %I where false', c.table_name, c.column_name, c.column_name)
       end as statement
from information_schema.columns c
join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
left join writable w on w.table_name = c.table_name
cross join (values ('insert'), ('update')) as op (operation)
where c.table_schema = 'public'
  -- Generated columns cannot be written by anyone (Postgres refuses with 428C9); nothing to guard.
  and c.is_generated = 'NEVER';

select plan((select count(*)::integer from cases) + 1);

-- then: every public table is on the list (a new table must decide its writable columns)
select is_empty(
  $$ select t.table_name from information_schema.tables t
     where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
       and t.table_name not in (select table_name from writable) $$,
  'every table in public has a declared set of user-writable columns');

select is(
  tests.attempt('pia', statement),
  expected,
  format('%s.%s: an authenticated %s %s', table_name, column_name, operation,
         case expected when 'hidden' then 'is allowed' else 'is refused' end))
from cases
order by table_name, column_name, operation;

select * from finish();
rollback;
