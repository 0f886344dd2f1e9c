import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as aml from '../../../schemas/aml.ts';
import * as common from '../../../schemas/common.ts';
import * as compliance from '../../../schemas/compliance.ts';
import * as fx from '../../../schemas/fx.ts';
import * as health from '../../../schemas/health.ts';
import * as jurisdictions from '../../../schemas/jurisdictions.ts';
import * as ledger from '../../../schemas/ledger.ts';
import * as partners from '../../../schemas/partners.ts';
import * as privacy from '../../../schemas/privacy.ts';
import * as quotes from '../../../schemas/quotes.ts';
import * as sanctions from '../../../schemas/sanctions.ts';
import * as screening from '../../../schemas/screening.ts';
import * as transfers from '../../../schemas/transfers.ts';
import { DATA_CATEGORIES, type DataCategory, SPECIAL_CATEGORIES } from '../../ports/privacy.ts';
import {
  CLASSIFIED_FIELDS,
  CLASSIFIED_SCHEMAS,
  type Classification,
  categoryOfInsuredPersonField,
  classificationOf,
  INSURED_PERSON_CATEGORIES,
  isSpecialCategory,
  personalFieldPaths,
  qualifiedFieldPaths,
  schemaFieldPaths,
} from './classification.ts';

/** Every module of `schemas/`, by file name; a file missing here fails the first test. */
const SCHEMA_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'aml.ts': aml,
  'common.ts': common,
  'compliance.ts': compliance,
  'fx.ts': fx,
  'health.ts': health,
  'jurisdictions.ts': jurisdictions,
  'ledger.ts': ledger,
  'partners.ts': partners,
  'privacy.ts': privacy,
  'quotes.ts': quotes,
  'sanctions.ts': sanctions,
  'screening.ts': screening,
  'transfers.ts': transfers,
};

const SCHEMAS_DIR = fileURLToPath(new URL('../../../schemas/', import.meta.url));
const WHERE = 'REGISTRY in src/services/privacy/classification.ts';

interface ExportedSchema {
  readonly name: string;
  readonly file: string;
  readonly schema: z.ZodType;
  readonly paths: readonly string[];
}

/**
 * The exported zod schemas that have fields; a schema that is a single value (`Timestamp`,
 * `CurrencyCode`, `Purpose`) is classified where it is used, as a field of an object.
 */
function exportedSchemas(): ExportedSchema[] {
  const found: ExportedSchema[] = [];
  for (const [file, module] of Object.entries(SCHEMA_MODULES)) {
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType)) continue;
      const paths = qualifiedFieldPaths(name, value);
      if (paths.length === 1 && paths[0] === name) continue;
      found.push({ name, file, schema: value, paths });
    }
  }
  return found;
}

const EXPORTED = exportedSchemas();

/** The fields of `schemas` the registry does not classify, as lines of a failure message. */
function unclassified(schemas: readonly Pick<ExportedSchema, 'name' | 'file' | 'paths'>[]): string[] {
  return schemas.flatMap(({ file, paths }) =>
    paths.filter((path) => classificationOf(path) === undefined).map((path) => `${path}  (schemas/${file})`),
  );
}

function unclassifiedMessage(missing: readonly string[]): string {
  return [
    `${missing.length} field(s) in schemas/ have no privacy classification. Add each to ${WHERE}, in the`,
    `entry of its schema, under a data category of src/ports/privacy.ts or 'none' (or 'include' the`,
    'exported schema it reuses):',
    ...missing.map((line) => `  ${line}`),
  ].join('\n');
}

describe('personal-data classification registry', () => {
  it('imports every module of schemas/', () => {
    const files = readdirSync(SCHEMAS_DIR)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
      .sort();
    expect(
      files,
      'a file in schemas/ is not imported by src/services/privacy/classification.test.ts: add it to SCHEMA_MODULES',
    ).toEqual(Object.keys(SCHEMA_MODULES).sort());
  });

  it('names every exported schema once across schemas/', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { name, file } of EXPORTED) {
      const other = seen.get(name);
      if (other !== undefined) clashes.push(`${name}: schemas/${other} and schemas/${file}`);
      seen.set(name, file);
    }
    expect(clashes, 'the registry is keyed by export name: rename one of them').toEqual([]);
  });

  it('classifies every field of every exported schema', () => {
    expect(EXPORTED.length).toBeGreaterThan(50);
    const missing = unclassified(EXPORTED);
    expect(missing, unclassifiedMessage(missing)).toEqual([]);
  });

  it('has no stale entries: every classified field exists', () => {
    const existing = new Set(EXPORTED.flatMap(({ paths }) => paths));
    const stale = [...CLASSIFIED_FIELDS.keys()].filter((path) => !existing.has(path));
    expect(
      stale,
      `classified fields that no longer exist in schemas/: remove or rename them in ${WHERE}:\n  ${stale.join('\n  ')}`,
    ).toEqual([]);
    const names = new Set(EXPORTED.map(({ name }) => name));
    expect(CLASSIFIED_SCHEMAS.filter((name) => !names.has(name))).toEqual([]);
  });

  it('classifies an exported schema reused inside another the same way everywhere', () => {
    const byIdentity = new Map<z.core.$ZodType, ExportedSchema>(
      EXPORTED.map((entry) => [entry.schema, entry]),
    );
    const mismatches: string[] = [];
    let reuses = 0;
    for (const outer of EXPORTED) {
      schemaFieldPaths(outer.schema, (at, node) => {
        const inner = byIdentity.get(node);
        if (inner === undefined || node === outer.schema) return;
        reuses += 1;
        for (const innerPath of schemaFieldPaths(inner.schema)) {
          const here = qualify(qualify(outer.name, at), innerPath);
          const there = qualify(inner.name, innerPath);
          if (classificationOf(here) !== classificationOf(there)) {
            mismatches.push(`${here} is ${classificationOf(here)}, ${there} is ${classificationOf(there)}`);
          }
        }
      });
    }
    expect(reuses).toBeGreaterThan(10);
    expect(mismatches, `use 'include' in ${WHERE} for a reused schema`).toEqual([]);
  });

  it('uses every data category but transaction for the insured person, and transaction elsewhere', () => {
    const used = new Set(personalFieldPaths('InsuredPerson').map((path) => classificationOf(path)));
    const personal = DATA_CATEGORIES.filter((category) => category !== 'transaction');
    expect(personal.filter((category) => !used.has(category))).toEqual([]);
    expect(used.has('transaction')).toBe(false);
    expect(classificationOf('Transfer.reference')).toBe('transaction');
    expect(classificationOf('TransferRequest.reference')).toBe('transaction');
  });

  it('classifies the insured person field by field', () => {
    const expected: Record<string, Classification> = {
      'InsuredPerson.nationalIdentifier.scheme': 'national_identifier',
      'InsuredPerson.nationalIdentifier.value': 'national_identifier',
      'InsuredPerson.name.given': 'name',
      'InsuredPerson.name.family': 'name',
      'InsuredPerson.name.original': 'name',
      'InsuredPerson.birthDate': 'birth_date',
      'InsuredPerson.address.lines[]': 'address',
      'InsuredPerson.address.postalCode': 'address',
      'InsuredPerson.address.city': 'address',
      'InsuredPerson.address.country': 'address',
      'InsuredPerson.contact.email': 'contact',
      'InsuredPerson.contact.phone': 'contact',
      'InsuredPerson.bankAccount.iban': 'bank_account',
      'InsuredPerson.bankAccount.accountNumber': 'bank_account',
      'InsuredPerson.bankAccount.bic': 'bank_account',
      'InsuredPerson.benefit.type': 'benefit_information',
      'InsuredPerson.benefit.period': 'benefit_information',
      'InsuredPerson.health.incapacityPercent': 'health_information',
      'InsuredPerson.preferredLanguage': 'contact',
    };
    expect(
      Object.fromEntries(personalFieldPaths('InsuredPerson').map((p) => [p, classificationOf(p)])),
    ).toEqual(expected);
    expect(qualifiedFieldPaths('InsuredPerson', privacy.InsuredPerson).sort()).toEqual(
      Object.keys(expected).sort(),
    );
  });

  it('treats health and benefit information as special categories, and only them', () => {
    expect(isSpecialCategory('health_information')).toBe(true);
    expect(isSpecialCategory('benefit_information')).toBe(true);
    expect([...SPECIAL_CATEGORIES].sort()).toEqual(['benefit_information', 'health_information']);
    for (const category of ['national_identifier', 'name', 'bank_account', 'transaction', 'none'] as const) {
      expect(isSpecialCategory(category)).toBe(false);
    }
    expect(classificationOf('InsuredPerson.health.incapacityPercent')).toSatisfy(
      (c: Classification) => c !== 'none' && isSpecialCategory(c),
    );
  });

  it('keeps pseudonymous ids and category lists out of the personal categories', () => {
    for (const path of [
      'InsuredPersonView.dataSubjectId',
      'InsuredPersonView.disclosedCategories[]',
      'DataSubject.id',
      'DataSubject.pseudonyms.aml',
      'DataSubject.pseudonyms.audit',
      'DataSubject.heldCategories[]',
      'SubjectExport.dataSubjectId',
      'Partner.name',
      'Partner.callbackUrl',
      'Quote.sourceAmount',
      'Transfer.id',
    ]) {
      expect(classificationOf(path), path).toBe('none');
    }
  });

  it('maps every top-level key of InsuredPerson to its category, as the registry does', () => {
    const keys = Object.keys(privacy.InsuredPerson.shape).sort();
    expect(Object.keys(INSURED_PERSON_CATEGORIES).sort()).toEqual(keys);
    for (const path of qualifiedFieldPaths('InsuredPerson', privacy.InsuredPerson)) {
      const key = path.slice('InsuredPerson.'.length).split(/[.[{]/)[0] ?? '';
      expect(classificationOf(path), path).toBe(
        INSURED_PERSON_CATEGORIES[key as keyof privacy.InsuredPerson],
      );
      expect(categoryOfInsuredPersonField(key)).toBe(classificationOf(path));
    }
    expect(categoryOfInsuredPersonField('reason')).toBeUndefined();
    expect(categoryOfInsuredPersonField('toString')).toBeUndefined();
    const categories: DataCategory[] = Object.values(INSURED_PERSON_CATEGORIES);
    expect(new Set(categories).size).toBe(DATA_CATEGORIES.length - 1);
  });

  it('reports a new field nobody classified', () => {
    const Extended = privacy.InsuredPerson.extend({
      religion: z.string().optional(),
      employer: z.object({ name: z.string(), sites: z.array(z.object({ city: z.string() })) }).nullable(),
    });
    const missing = unclassified([
      { name: 'InsuredPerson', file: 'privacy.ts', paths: qualifiedFieldPaths('InsuredPerson', Extended) },
    ]);
    expect(missing).toEqual([
      'InsuredPerson.religion  (schemas/privacy.ts)',
      'InsuredPerson.employer.name  (schemas/privacy.ts)',
      'InsuredPerson.employer.sites[].city  (schemas/privacy.ts)',
    ]);
    const message = unclassifiedMessage(missing);
    expect(message).toContain('InsuredPerson.religion');
    expect(message).toContain('src/services/privacy/classification.ts');
  });
});

function qualify(base: string, path: string): string {
  if (path === '') return base;
  if (base === '') return path;
  return path.startsWith('[') || path.startsWith('{') ? `${base}${path}` : `${base}.${path}`;
}

describe('schemaFieldPaths', () => {
  it('walks nested objects, arrays and every wrapper', () => {
    const Leafy = z.object({ a: z.string() });
    const schema = z.object({
      plain: z.string(),
      optional: Leafy.optional(),
      exactOptional: Leafy.exactOptional(),
      nullish: Leafy.nullish(),
      withDefault: z.object({ d: z.string() }).default({ d: 'x' }),
      withPrefault: z.object({ p: z.string() }).prefault({ p: 'x' }),
      caught: z.object({ c: z.string() }).catch({ c: '' }),
      readonly: z.object({ r: z.string() }).readonly(),
      nonOptional: z.object({ n: z.string() }).optional().nonoptional(),
      refined: z.object({ e: z.string() }).refine(() => true),
      lazy: z.lazy(() => z.object({ l: z.string() })),
      transformed: z.object({ t: z.string() }).transform((value) => value.t),
      preprocessed: z.preprocess((value) => value, z.object({ q: z.string() })),
      piped: z.string().pipe(z.string().min(1)),
      codec: z.codec(z.string(), z.number(), { decode: Number, encode: String }),
      promised: z.promise(z.object({ m: z.string() })),
      list: z.array(z.array(z.object({ deep: z.string() }))),
      strings: z.array(z.string()).min(1),
      set: z.set(z.number()),
    });
    expect(schemaFieldPaths(schema)).toEqual([
      'plain',
      'optional.a',
      'exactOptional.a',
      'nullish.a',
      'withDefault.d',
      'withPrefault.p',
      'caught.c',
      'readonly.r',
      'nonOptional.n',
      'refined.e',
      'lazy.l',
      'transformed.t',
      'preprocessed.q',
      'piped',
      'codec',
      'promised.m',
      'list[][].deep',
      'strings[]',
      'set[]',
    ]);
  });

  it('walks unions, intersections, tuples, records, maps and catchall', () => {
    const schema = z
      .object({
        union: z.union([z.object({ u1: z.string() }), z.object({ u2: z.string(), u1: z.string() })]),
        discriminated: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('a'), x: z.string() }),
          z.object({ kind: z.literal('b'), y: z.string() }),
        ]),
        stringOrObject: z.union([z.string(), z.object({ o: z.string() })]),
        both: z.intersection(z.object({ left: z.string() }), z.object({ right: z.string() })),
        tuple: z.tuple([z.string(), z.object({ t: z.string() })], z.number()),
        byName: z.record(z.string(), z.object({ v: z.string() })),
        byEnum: z.record(z.enum(['x', 'y']), z.number()),
        map: z.map(z.string(), z.string()),
        loose: z.looseObject({ k: z.string() }),
        strict: z.strictObject({ s: z.string() }),
        'odd.key': z.string(),
      })
      .catchall(z.string());
    expect(schemaFieldPaths(schema)).toEqual([
      'union.u1',
      'union.u2',
      'discriminated.kind',
      'discriminated.x',
      'discriminated.y',
      'stringOrObject',
      'stringOrObject.o',
      'both.left',
      'both.right',
      'tuple[0]',
      'tuple[1].t',
      'tuple[]',
      'byName{key}',
      'byName{}.v',
      'byEnum{}',
      'map{key}',
      'map{}',
      'loose.k',
      'loose.*',
      'strict.s',
      '["odd.key"]',
      '*',
    ]);
    expect(qualifiedFieldPaths('Odd', schema)).toContain('Odd["odd.key"]');
    expect(qualifiedFieldPaths('Odd', schema)).toContain('Odd.*');
    expect(qualifiedFieldPaths('List', z.array(z.object({ id: z.string() })))).toEqual(['List[].id']);
  });

  it('stops at recursion and gives a scalar schema as one empty path', () => {
    type Tree = { name: string; children: Tree[] };
    const Tree: z.ZodType<Tree> = z.lazy(() => z.object({ name: z.string(), children: z.array(Tree) }));
    expect(schemaFieldPaths(Tree)).toEqual(['name', 'children[]']);
    const Node = z.object({
      label: z.string(),
      get next() {
        return Node.optional();
      },
    });
    expect(schemaFieldPaths(Node)).toEqual(['label', 'next']);
    expect(schemaFieldPaths(z.string())).toEqual(['']);
    expect(schemaFieldPaths(quotes.Purpose)).toEqual(['']);
  });

  it('finds the insured person inside other schemas', () => {
    expect(schemaFieldPaths(privacy.SubjectExport)).toContain('person.nationalIdentifier.value');
    expect(schemaFieldPaths(privacy.DataSubject)).toContain('person.health.incapacityPercent');
    expect(schemaFieldPaths(privacy.SubjectExport)).toContain('transfers[].legalBases[].article');
  });
});
