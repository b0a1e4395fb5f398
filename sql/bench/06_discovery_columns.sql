-- Benchmark build, step 6b: what the discovery triggers would have written during the bulk load
-- (it runs with triggers off): profile badges (approved teacher/expert/sponsor roles),
-- organization member counts, and the search document of every listable event
-- (migrations 20261204300000 and 20261204300300). The documents' GIN indexes are built once,
-- after the insert.
update public.profiles p set badges = b.badges
from (select r.user_id, array_agg(r.role order by r.role) as badges from public.user_roles r
      where r.status = 'approved' and r.role in ('teacher', 'expert', 'sponsor') group by r.user_id) b
where b.user_id = p.user_id;

update public.organizations o set member_count = c.n
from (select m.org_id, count(*)::integer as n from public.organization_members m where m.status = 'active' group by m.org_id) c
where c.org_id = o.id;

drop index private.event_search_documents_published_idx;
drop index private.event_search_documents_listed_idx;
insert into private.event_search_documents (event_id, status, search_vector, start_datetime, organizer_id, organization_id, format, type, registration_type)
select e.id, e.status, private.event_search_document(e.title, e.description, e.search_tags),
       e.start_datetime, e.organizer_id, e.organization_id, e.format, e.type, e.registration_type
from public.events e
where e.status in ('published', 'ended') and e.visibility = 'public' and e.deleted_at is null
on conflict (event_id) do nothing;
set maintenance_work_mem = '512MB';
create index event_search_documents_published_idx on private.event_search_documents using gin (search_vector) where status = 'published';
create index event_search_documents_listed_idx on private.event_search_documents using gin (search_vector);
analyze private.event_search_documents;
