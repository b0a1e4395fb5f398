// The capacity invariant under real concurrency (rule 7.9), which a single-session pgTAP file
// cannot show: a throwaway cluster (migrations + test helpers, no seed), an event with CAPACITY
// audience seats, and ATTEMPTS separate connections that each insert an accepted registration at
// the same moment. The row lock on the event inside the participant trigger must let exactly
// CAPACITY through and refuse the rest with the named constraint.
//   node scripts/check-capacity-race.mjs [--capacity 10] [--attempts 60] [--pg 17]
import postgres from "postgres";
import { parseOptions } from "./lib/args.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";
import { dbUrl } from "./lib/database.mjs";

const { capacity, attempts, pg: major } = parseOptions({
  capacity: { type: "number", default: 10, min: 1, help: "audience seats" },
  attempts: { type: "number", default: 60, min: 1, help: "concurrent registrations" },
  pg: { type: "number", default: 15, min: 15, help: "Postgres major version (15 or 17)" },
}, { usage: "usage: node scripts/check-capacity-race.mjs [options]" });

const cluster = await startThrowawayCluster({ major, label: "race", seed: false });
const admin = postgres(dbUrl({ port: cluster.port }), { max: 1, onnotice: () => {} });
// At most 80 connections (the cluster allows 100); the rest queue on them, still overlapping.
const racers = postgres(dbUrl({ port: cluster.port }), { max: Math.min(attempts, 80), onnotice: () => {} });
let exitCode = 1;
try {
  await admin`select tests.create_event('race', organizer => 'rita', max_participant => ${capacity})`;
  await admin`select tests.create_user('racer' || g) from generate_series(1, ${attempts}) as g`;
  const ids = await admin`select tests.uid('racer' || g) as id from generate_series(1, ${attempts}) as g`;
  const [{ id: eventId }] = await admin`select tests.event_id('race') as id`;

  // Every attempt is sent at once; each runs in its own transaction on its own connection.
  const results = await Promise.allSettled(
    ids.map(({ id }) =>
      racers`insert into public.event_participants (event_id, user_id, join_method, status)
             values (${eventId}, ${id}, 'registered', 'accepted')`),
  );
  const accepted = results.filter((r) => r.status === "fulfilled").length;
  const refusals = results.filter((r) => r.status === "rejected").map((r) => r.reason?.constraint_name ?? r.reason?.message);
  const fullRefusals = refusals.filter((name) => name === "event_participants_capacity_available").length;
  const [{ stored, rows }] = await admin`
    select e.participant_count as stored,
           (select count(*)::int from public.event_participants p
            where p.event_id = e.id and p.role = 'audience' and p.status = 'accepted') as rows
    from public.events e where e.id = ${eventId}`;

  console.log(`capacity ${capacity}, ${attempts} concurrent registrations (PG ${major}):`);
  console.log(`  accepted ${accepted}, refused as full ${fullRefusals}, other errors ${refusals.length - fullRefusals}`);
  console.log(`  accepted rows ${rows}, stored participant_count ${stored}`);
  const others = [...new Set(refusals.filter((name) => name !== "event_participants_capacity_available"))];
  if (others.length > 0) console.log(`  other errors: ${others.join("; ")}`);
  const ok = accepted === Math.min(capacity, attempts) && rows === accepted && stored === accepted
    && fullRefusals === attempts - accepted;
  console.log(ok ? "OK: never oversold, every refusal named" : "FAIL: the capacity invariant did not hold");
  exitCode = ok ? 0 : 1;
} finally {
  await racers.end();
  await admin.end();
  cluster.stop();
}
process.exit(exitCode);
