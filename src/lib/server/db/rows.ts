import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getConfig } from '../config';
import { describeMismatches, schemaMismatches } from '../schema-check';
import type { Db, Tx } from './client';

/**
 * A `timestamptz` selected in raw SQL: both drivers hand it over as text (Drizzle turns their
 * date parsing off), e.g. `2026-12-02 21:56:09.827+00`; `new Date()` reads it.
 */
export const sqlTimestamp = z.string().min(1);

/**
 * A `numeric`, such as `sum()` of a bigint column: text on both drivers, exact; convert with
 * `Number()` where it fits. (bigint itself arrives as a number on both, see `client.ts`.)
 */
export const sqlNumeric = z.string().regex(/^-?\d+(\.\d+)?$/);

/**
 * Runs raw SQL and returns its rows. PGlite and node-postgres both answer with `{ rows }`, but
 * Drizzle's shared type cannot say so; this is the one place that knows.
 *
 * `row` says what a row is, as the drivers hand it over. With `checkSchemas` on (development,
 * tests on both engines) every row is held to it, undeclared columns included, and a mismatch
 * throws; in production the rows are returned unparsed, since zod copies every row (about 30 to
 * 80 ms and a second copy of the rows for a 200,000-row export, measured on the reference
 * machine) to find nothing the tests have not. So the schema may not convert (no transforms,
 * coercion or defaults: input and output types must be the same), or the two modes would differ;
 * conversions such as `Number()` of a numeric stay in the query function.
 */
export async function queryRows<T>(db: Db | Tx, query: SQL, row: z.ZodType<T, T>): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: unknown[] };
	if (getConfig().checkSchemas) {
		result.rows.forEach((value, index) => {
			const issues = schemaMismatches(row, value);
			if (issues.length > 0) {
				throw new Error(
					`Query row ${index} does not match its schema: ${describeMismatches(issues)}`
				);
			}
		});
	}
	return result.rows as T[];
}
