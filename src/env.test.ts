import { describe, expect, it } from 'vitest';
import { parseConfig } from './env.ts';

describe('parseConfig', () => {
  it('has defaults for a first start', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      demo: true,
      homeJurisdiction: 'CN',
      adapterOptions: {},
      logLevel: 'info',
    });
  });

  it('turns demo mode off in production unless asked', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', PONTIS_DEMO: 'true' }).demo).toBe(true);
    expect(parseConfig({ PONTIS_DEMO: '0' }).demo).toBe(false);
  });

  it('parses lists and JSON', () => {
    const config = parseConfig({
      PONTIS_JURISDICTIONS: 'CN, DE',
      PONTIS_ADAPTER_OPTIONS: '{"DE":{"fx":{"spreadBps":40}}}',
      PONTIS_PUBLIC_URL: 'https://gateway.example/',
      DATABASE_URL: 'postgres://u:p@db:5432/pontis',
    });
    expect(config.jurisdictions).toEqual(['CN', 'DE']);
    expect(config.adapterOptions).toEqual({ DE: { fx: { spreadBps: 40 } } });
    expect(config.publicUrl).toBe('https://gateway.example');
  });

  it('names the bad variable without echoing its value', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(attempt({ PORT: 'eighty' })).toContain('PORT');
    expect(attempt({ DATABASE_URL: 'mysql://secret-password@db' })).toContain('DATABASE_URL');
    expect(attempt({ DATABASE_URL: 'mysql://secret-password@db' })).not.toContain('secret-password');
    expect(attempt({ PONTIS_SIGNING_KEY: '{not json secret' })).not.toContain('secret');
    expect(attempt({ PONTIS_ADAPTER_OPTIONS: '[1]' })).toContain('PONTIS_ADAPTER_OPTIONS');
    expect(attempt({ PONTIS_HOME_JURISDICTION: 'cn' })).toContain('PONTIS_HOME_JURISDICTION');
    expect(attempt({ LOG_LEVEL: 'loud' })).toContain('LOG_LEVEL');
  });
});
