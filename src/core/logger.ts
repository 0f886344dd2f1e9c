/**
 * Structured logs: one JSON object per line. Fields whose names suggest personal data or secrets
 * are replaced before anything is written, whatever the caller passed; and every string of every
 * line (message, values, keys) loses what looks like an IBAN, an e-mail address or a phone number.
 */
import { redactPatterns } from './redaction.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Field names never written to a log, at any depth (compared in lower case, without _ and -). */
const REDACTED_KEYS = new Set([
  'authorization',
  'cookie',
  'token',
  'password',
  'secret',
  'signingkey',
  'privatekey',
  'd',
  'databaseurl',
  'name',
  'firstname',
  'lastname',
  'fullname',
  'birthdate',
  'dateofbirth',
  'address',
  'email',
  'phone',
  'iban',
  'account',
  'nationalid',
  'identifier',
  'reference',
  'body',
]);

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = REDACTED_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''))
      ? '[redacted]'
      : redact(item, depth + 1);
  }
  return out;
}

/**
 * The JSON.stringify replacer of every line: bigints as strings, and the pattern backstop
 * (`redactPatterns`: IBANs, e-mail addresses, phone numbers) on every string and every key, at any
 * depth. Working on the values rather than the serialised line keeps the line valid JSON.
 */
function scrub(_key: string, item: unknown): unknown {
  if (typeof item === 'string') return redactPatterns(item);
  if (typeof item === 'bigint') return item.toString();
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const keys = Object.keys(item);
    if (keys.some((key) => redactPatterns(key) !== key)) {
      const out: Record<string, unknown> = {};
      for (const key of keys) out[redactPatterns(key)] = (item as Record<string, unknown>)[key];
      return out;
    }
  }
  return item;
}

export function createLogger(
  level: LogLevel | 'silent' = 'info',
  write: (line: string) => void = (line) => console.log(line),
  base: LogFields = {},
): Logger {
  const emit = (at: LogLevel, message: string, fields: LogFields = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    const record = {
      time: new Date().toISOString(),
      level: at,
      msg: message,
      ...base,
      ...(redact(fields) as LogFields),
    };
    write(JSON.stringify(record, scrub));
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}
