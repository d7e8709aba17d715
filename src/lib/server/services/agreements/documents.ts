/**
 * Documents attached to an agreement (the signed agreement, annexes, minutes). They are stored in
 * the database, so a backup holds them. Each upload is size-limited and its type is read from the
 * file's content (its magic bytes), not from its name or the browser's claim.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { actorLabel } from '$lib/domain/access';
import { NotFoundError, ValidationError } from '$lib/domain/errors';
import { formatNumber } from '$lib/format';
import {
	deleteDocument,
	findDocument,
	insertDocument,
	listDocuments,
	type DocumentListRow,
	type DocumentRow
} from '../../db/queries/agreements/documents';
import { m } from '../../i18n';
import { requireRole } from '../access';
import { agreementOrThrow } from './agreements';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS = 40;

/** The kinds of file an agreement can carry, by the type found in their content. */
export const allowedDocumentTypes: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
	'application/vnd.oasis.opendocument.text': 'ODT',
	'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG'
};

function refuse(ctx: Ctx, message: string): ValidationError {
	return new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
		{ path: ['file'], message }
	]);
}

/** A file name safe to store and send back: no folders, no control characters, not too long. */
export function cleanFilename(name: string): string {
	const cleaned = basename(name.replace(/\\/g, '/'))
		// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
		.replace(/[\u0000-\u001f\u007f]/g, '')
		.trim();
	return (cleaned || 'dokument').slice(0, 200);
}

/**
 * The name in plain ASCII (æ → ae, ø → oe, å → aa) for the download header's fallback field; the
 * full name goes in its UTF-8 field, which browsers prefer.
 */
export function asciiName(name: string): string {
	return name
		.replace(/æ/g, 'ae')
		.replace(/Æ/g, 'Ae')
		.replace(/ø/g, 'oe')
		.replace(/Ø/g, 'Oe')
		.replace(/å/g, 'aa')
		.replace(/Å/g, 'Aa')
		.normalize('NFKD')
		.replace(/[^\x20-\x7e]/g, '_');
}

export async function uploadDocument(
	ctx: Ctx,
	agreementId: number,
	file: { name: string; bytes: Uint8Array }
): Promise<DocumentListRow> {
	requireRole(ctx, 'analyst');
	const agreement = await agreementOrThrow(ctx, agreementId);
	const o = { locale: ctx.locale };
	if (file.bytes.byteLength === 0) throw refuse(ctx, m.document_empty({}, o));
	if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) {
		throw refuse(
			ctx,
			m.document_too_large(
				{ max: `${formatNumber(MAX_DOCUMENT_BYTES / 1024 / 1024, ctx.locale)} MB` },
				o
			)
		);
	}
	const type = await fileTypeFromBuffer(file.bytes);
	if (!type || !(type.mime in allowedDocumentTypes)) {
		throw refuse(
			ctx,
			m.document_wrong_type({ allowed: Object.values(allowedDocumentTypes).join(', ') }, o)
		);
	}
	if ((await listDocuments(ctx.db, agreement.id)).length >= MAX_DOCUMENTS) {
		throw refuse(ctx, m.document_too_many({ max: MAX_DOCUMENTS }, o));
	}
	const content = Buffer.from(file.bytes);
	return ctx.db.transaction(async (tx) => {
		const row = await insertDocument(tx, {
			agreementId: agreement.id,
			filename: cleanFilename(file.name),
			mediaType: type.mime,
			size: content.byteLength,
			sha256: createHash('sha256').update(content).digest('hex'),
			content,
			uploadedByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'agreement-document',
			entityId: row.id,
			action: 'create',
			after: row
		});
		return row;
	});
}

export async function getDocument(ctx: Ctx, agreementId: number, id: number): Promise<DocumentRow> {
	requireRole(ctx, 'viewer');
	const row = Number.isInteger(id) ? await findDocument(ctx.db, agreementId, id) : undefined;
	if (!row) throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
	return row;
}

export async function removeDocument(ctx: Ctx, agreementId: number, id: number): Promise<void> {
	requireRole(ctx, 'analyst');
	await ctx.db.transaction(async (tx) => {
		const row = await deleteDocument(tx, agreementId, id);
		if (!row) throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
		await recordAudit(tx, ctx, {
			entity: 'agreement-document',
			entityId: id,
			action: 'delete',
			before: row
		});
	});
}
