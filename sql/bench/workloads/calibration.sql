-- Floor: the PostgREST request transaction around select 1 (anon claims).
begin isolation level read committed read only;
select set_config('search_path', '"public", "extensions"', true), set_config('role', :role, true), set_config('request.jwt.claims', '{"role":"anon"}', true), set_config('request.method', 'GET', true), set_config('request.path', '/rpc/ping', true), set_config('request.headers', '{"accept":"application/json","user-agent":"atas-bench","x-client-info":"supabase-js/2"}', true), set_config('request.cookies', '{}', true);
select 1;
commit;
