import { eq, inArray, sql } from 'drizzle-orm';
import type { JsonValue } from '$lib/domain/json';
import type { Db, Tx } from '../../client';
import { referenceDocuments } from '../../schema';

export async function upsertReferenceDocument(
	db: Db | Tx,
	key: string,
	content: JsonValue,
	sha256: string
): Promise<void> {
	await db
		.insert(referenceDocuments)
		.values({ key, content, sha256 })
		.onConflictDoUpdate({
			target: referenceDocuments.key,
			set: { content: sql`excluded.content`, sha256: sql`excluded.sha256`, loadedAt: sql`now()` }
		});
}

export async function getReferenceDocument(
	db: Db | Tx,
	key: string
): Promise<JsonValue | undefined> {
	const [row] = await db
		.select({ content: referenceDocuments.content })
		.from(referenceDocuments)
		.where(eq(referenceDocuments.key, key));
	return row?.content;
}

export async function getReferenceDocuments(
	db: Db | Tx,
	keys: string[]
): Promise<Map<string, JsonValue>> {
	const rows = await db
		.select({ key: referenceDocuments.key, content: referenceDocuments.content })
		.from(referenceDocuments)
		.where(inArray(referenceDocuments.key, keys));
	return new Map(rows.map((row) => [row.key, row.content]));
}

export async function getReferenceHash(db: Db | Tx, key: string): Promise<string | undefined> {
	const [row] = await db
		.select({ sha256: referenceDocuments.sha256 })
		.from(referenceDocuments)
		.where(eq(referenceDocuments.key, key));
	return row?.sha256;
}
