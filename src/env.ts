/**
 * Configuration from environment variables, parsed by one pure function. Every variable is listed
 * in the README; an invalid value stops the gateway with a message that names the variable and
 * never echoes its value (it may be a secret).
 */
import { z } from 'zod';
import { GatewayError } from './core/errors.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PONTIS_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PONTIS_DATA_DIR: z.string().min(1).default('./data'),
  PONTIS_DEMO: bool.optional(),
  NODE_ENV: z.string().optional(),
  PONTIS_SIGNING_KEY: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON Web Key (JSON)' });
        return z.NEVER;
      }
    })
    .optional(),
  PONTIS_PUBLISHED_KEYS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JWKS or an array of public JWKs (JSON)' });
        return z.NEVER;
      }
    })
    .optional(),
  PONTIS_PSEUDONYM_KEY: z.string().min(1).optional(),
  PONTIS_KEKS: z.string().min(1).optional(),
  PONTIS_PURGE_HOURS: z.coerce.number().int().min(0).max(720).default(24),
  PONTIS_SIMULATOR_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65_535)]).optional(),
  PONTIS_CALLBACK_DISPATCH_SECONDS: z.coerce.number().int().min(0).max(3_600).default(5),
  PONTIS_HOME_JURISDICTION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code')
    .default('CN'),
  PONTIS_JURISDICTIONS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(/^[A-Z]{2}$/, 'must be a comma-separated list of upper-case codes')).min(1),
    )
    .optional(),
  PONTIS_ADAPTER_OPTIONS: z
    .string()
    .transform((text, ctx) => {
      try {
        const value = JSON.parse(text) as unknown;
        if (typeof value === 'object' && value !== null && !Array.isArray(value))
          return value as Record<string, unknown>;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object keyed by jurisdiction code' });
      return z.NEVER;
    })
    .optional(),
  PONTIS_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PONTIS_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  PONTIS_SHARED_DATA_DIR: z.string().min(1).optional(),
  PONTIS_ECB_HISTORY_FILE: z.string().min(1).optional(),
  PONTIS_ECB_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((url) => url.endsWith('/'), 'must end with /')
    .default('https://www.ecb.europa.eu/stats/eurofxref/'),
  PONTIS_FX_REFRESH_MINUTES: z.coerce.number().int().min(0).max(1_440).default(60),
  PONTIS_SANCTIONS_DIR: z.string().min(1).optional(),
  PONTIS_SANCTIONS_REFRESH_HOURS: z.coerce.number().int().min(0).max(720).optional(),
  PONTIS_SANCTIONS_OFAC_URL: z
    .url({ protocol: /^https?$/ })
    .refine(
      (url) => url.endsWith('/'),
      'must end with / (the folder holding sdn.csv, alt.csv, add.csv, sdn_comments.csv)',
    )
    .default('https://www.treasury.gov/ofac/downloads/'),
  PONTIS_SANCTIONS_UN_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://scsanctions.un.org/resources/xml/en/consolidated.xml'),
  PONTIS_SANCTIONS_EU_URL: z.url({ protocol: /^https?$/ }).optional(),
  PONTIS_SANCTIONS_UK_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  dataDir: string;
  /** Demo mode: seed demo data, generate a signing key, allow `pontis token`. */
  demo: boolean;
  signingKey: unknown;
  /** Public keys published beside the active one (the next key, and retired ones during overlap). */
  publishedKeys: unknown;
  /** Pseudonymisation master key (base64, 32 bytes); generated into the data directory in demo mode. */
  pseudonymKey: string | undefined;
  /** Key-encryption keys `<id>:<base64>`, comma-separated, the current first. */
  keks: string | undefined;
  /** Hours between retention purges (0: never on a timer; `pontis privacy purge` runs one). */
  purgeHours: number;
  /** Port of the demo agency simulator (`npm start` in demo mode): PORT + 1 by default, `off` for none. */
  simulatorPort: number | 'off';
  /** Seconds between callback deliveries on Node; 0 turns the dispatcher off. */
  callbackDispatchSeconds: number;
  homeJurisdiction: string;
  jurisdictions: string[] | undefined;
  adapterOptions: Record<string, unknown>;
  publicUrl: string | undefined;
  shutdownTimeoutSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Data shared with this checkout but never committed (`../shared/data` unless set). */
  sharedDataDir: string | undefined;
  /** The ECB history file `npm start` loads when present; defaults to the shared data's copy. */
  ecbHistoryFile: string | undefined;
  /** Where the ECB publishes its files (a mirror may be configured); ends with `/`. */
  ecbBaseUrl: string;
  /** Minutes between scheduled ECB downloads; 0 turns the schedule off. */
  fxRefreshMinutes: number;
  /** Folder of sanctions lists for the demo import (`ofac/`, `un/`); `<sharedDataDir>/sanctions` unless set. */
  sanctionsDir: string | undefined;
  /** Hours between scheduled sanctions list downloads; 0 turns the schedule off (default 0 in demo mode, else 24). */
  sanctionsRefreshHours: number;
  /** Where each publisher serves its list (OFAC: the folder of its CSV files; EU: only with its token). */
  sanctionsUrls: { ofac: string; un: string; eu: string | undefined; uk: string };
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty variables count as unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new GatewayError('configuration_invalid', `invalid configuration: ${problems.join('; ')}`);
  }
  const value = parsed.data;
  const demo = value.PONTIS_DEMO ?? value.NODE_ENV !== 'production';
  return {
    port: value.PORT,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    dbPoolSize: value.PONTIS_DB_POOL_SIZE,
    dataDir: value.PONTIS_DATA_DIR,
    demo,
    signingKey: value.PONTIS_SIGNING_KEY,
    publishedKeys: value.PONTIS_PUBLISHED_KEYS ?? [],
    pseudonymKey: value.PONTIS_PSEUDONYM_KEY,
    keks: value.PONTIS_KEKS,
    purgeHours: value.PONTIS_PURGE_HOURS,
    callbackDispatchSeconds: value.PONTIS_CALLBACK_DISPATCH_SECONDS,
    simulatorPort: value.PONTIS_SIMULATOR_PORT ?? (value.PORT === 0 ? 0 : Math.min(value.PORT + 1, 65_535)),
    homeJurisdiction: value.PONTIS_HOME_JURISDICTION,
    jurisdictions: value.PONTIS_JURISDICTIONS,
    adapterOptions: value.PONTIS_ADAPTER_OPTIONS ?? {},
    publicUrl: value.PONTIS_PUBLIC_URL?.replace(/\/+$/, ''),
    shutdownTimeoutSeconds: value.PONTIS_SHUTDOWN_TIMEOUT_SECONDS,
    logLevel: value.LOG_LEVEL,
    sharedDataDir: value.PONTIS_SHARED_DATA_DIR,
    ecbHistoryFile: value.PONTIS_ECB_HISTORY_FILE,
    ecbBaseUrl: value.PONTIS_ECB_BASE_URL,
    fxRefreshMinutes: value.PONTIS_FX_REFRESH_MINUTES,
    sanctionsDir: value.PONTIS_SANCTIONS_DIR,
    // A demo start must not reach for the internet by itself; a production gateway keeps its lists current.
    sanctionsRefreshHours: value.PONTIS_SANCTIONS_REFRESH_HOURS ?? (demo ? 0 : 24),
    sanctionsUrls: {
      ofac: value.PONTIS_SANCTIONS_OFAC_URL,
      un: value.PONTIS_SANCTIONS_UN_URL,
      eu: value.PONTIS_SANCTIONS_EU_URL,
      uk: value.PONTIS_SANCTIONS_UK_URL,
    },
  };
}
