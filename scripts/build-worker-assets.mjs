#!/usr/bin/env node
/**
 * Copies Swagger UI's vendored files from node_modules/swagger-ui-dist into public/docs/assets/,
 * where the Workers assets binding serves them at /docs/assets/<file> before the Worker runs
 * (`/docs` and `/docs/init.js` come from the app). wrangler.toml runs this as its [build]
 * command, so `wrangler dev` and `wrangler deploy` produce them. public/ is git-ignored.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Keep in step with DOCS_ASSET_FILES in src/http/routes/docs/docs.index.ts.
const FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = dirname(createRequire(join(root, 'package.json')).resolve('swagger-ui-dist/package.json'));
const publicDir = join(root, 'public');
const target = join(publicDir, 'docs', 'assets');

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const file of FILES) copyFileSync(join(source, file), join(target, file));

// Static assets skip the app's middleware, so they get their headers here (Workers `_headers`).
writeFileSync(
  join(publicDir, '_headers'),
  [
    '/docs/assets/*',
    '  Cache-Control: public, max-age=86400',
    '  X-Content-Type-Options: nosniff',
    '  Cross-Origin-Resource-Policy: same-origin',
    '',
  ].join('\n'),
);

console.log(`worker assets: ${FILES.length} files in ${relative(root, target)}`);
