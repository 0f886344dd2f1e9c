import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DOCS_ASSET_FILES } from './docs.index.ts';

it('the Worker asset build copies exactly the files the docs page serves', () => {
  const script = readFileSync(
    new URL('../../../../scripts/build-worker-assets.mjs', import.meta.url),
    'utf8',
  );
  const list = /const FILES = (\[[^\]]*\]);/.exec(script)?.[1] ?? '[]';
  expect(JSON.parse(list.replaceAll("'", '"'))).toEqual([...DOCS_ASSET_FILES]);
});
