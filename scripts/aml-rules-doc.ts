/**
 * Writes the generated section of docs/aml-rules.md (parameters, defaults and bounds per partner,
 * hold policies, the FATF listings in force) from the adapters' declarations and the FATF data.
 * Needs no database. Run `npx tsx scripts/aml-rules-doc.ts` after changing an adapter's AML
 * declaration or src/services/aml/fatf.ts; `--check` only compares and exits 1 when it is stale.
 * A test (src/services/aml/rules-doc.test.ts) fails when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterDefinitions } from '../adapters/index.ts';
import { createAdapterRegistry } from '../src/services/adapters/registry.ts';
import { amlRulesMarkdown, withGeneratedSection } from '../src/services/aml/rules-doc.ts';

export const AML_RULES_DOC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'aml-rules.md');

/** docs/aml-rules.md as the generator leaves it: the production jurisdictions, no examples. */
export function generateAmlRulesDoc(): string {
  const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN', includeExamples: false });
  return withGeneratedSection(readFileSync(AML_RULES_DOC, 'utf8'), amlRulesMarkdown(registry));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const generated = generateAmlRulesDoc();
  const stale = readFileSync(AML_RULES_DOC, 'utf8') !== generated;
  if (process.argv.includes('--check')) {
    console.log(stale ? 'docs/aml-rules.md is stale' : 'docs/aml-rules.md is up to date');
    process.exitCode = stale ? 1 : 0;
  } else {
    writeFileSync(AML_RULES_DOC, generated);
    console.log(stale ? 'wrote docs/aml-rules.md' : 'docs/aml-rules.md was up to date');
  }
}
