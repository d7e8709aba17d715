/**
 * The review list: rows of a member or participant list without a valid CVR number. An analyst
 * confirms the suggested company (or enters the right CVR number), which adds the row to the
 * list, or rejects it; nothing is matched without a person deciding.
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { cleanCvr, isValidCvr } from '$lib/domain/companies/cvr';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import {
	closeReviewRow,
	findOpenReviewRow,
	insertConfirmedRow,
	listOpenReviewRows,
	listRecentImports
} from '../../db/queries/companies/review';
import { clearFigures } from '../../db/queries/companies/cache';
import { refreshPresence } from '../../db/queries/companies/presence';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';

export async function companyWorkbench(ctx: Ctx) {
	requireRole(ctx, 'analyst');
	const [review, imports] = await Promise.all([
		listOpenReviewRows(ctx.db),
		listRecentImports(ctx.db)
	]);
	return { review, imports };
}

const DecisionSchema = z.object({
	id: z.coerce.number().int().positive(),
	decision: z.enum(['confirm', 'reject']),
	cvr: z.string().trim().max(20).optional()
});

export async function decideReviewRow(ctx: Ctx, input: unknown): Promise<void> {
	requireRole(ctx, 'analyst');
	const o = { locale: ctx.locale };
	const { id, decision, cvr } = parseInput(DecisionSchema, input, ctx.locale);
	const row = await findOpenReviewRow(ctx.db, id);
	if (!row) throw new NotFoundError(m.company_review_gone({}, o));
	const chosen = decision === 'confirm' ? cleanCvr(cvr || row.suggestedCvr || '') : null;
	if (decision === 'confirm' && (!chosen || !isValidCvr(chosen)))
		throw new ValidationError(m.validation_failed({}, o), [
			{ path: ['cvr'], message: m.company_review_cvr({ value: cvr ?? '' }, o) }
		]);
	await ctx.db.transaction(async (tx) => {
		const closed = await closeReviewRow(
			tx,
			id,
			decision === 'confirm' ? 'confirmed' : 'rejected',
			actorLabel(ctx.actor)
		);
		if (!closed) throw new ConflictError(m.company_review_gone({}, o));
		if (chosen && row.clusterId && row.year && row.kind !== 'register') {
			await insertConfirmedRow(tx, {
				importId: row.importId,
				clusterId: row.clusterId,
				year: row.year,
				kind: row.kind as 'members' | 'participants',
				cvr: chosen
			});
			await refreshPresence(tx, { clusterId: row.clusterId, year: row.year });
		}
		await clearFigures(tx);
		await recordAudit(tx, ctx, {
			entity: 'company-review',
			entityId: id,
			action: 'update',
			before: row,
			after: { decision, cvr: chosen }
		});
	});
}
