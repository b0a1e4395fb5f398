import type { ChildProcess } from "node:child_process";

export interface DenoService {
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startDenoService(
  script: string,
  options: { env?: Record<string, string>; readyPattern: RegExp; timeoutMs?: number; label?: string },
): Promise<DenoService>;

export function startMailCatcher(options?: { port?: number; env?: Record<string, string> }): Promise<DenoService & { port: number; url: string }>;
