/**
 * What the database drivers (PGlite, postgres.js) report, read through drizzle's wrapping: the
 * SQLSTATE or socket code, and the constraint at fault.
 */

export interface DriverError {
  code?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  cause?: unknown;
  name?: unknown;
}

/** The error and its causes, outermost first (drizzle wraps the driver's error), at most 5 deep. */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; chain.length < 5 && current !== null && typeof current === 'object'; ) {
    chain.push(current);
    current = (current as DriverError).cause;
  }
  return chain;
}

/** The first error in the chain that carries a driver code or SQLSTATE. */
export function driverError(error: unknown): (DriverError & { code: string }) | undefined {
  return causeChain(error).find(
    (item): item is DriverError & { code: string } => typeof (item as DriverError).code === 'string',
  );
}

/** A unique-constraint violation (SQLSTATE 23505), optionally of the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driver = driverError(error);
  if (driver?.code !== '23505') return false;
  return constraint === undefined || (driver.constraint_name ?? driver.constraint) === constraint;
}
