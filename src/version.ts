/**
 * The gateway's version. A constant rather than an import of package.json, so that the Worker
 * bundle does not carry the whole manifest; `version.test.ts` keeps the two equal.
 */
export const VERSION = '0.1.0';
