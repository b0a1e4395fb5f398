// Runs one pgbench workload and reads its per-transaction log (microseconds) into percentiles.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const PGBENCH = "/usr/lib/postgresql/15/bin/pgbench";

/**
 * pgbench -n -f script with the given client count, for `seconds` or `transactions` per client.
 * Returns { latenciesMs (sorted), tps, processed, failed, aborted, output }.
 */
export async function runPgbench({ port, user, script, clients, threads, seconds, transactions, defines = {}, mode = "prepared", statementTimeoutMs = 5000 }) {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "atas-bench-log-"));
  const args = [
    "-n", "-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", "postgres",
    "-M", mode, "-c", String(clients), "-j", String(threads ?? Math.min(clients, os.cpus().length)),
    "-f", script, "-l", `--log-prefix=${path.join(logDir, "tx")}`,
    ...(transactions ? ["-t", String(transactions)] : ["-T", String(seconds)]),
    ...Object.entries(defines).flatMap(([k, v]) => ["-D", `${k}=${v}`]),
  ];
  const output = await new Promise((resolve, reject) => {
    // The statement timeout bounds every statement of every workload (bypass runs included: the
    // owner has none of its own), so a plan that goes wrong fails the run instead of stalling it.
    const child = spawn(PGBENCH, args, { env: { ...process.env, PGPASSWORD: "postgres", PGOPTIONS: `-c statement_timeout=${statementTimeoutMs}` } });
    let text = "";
    child.stdout.on("data", (d) => { text += d; });
    child.stderr.on("data", (d) => { text += d; });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, text }));
  });
  // Log lines: client_id transaction_no latency_us script_no epoch_s epoch_us. Debian's pgbench 15
  // logs some transactions with latency 0 (seen: 8,599 of 11,808 in a 2 s run), and counts them in
  // its own average; so a transaction's latency here is the time since the same client's previous
  // transaction ended (clients run back to back). A client's first transaction has no such start
  // and is left out.
  const records = [];
  for (const file of fs.readdirSync(logDir)) {
    for (const line of fs.readFileSync(path.join(logDir, file), "utf8").split("\n")) {
      const parts = line.trim().split(/\s+/);
      if (parts.length >= 6 && parts[2] !== "skipped" && parts[2] !== "failed") {
        records.push({ client: Number(parts[0]), number: Number(parts[1]), endMs: Number(parts[4]) * 1000 + Number(parts[5]) / 1000 });
      }
    }
  }
  records.sort((a, b) => a.client - b.client || a.number - b.number);
  for (let i = 0; i < records.length; i++) {
    const previous = records[i - 1];
    const record = records[i];
    record.startMs = previous && previous.client === record.client ? previous.endMs : null;
    record.latencyMs = record.startMs === null ? null : record.endMs - record.startMs;
  }
  const latenciesMs = records.filter((r) => r.latencyMs !== null).map((r) => r.latencyMs).sort((a, b) => a - b);
  fs.rmSync(logDir, { recursive: true, force: true });
  const processed = Number(/number of transactions actually processed: (\d+)/.exec(output.text)?.[1] ?? 0);
  const failed = Number(/number of failed transactions: (\d+)/.exec(output.text)?.[1] ?? 0);
  const aborted = (output.text.match(/client \d+ aborted/g) ?? []).length;
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output.text)?.[1] ?? 0);
  if (output.code !== 0 && processed === 0) {
    throw new Error(`pgbench ${path.basename(script)} failed (exit ${output.code}):\n${output.text.trim()}`);
  }
  return { latenciesMs, transactions: records, tps, processed, failed, aborted, output: output.text };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
}

/** Names the failing statement: pgbench says "aborted in command N"; N counts the script's
 * commands (SQL statements and backslash meta-commands) from 0. */
export function describeFailure(script, output) {
  const commands = [];
  let current = "";
  for (const line of fs.readFileSync(script, "utf8").split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("--")) continue;
    if (trimmed.startsWith("\\")) {
      commands.push(trimmed);
      continue;
    }
    current += `${line}\n`;
    if (trimmed.endsWith(";")) {
      commands.push(current.trim());
      current = "";
    }
  }
  const errors = [...new Set(output.split("\n").filter((l) => /error|aborted|timeout/i.test(l)).map((l) => l.trim()))].slice(0, 6);
  const index = Number(/aborted in command (\d+)/.exec(output)?.[1]);
  const statement = Number.isInteger(index) && commands[index] ? commands[index] : "(statement not identified)";
  return `script ${path.basename(script)}, command ${Number.isInteger(index) ? index : "?"}:\n  ${statement.slice(0, 600)}\n${errors.join("\n")}`;
}
