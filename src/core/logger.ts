/**
 * Structured logs: one JSON object per line. Fields whose names suggest personal data or secrets
 * are replaced before anything is written, whatever the caller passed.
 */

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
    write(JSON.stringify(record, (_key, item) => (typeof item === 'bigint' ? item.toString() : item)));
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}
