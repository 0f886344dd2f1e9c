import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES } from '../../src/core/errors.ts';

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

  it('the README gives the two commands', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
