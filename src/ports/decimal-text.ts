import { z } from 'zod';

/** A non-negative decimal string in the wire grammar ("0", "12.50"); never a JS number. */
export const decimalText = z
  .string()
  .regex(/^(0|[1-9][0-9]*)(\.[0-9]+)?$/, 'a decimal string such as "12.50"');
