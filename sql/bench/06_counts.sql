-- Step 06: the counts, ratings and shown reviewers the triggers keep (private.count_follow,
-- private.refresh_review_aggregates, private.set_shown_reviewer), computed once from step 05.
set session_replication_role = replica;
set synchronous_commit = off;

update public.profiles p set following_count = c.n
from (select follower_id, count(*) n from public.follows group by 1) c where p.user_id = c.follower_id;
update public.profiles p set followers_count = c.n
from (select followee_id, count(*) n from public.follows where followee_id is not null group by 1) c where p.user_id = c.followee_id;
update public.organizations o set followers_count = c.n
from (select org_id, count(*) n from public.follows where org_id is not null group by 1) c where o.id = c.org_id;

update public.events e set (reviews_count, average_rating) = (c.n, c.avg)
from (select event_id, count(*) n, round(avg(rating), 2) avg from public.reviews where event_id is not null group by 1) c
where e.id = c.event_id;
update public.profiles p set (reviews_count, average_rating) = (c.n, c.avg)
from (select reviewee_id, count(*) n, round(avg(rating), 2) avg from public.reviews where reviewee_id is not null group by 1) c
where p.user_id = c.reviewee_id;
update public.organizations o set (reviews_count, average_rating) = (c.n, c.avg)
from (select org_id, count(*) n, round(avg(rating), 2) avg from public.reviews where org_id is not null group by 1) c
where o.id = c.org_id;

-- reviews.shown_reviewer_id: what the reviews_set_shown_reviewer trigger would write.
update public.reviews r set shown_reviewer_id = r.reviewer_id
from public.profiles p where p.user_id = r.reviewer_id and p.is_listed;

-- reviews.organization_is_listed: what the reviews_set_organization_listing trigger would write.
update public.reviews r set organization_is_listed = true
from public.organizations o
where o.id = r.org_id and o.status = 'approved' and o.visibility = 'public' and o.deleted_at is null;
