import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterDefinitions } from '../../adapters/index.ts';
import { ERROR_CATALOGUE, ERROR_CODES } from '../../src/core/errors.ts';
import { createAdapterRegistry } from '../../src/services/adapters/registry.ts';
import { retentionYearsFor } from '../../src/services/privacy/retention-rules.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('documentation stays true', () => {
  it('docs/api.md lists every error code with its status', () => {
    const api = read('docs/api.md');
    for (const code of ERROR_CODES) {
      expect(api, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${ERROR_CATALOGUE[code].status} \\|`));
    }
  });

  it('the README lists every configuration variable that src/env.ts reads', () => {
    const readme = read('README.md');
    const env = read('src/env.ts');
    const variables = [...env.matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map((match) => match[1]);
    expect(variables.length).toBeGreaterThan(10);
    for (const variable of variables) expect(readme, variable).toContain(`\`${variable}\``);
  });

  it('docs/privacy.md names every jurisdiction’s legal basis, authority and retention', () => {
    const privacy = read('docs/privacy.md');
    const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN', includeExamples: false });
    for (const adapter of registry.list()) {
      const { outboundTransfer, supervisoryAuthority, retentionYears } = adapter.privacy;
      const code = adapter.identity.code;
      expect(privacy, `${code} article`).toContain(outboundTransfer.article);
      expect(privacy, `${code} authority`).toContain(supervisoryAuthority.article);
      // The retention row of the country: transactions are the last column.
      const row = privacy
        .split('\n')
        .find((line) => /^\| [A-Z, ]+ \|( [0-9 /]+ \|)+$/.test(line) && line.split('|')[1]?.includes(code));
      expect(row, `${code} retention row`).toBeDefined();
      const transactions = retentionYearsFor(adapter, registry.home, 'transaction');
      expect(
        row?.trim().endsWith(`| ${transactions} |`),
        `${code}: ${row} vs ${transactions} (${retentionYears.transaction})`,
      ).toBe(true);
    }
  });

  it('the README gives the two commands', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
