/** Serves Swagger UI's files from node_modules on Node (Workers serve them from the assets binding). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

let root: string | undefined;

export async function nodeDocsAsset(file: string): Promise<Response | undefined> {
  root ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const type = CONTENT_TYPES[file.slice(file.lastIndexOf('.'))];
  if (!type) return undefined;
  try {
    const content = await readFile(join(root, file));
    return new Response(content, {
      headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' },
    });
  } catch {
    return undefined;
  }
}
