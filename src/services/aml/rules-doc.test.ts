import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AML_RULES_DOC, generateAmlRulesDoc } from '../../../scripts/aml-rules-doc.ts';
import { AML_PARAMETER_PATHS } from '../../ports/index.ts';
import { GENERATED_BEGIN, GENERATED_END, withGeneratedSection } from './rules-doc.ts';
import { REASON_CODES } from './types.ts';

const committed = readFileSync(AML_RULES_DOC, 'utf8');

describe('docs/aml-rules.md', () => {
  it('is up to date with the adapters’ declarations and the FATF data', () => {
    expect(
      committed === generateAmlRulesDoc(),
      'docs/aml-rules.md is stale: run `npx tsx scripts/aml-rules-doc.ts` and commit the result',
    ).toBe(true);
  });

  it('lists every parameter and explains every reason code', () => {
    for (const path of AML_PARAMETER_PATHS) expect(committed, path).toContain(`\`${path}\``);
    for (const code of REASON_CODES) expect(committed, code).toContain(`\`${code}\``);
  });

  it('replaces only its generated section', () => {
    const document = `intro\n${GENERATED_BEGIN}\nold\n${GENERATED_END}\noutro\n`;
    expect(withGeneratedSection(document, `${GENERATED_BEGIN}\nnew\n${GENERATED_END}`)).toBe(
      `intro\n${GENERATED_BEGIN}\nnew\n${GENERATED_END}\noutro\n`,
    );
    expect(() => withGeneratedSection('no markers', 'x')).toThrow(/markers/);
  });
});
