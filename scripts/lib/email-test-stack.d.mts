import type { DenoService } from "./services.d.mts";

export const LOCAL_JWT_SECRET: string;
export const SERVICE_ROLE_KEY: string;
export const ANON_KEY: string;
export function localHookSecret(): string;

export interface EmailTestStack {
  dbPort: number;
  dbUrl: string;
  catcher: DenoService & { port: number; url: string };
  emailEnv: Record<string, string>;
  stop(): Promise<void>;
  startFunctions(env?: Record<string, string>): Promise<DenoService & { url: string }>;
  startWorker(env?: Record<string, string>): Promise<DenoService>;
}

export function startEmailTestStack(options?: { label?: string; seed?: boolean; catcherEnv?: Record<string, string> }): Promise<EmailTestStack>;
