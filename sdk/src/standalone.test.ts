/**
 * The SDK is usable by itself: its code imports nothing from the gateway, and no package its
 * own package.json does not declare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('./', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

describe('the partner SDK stands alone', () => {
  it('imports only its own modules, Web APIs and its declared dependencies', () => {
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const text = readFileSync(new URL(file, folder), 'utf8');
      for (const [, specifier] of text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
        if (specifier?.startsWith('.')) {
          expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[a-z0-9-]+\.ts$/);
        } else {
          expect(Object.keys(manifest.dependencies), `${file} imports ${specifier}`).toContain(specifier);
        }
      }
    }
  });
});
