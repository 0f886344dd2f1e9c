/**
 * Every jurisdiction adapter, imported statically (a Workers bundle cannot load modules by name).
 * The registry (`src/services/adapters/registry.ts`) validates and enables them at boot.
 */
import type { JurisdictionAdapterDefinition } from '../src/ports/index.ts';
import { caAdapter } from './ca/index.ts';
import { chAdapter } from './ch/index.ts';
import { cnAdapter } from './cn/index.ts';
import { deAdapter } from './de/index.ts';
import { frAdapter } from './fr/index.ts';
import { jpAdapter } from './jp/index.ts';
import { krAdapter } from './kr/index.ts';
import { nlAdapter } from './nl/index.ts';
import { referenceAdapter } from './reference/index.ts';

export const adapterDefinitions: readonly JurisdictionAdapterDefinition[] = [
  referenceAdapter,
  cnAdapter,
  deAdapter,
  frAdapter,
  nlAdapter,
  chAdapter,
  jpAdapter,
  krAdapter,
  caAdapter,
];
