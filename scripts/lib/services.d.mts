import type { ChildProcess } from "node:child_process";

export interface DenoService {
  name: string;
  child: ChildProcess;
  ready: Promise<void>;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startDenoService(options: {
  name: string;
  script: string;
  env?: NodeJS.ProcessEnv;
  readyText: string | RegExp;
  logFile?: string | null;
  timeoutMs?: number;
}): DenoService;

export function stopService(service: DenoService, signal?: NodeJS.Signals): void;

export function startMailCatcher(options?: { port?: number; env?: Record<string, string> }): Promise<DenoService & { port: number; url: string }>;
