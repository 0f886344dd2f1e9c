/**
 * Wire contracts of the sanctions lists the gateway holds: the active version of each list (its
 * hash, publication and import times, counts and what changed) and the log of import attempts.
 * List metadata only: no entry, and nothing about a person.
 */
import { z } from '@hono/zod-openapi';
import { SANCTIONS_SOURCES } from '../src/ports/sanctions.ts';
import { Timestamp } from './common.ts';

const Source = z
  .enum(SANCTIONS_SOURCES)
  .openapi({ description: 'The list: OFAC SDN, UN Security Council, EU, UK.' });
const Trigger = z.enum(['file', 'refresh', 'demo']).openapi({
  description: '`file`: `pontis sanctions import`; `refresh`: the scheduled download; `demo`: a demo start.',
});

export const SanctionsListVersion = z
  .object({
    object: z.literal('sanctions_list_version'),
    source: Source,
    versionId: z.string().openapi({ example: 'slv_01KAT2Y0SJ3W6M0Q9ZC4X1V7B8' }),
    sha256: z.string().openapi({
      description:
        'SHA-256 (hex) of the imported bytes; for OFAC, of its CSV files in a fixed order with their names.',
    }),
    publishedAt: Timestamp.nullable().openapi({
      description: 'The publisher’s own generation date, when the file states one.',
    }),
    importedAt: Timestamp,
    trigger: Trigger,
    origin: z.string().openapi({ description: 'The file name, or the URL without its query.' }),
    entryCount: z.number().int(),
    nameCount: z
      .number()
      .int()
      .openapi({ description: 'Names over all entries: primary, aliases, original script.' }),
    added: z.number().int().openapi({ description: 'Entries not in the previous version.' }),
    changed: z
      .number()
      .int()
      .openapi({ description: 'Entries of the previous version whose content changed.' }),
    removed: z.number().int().openapi({ description: 'Entries of the previous version no longer listed.' }),
  })
  .openapi('SanctionsListVersion');

export const SanctionsLists = z
  .object({
    object: z.literal('list'),
    data: z
      .array(SanctionsListVersion)
      .openapi({ description: 'The active version of each list that has one.' }),
    missing: z
      .array(Source)
      .openapi({ description: 'Lists with no active version: screening against them holds.' }),
  })
  .openapi('SanctionsLists');

export const SanctionsImport = z
  .object({
    id: z.string().openapi({ example: 'sli_01KAT2Y0SJ3W6M0Q9ZC4X1V7B8' }),
    object: z.literal('sanctions_import'),
    source: Source,
    trigger: Trigger,
    origin: z.string(),
    status: z.enum(['loaded', 'unchanged', 'failed']),
    sha256: z
      .string()
      .nullable()
      .openapi({ description: 'Null when the download failed before there were bytes.' }),
    versionId: z.string().nullable().openapi({ description: 'The version loaded, or found unchanged.' }),
    errorCode: z.string().nullable().openapi({ example: 'sanctions_file_invalid' }),
    error: z.string().nullable().openapi({ description: 'What was wrong and where (file, line or entry).' }),
    createdAt: Timestamp,
  })
  .openapi('SanctionsImport');

export const SanctionsImportQuery = z
  .object({
    source: Source.optional().openapi({ param: { name: 'source', in: 'query' } }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(20)
      .openapi({ param: { name: 'limit', in: 'query' }, example: 20 }),
  })
  .strict();

export const SanctionsImports = z
  .object({
    object: z.literal('list'),
    data: z.array(SanctionsImport).openapi({ description: 'The most recent attempts, newest first.' }),
  })
  .openapi('SanctionsImports');
