import { describe, expect, it } from 'vitest';
import { adapterDefinitions } from '../../../adapters/index.ts';
import { referenceAdapter } from '../../../adapters/reference/index.ts';
import { GatewayError } from '../../core/errors.ts';
import { defineJurisdictionAdapter } from '../../ports/index.ts';
import { createAdapterRegistry, deepMerge } from './registry.ts';

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('configuration_invalid');
    return (error as GatewayError).message;
  }
  throw new Error('expected configuration_invalid');
}

describe('adapter registry', () => {
  it('enables the home and partner adapters, and examples only when asked', () => {
    const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN' });
    expect(registry.list().map((adapter) => adapter.identity.code)).toEqual([
      'CN',
      'DE',
      'FR',
      'NL',
      'CH',
      'JP',
      'KR',
      'CA',
    ]);
    expect(registry.home.identity.code).toBe('CN');
    const withExamples = createAdapterRegistry(adapterDefinitions, { home: 'CN', includeExamples: true });
    expect(withExamples.get('XR')?.identity.kind).toBe('example');
  });

  it('applies operator overrides over the defaults', () => {
    const registry = createAdapterRegistry(adapterDefinitions, {
      home: 'CN',
      overrides: { DE: { fx: { corridors: { contribution: { spreadBps: 45 } } } } },
    });
    expect(registry.require('DE').fx.corridors.contribution?.spreadBps).toBe(45);
    expect(registry.require('DE').fx.corridors.contribution?.fees.fixed).toBe('1.50');
    expect(registry.require('DE').fx.corridors.benefit?.spreadBps).toBe(20);
  });

  it('refuses out-of-bounds options with the adapter and the field named', () => {
    const message = configError(() =>
      createAdapterRegistry(adapterDefinitions, {
        home: 'CN',
        overrides: { DE: { fx: { corridors: { contribution: { spreadBps: 5000 } } } } },
      }),
    );
    expect(message).toContain('adapter DE@0.2.0');
    expect(message).toContain('fx.corridors.contribution.spreadBps');
  });

  it('refuses too many decimals, unknown options, unknown codes and a missing home', () => {
    expect(
      configError(() =>
        createAdapterRegistry(adapterDefinitions, {
          home: 'CN',
          overrides: { DE: { fx: { corridors: { contribution: { fixedFee: '1.505' } } } } },
        }),
      ),
    ).toContain('fx.corridors.contribution.fixedFee');
    // Benefit fees are in CNY (two decimals) whatever the partner; JPY contributions have none.
    expect(
      configError(() =>
        createAdapterRegistry(adapterDefinitions, {
          home: 'CN',
          overrides: { JP: { fx: { corridors: { contribution: { fixedFee: '300.5' } } } } },
        }),
      ),
    ).toContain('fx.corridors.contribution.fixedFee');
    expect(
      configError(() =>
        createAdapterRegistry(adapterDefinitions, { home: 'CN', overrides: { DE: { colour: 'red' } } }),
      ),
    ).toContain('options');
    expect(
      configError(() => createAdapterRegistry(adapterDefinitions, { home: 'CN', overrides: { US: {} } })),
    ).toContain('no adapter has the code US');
    expect(configError(() => createAdapterRegistry(adapterDefinitions, { home: 'DE' }))).toContain(
      'PONTIS_HOME_JURISDICTION',
    );
  });

  it('refuses a minimum limit that cannot pay the fixed fee', () => {
    expect(
      configError(() =>
        createAdapterRegistry(adapterDefinitions, {
          home: 'CN',
          overrides: {
            DE: {
              fx: {
                corridors: {
                  contribution: { fixedFee: '12.00', limits: { min: '10.00', max: '100000.00' } },
                },
              },
            },
          },
        }),
      ),
    ).toContain('limits.min must be above fixedFee');
  });

  it('refuses bad identities', () => {
    const bad = (identity: Partial<typeof referenceAdapter.identity>) =>
      defineJurisdictionAdapter({
        ...referenceAdapter,
        identity: { ...referenceAdapter.identity, ...identity },
      });
    const build = (identity: Partial<typeof referenceAdapter.identity>) => () =>
      createAdapterRegistry([...adapterDefinitions.filter((d) => d.identity.code !== 'XR'), bad(identity)], {
        home: 'CN',
        includeExamples: true,
      });
    expect(configError(build({ code: 'BR' }))).toContain('user-assigned');
    expect(configError(build({ currency: 'XYZ' }))).toContain('ISO 4217');
    expect(configError(build({ timeZone: 'Mars/Olympus' }))).toContain('time zone');
    expect(configError(build({ version: 'one' }))).toContain('version');
    expect(
      configError(() =>
        createAdapterRegistry([...adapterDefinitions, referenceAdapter], {
          home: 'CN',
          includeExamples: true,
        }),
      ),
    ).toContain('registered twice');
  });

  it('refuses a home adapter with corridors, and calendars with wrong dates', () => {
    const badCalendar = defineJurisdictionAdapter({
      ...referenceAdapter,
      build: (options) => {
        const policies = referenceAdapter.build(options);
        return {
          ...policies,
          settlement: {
            ...policies.settlement,
            calendar: {
              ...policies.settlement.calendar,
              closingDays: ['2026-01-03', '2026-02-30', '2031-01-02'],
              openDays: ['2026-01-05'],
            },
          },
        };
      },
    });
    const message = configError(() =>
      createAdapterRegistry([...adapterDefinitions.filter((d) => d.identity.code !== 'XR'), badCalendar], {
        home: 'CN',
        includeExamples: true,
      }),
    );
    expect(message).toContain('closingDays: 2026-01-03 is a rest day');
    expect(message).toContain('closingDays: 2026-02-30 is not a date');
    expect(message).toContain('closingDays: 2031-01-02 is outside 2026–2027');
    expect(message).toContain('openDays: 2026-01-05 is not a rest day');
  });

  it('answers jurisdiction_unknown for disabled or unknown codes', () => {
    const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN' });
    expect(() => registry.require('XR')).toThrowError(
      expect.objectContaining({ code: 'jurisdiction_unknown' }),
    );
    expect(() => registry.require('ZZ')).toThrowError(
      expect.objectContaining({ code: 'jurisdiction_unknown' }),
    );
  });

  it('deep-merges plain objects and replaces arrays', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] } })).toEqual({
      a: { b: 1, c: [3] },
      d: 1,
    });
  });
});
