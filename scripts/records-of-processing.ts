/**
 * Writes docs/records-of-processing.md, the GDPR Art. 30 records of processing, from the adapters'
 * declarations: the production jurisdictions (home CN, no example adapters) with their default
 * options. Needs no database. Run it with `npm run docs:records` after changing an adapter's
 * privacy policy; `--check` only compares and exits 1 when the committed file is stale.
 * A test (src/services/privacy/records-of-processing.test.ts) fails when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterDefinitions } from '../adapters/index.ts';
import { createAdapterRegistry } from '../src/services/adapters/registry.ts';
import {
  jurisdictionNames,
  recordsOfProcessing,
  recordsOfProcessingMarkdown,
} from '../src/services/privacy/records-of-processing.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const RECORDS_OF_PROCESSING_DOC = resolve(root, 'docs', 'records-of-processing.md');

/** The document as the generator writes it. */
export function generateRecordsOfProcessingMarkdown(): string {
  const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN', includeExamples: false });
  // The Markdown carries no generation time, so the clock does not matter.
  const records = recordsOfProcessing(registry, { now: new Date(0) });
  return recordsOfProcessingMarkdown(records, jurisdictionNames(registry));
}

function main(args: readonly string[]): void {
  const markdown = generateRecordsOfProcessingMarkdown();
  const target = relative(root, RECORDS_OF_PROCESSING_DOC);
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(RECORDS_OF_PROCESSING_DOC, 'utf8');
    } catch {
      // A missing file is stale too.
    }
    if (current !== markdown) {
      console.error(`${target} is stale: run \`npm run docs:records\``);
      process.exitCode = 1;
      return;
    }
    console.log(`${target} is up to date`);
    return;
  }
  writeFileSync(RECORDS_OF_PROCESSING_DOC, markdown);
  console.log(`records of processing: wrote ${target}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
