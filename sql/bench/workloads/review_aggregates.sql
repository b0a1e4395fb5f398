-- review aggregates: GET /rest/v1/organizations?select=id,name,average_rating,reviews_count,followers_count&id=eq.<id> as a user (ratings and counts are trigger-kept columns).
\set n random(:lo, :hi)
\set o random(1, 20)
begin isolation level read committed read only;
select set_config('search_path', '"public", "extensions"', true), set_config('role', :role, true), set_config('request.jwt.claims', bench.claims(:n), true), set_config('request.method', 'GET', true), set_config('request.path', '/organizations', true), set_config('request.headers', '{"accept":"application/json","user-agent":"atas-bench","x-client-info":"supabase-js/2"}', true), set_config('request.cookies', '{}', true);
WITH pgrst_source AS ( SELECT "public"."organizations"."id", "public"."organizations"."name", "public"."organizations"."average_rating", "public"."organizations"."reviews_count", "public"."organizations"."followers_count" FROM "public"."organizations"  WHERE  "public"."organizations"."id" = md5('org:' || :o)::uuid  ) SELECT null::bigint AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, coalesce(json_agg(_postgrest_t), '[]') AS body, nullif(current_setting('response.headers', true), '') AS response_headers, nullif(current_setting('response.status', true), '') AS response_status, '' AS response_inserted FROM ( SELECT * FROM pgrst_source ) _postgrest_t;
commit;
