/**
 * Configuration, parsed once from the environment into a frozen object. Every invalid variable is reported
 * at once, so a person fixing a deployment sees the whole list rather than one error per restart.
 */
import path from 'node:path';
import { z } from 'zod';

const duration = z.string().regex(/^\d+$/, 'must be a whole number of seconds').transform(Number);
const whole = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);

const schema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a port number')
    .transform(Number)
    .refine((p) => p > 0 && p < 65536, 'must be 1..65535')
    .default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  LAWGAP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must start with postgres:// (leave unset for the embedded SQLite database)',
    )
    .optional(),
  PUBLIC_URL: z.url('must be a URL such as https://lawgap.example.org').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('lawgap <no-reply@localhost>'),
  SESSION_IDLE_SECONDS: duration.default(15 * 60),
  SESSION_ABSOLUTE_SECONDS: duration.default(8 * 60 * 60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LAWGAP_SECRET_KEY: z
    .string()
    .refine(isSecretKey, 'must be 32 random bytes as base64 or 64 hex digits (openssl rand -base64 32)')
    .optional(),
  ALLOW_PRIVATE_WEBHOOK_HOSTS: z.enum(['0', '1', 'true', 'false']).optional(),
  ALERTS_INTERVAL_SECONDS: duration.default(30),
  RATE_LIMIT_PER_MINUTE: z
    .string()
    .regex(/^[1-9]\d*$/, 'must be a whole number above 0')
    .transform(Number)
    .default(600),
  PETITION_SIGN_PER_MINUTE: z
    .string()
    .regex(/^[1-9]\d*$/, 'must be a whole number above 0')
    .transform(Number)
    .default(60),
  PETITION_CHALLENGE_WORK: whole.default(20000),
  PETITION_LIMIT_IP_HOUR: whole.default(20),
  PETITION_LIMIT_UNSOLVED_IP_HOUR: whole.default(5),
  PETITION_LIMIT_PETITION_MINUTE: whole.default(1000),
  SHED_MAX_EVENT_LOOP_DELAY_MS: whole.default(2000),
  SHED_MAX_HEAP_MB: whole.default(0),
  SHED_MAX_IN_FLIGHT: whole.default(128),
  SHED_MAX_EVENT_LOOP_UTILIZATION: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a fraction from 0 (off) to 1, such as 0.98')
    .transform(Number)
    .default(0.98),
  MAIL_LEASE_SECONDS: z
    .string()
    .regex(/^[1-9]\d*$/, 'must be a whole number of seconds above 0')
    .transform(Number)
    .default(120),
  NODE_ENV: z.string().optional(),
  DATA_LICENSE: z.enum(['CC-BY-4.0', 'CC0-1.0', 'ODbL-1.0']).default('CC-BY-4.0'),
  DATA_PUBLISHER: z.string().trim().min(1).max(200).default('lawgap'),
  QUICK_EXIT_URL: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL of a neutral site' })
    .default('https://www.google.com/'),
  EMBED_FRAME_ANCESTORS: z
    .string()
    .trim()
    .refine(
      (v) => v.split(/\s+/).every((x) => x === '*' || /^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(x)),
      "must be * or origins such as https://partner.example separated by spaces (no paths, no 'none')",
    )
    .default('*'),
});

function isSecretKey(text: string): boolean {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return true;
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(text) && Buffer.from(text, 'base64').length === 32;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  publicUrl: string;
  /** Whether cookies carry `Secure` (everywhere except plain-http localhost). */
  secureCookies: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Key for fields encrypted at rest (webhook secrets, subscriber emails); null: `<dataDir>/secret.key`. */
  secretKey: string | null;
  /** Whether webhook URLs may name loopback or private hosts (default: only when NODE_ENV=test). */
  allowPrivateWebhookHosts: boolean;
  /** Seconds between background alert dispatch runs in the server; 0 disables the loop. */
  alertsIntervalSeconds: number;
  /** Requests per minute one client address may make (all routes). Raise only for load tests on loopback. */
  rateLimitPerMinute: number;
  /** Petition signatures per minute one client address may post. Raise only for load tests on loopback. */
  petitionSignPerMinute: number;
  /** Petition abuse controls (docs/petitions.md): proof-of-work size, limits past which signatures are marked. */
  petitionAbuse: {
    /** The largest counter a sign challenge hides (the solver tries about half of it on average). */
    challengeWork: number;
    /** Signatures per client address per petition per hour that may count. */
    perIpHour: number;
    /** Of those, signatures without a solved challenge (no JavaScript) that may count. */
    unsolvedPerIpHour: number;
    /** Signatures per petition per minute that may count. */
    perPetitionMinute: number;
  };
  /**
   * Load shedding: 503 + Retry-After past this event-loop delay (ms), heap (MB) or event-loop utilisation
   * (fraction of the last second the loop was busy), or with this many requests already in progress; 0
   * switches a check off.
   */
  shedding: { maxEventLoopDelayMs: number; maxHeapMb: number; maxUtilization: number; maxInFlight: number };
  /** Seconds a mail sender holds an outbox message before another may send it again (after a crash). */
  mailLeaseSeconds: number;
  /** The licence of the open-data downloads (one of an allowed list; CC BY 4.0 by default). */
  dataLicense: 'CC-BY-4.0' | 'CC0-1.0' | 'ODbL-1.0';
  /** Who publishes the open data, as named in how to cite it. */
  dataPublisher: string;
  /** Where the quick-exit control of the rights pages goes (a neutral https site); default www.google.com. */
  quickExitUrl?: string;
  /** Who may frame the `/embed/` routes (CSP frame-ancestors): `*` or origins; every other route: nobody. */
  embedFrameAncestors?: readonly string[];
}

/** Thrown when the environment is invalid; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Parses the environment into a frozen Config; throws ConfigError listing every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.SESSION_IDLE_SECONDS > e.SESSION_ABSOLUTE_SECONDS) {
    throw new ConfigError(['SESSION_IDLE_SECONDS: must not exceed SESSION_ABSOLUTE_SECONDS']);
  }
  const publicUrl = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.LAWGAP_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    publicUrl: publicUrl.toString().replace(/\/$/, ''),
    secureCookies: !isLocalHttp(publicUrl),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    sessionIdleSeconds: e.SESSION_IDLE_SECONDS,
    sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_SECONDS,
    logLevel: e.LOG_LEVEL,
    secretKey: e.LAWGAP_SECRET_KEY ?? null,
    allowPrivateWebhookHosts:
      e.ALLOW_PRIVATE_WEBHOOK_HOSTS === undefined
        ? e.NODE_ENV === 'test'
        : ['1', 'true'].includes(e.ALLOW_PRIVATE_WEBHOOK_HOSTS),
    alertsIntervalSeconds: e.ALERTS_INTERVAL_SECONDS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    petitionSignPerMinute: e.PETITION_SIGN_PER_MINUTE,
    mailLeaseSeconds: e.MAIL_LEASE_SECONDS,
    dataLicense: e.DATA_LICENSE,
    dataPublisher: e.DATA_PUBLISHER,
    quickExitUrl: e.QUICK_EXIT_URL,
    embedFrameAncestors: Object.freeze(e.EMBED_FRAME_ANCESTORS.split(/\s+/)),
    petitionAbuse: {
      challengeWork: Math.max(2, e.PETITION_CHALLENGE_WORK),
      perIpHour: e.PETITION_LIMIT_IP_HOUR,
      unsolvedPerIpHour: e.PETITION_LIMIT_UNSOLVED_IP_HOUR,
      perPetitionMinute: e.PETITION_LIMIT_PETITION_MINUTE,
    },
    shedding: {
      maxEventLoopDelayMs: e.SHED_MAX_EVENT_LOOP_DELAY_MS,
      maxHeapMb: e.SHED_MAX_HEAP_MB,
      maxUtilization: e.SHED_MAX_EVENT_LOOP_UTILIZATION,
      maxInFlight: e.SHED_MAX_IN_FLIGHT,
    },
  });
}
