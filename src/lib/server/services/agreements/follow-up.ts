/**
 * Following agreements up: the calendar of measurements due, agreements ending and annual
 * reviews; reminders to the responsible users (by SMTP when configured, else in the outbox), each
 * sent once per item; and the annual review record.
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { isoOf, type IsoDate } from '$lib/domain/agreements/dates';
import {
	followUpItems,
	reviewDecisions,
	type FollowUpItem
} from '$lib/domain/agreements/follow-up';
import { ValidationError } from '$lib/domain/errors';
import { formatDate, type Locale } from '$lib/format';
import { listAgreements } from '../../db/queries/agreements/agreements';
import {
	claimReminder,
	listReviews,
	upsertReview,
	type ReviewRow
} from '../../db/queries/agreements/reviews';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import { hasRole, requireRole } from '../access';
import { loadKpiBoard } from './kpis';
import { agreementOrThrow } from './agreements';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { deliver } from '../mail';

/** How far ahead the calendar looks. */
export const HORIZON_DAYS = 60;

export async function followUpFor(
	ctx: Ctx,
	regionCode: string | null,
	today: IsoDate
): Promise<FollowUpItem[]> {
	const rows = await listAgreements(ctx.db, {
		regionCode: regionCode ?? undefined,
		status: 'active'
	});
	const [board, reviews] = await Promise.all([
		loadKpiBoard(ctx, rows),
		listReviews(
			ctx.db,
			rows.map((r) => r.id)
		)
	]);
	return followUpItems(
		rows.map((row) => ({
			id: row.id,
			title: row.title,
			cluster: row.clusterName,
			startsOn: row.startsOn,
			endsOn: row.endsOn,
			status: row.status,
			responsible: row.responsibleEmail,
			reviewedYears: reviews.filter((r) => r.agreementId === row.id).map((r) => r.year),
			kpis: (board.get(row.id) ?? []).flatMap((g) =>
				g.kpis.map((k) => ({
					id: k.id,
					name: k.name,
					dueOn: k.dueOn,
					frequency: k.frequency,
					manual: !k.automatic,
					measurements: k.measurements
				}))
			)
		})),
		today,
		HORIZON_DAYS
	);
}

export interface FollowUpPage {
	today: IsoDate;
	overdue: FollowUpItem[];
	upcoming: FollowUpItem[];
	canSend: boolean;
}

export async function getFollowUp(
	ctx: Ctx,
	regionCode: string,
	now = new Date()
): Promise<FollowUpPage> {
	requireRole(ctx, 'viewer');
	const today = isoOf(now);
	const items = await followUpFor(ctx, regionCode, today);
	return {
		today,
		overdue: items.filter((i) => i.overdue),
		upcoming: items.filter((i) => !i.overdue),
		canSend: hasRole(ctx, 'analyst')
	};
}

export function itemText(item: FollowUpItem, locale: Locale): string {
	const o = { locale };
	const date = formatDate(item.dueOn, locale);
	switch (item.kind) {
		case 'measurement':
			return m.followup_measurement(
				{ kpi: item.kpiName ?? '', agreement: item.agreementTitle, date },
				o
			);
		case 'ending':
			return m.followup_ending({ agreement: item.agreementTitle, date }, o);
		case 'review':
			return m.followup_review({ agreement: item.agreementTitle, year: item.year ?? '', date }, o);
	}
}

/**
 * Sends one reminder per due item (overdue, or due within 14 days) that has a responsible user
 * and has not been reminded of before. Used by the follow-up page, the CLI and the server's daily
 * run. Returns how many went out.
 */
export async function sendDueReminders(
	ctx: Ctx,
	baseUrl: string,
	now = new Date()
): Promise<{ sent: number; withoutRecipient: number }> {
	requireRole(ctx, 'analyst');
	const today = isoOf(now);
	const soon = isoOf(new Date(now.getTime() + 14 * 86_400_000));
	const items = (await followUpFor(ctx, null, today)).filter((i) => i.dueOn <= soon);
	let sent = 0;
	let withoutRecipient = 0;
	for (const item of items) {
		if (!item.responsible) {
			withoutRecipient++;
			continue;
		}
		await ctx.db.transaction(async (tx) => {
			if (!(await claimReminder(tx, item.key))) return;
			const text = itemText(item, ctx.locale);
			await deliver(tx, ctx, {
				to: item.responsible,
				subject: m.followup_mail_subject({ text }, { locale: ctx.locale }),
				body: m.followup_mail_body(
					{ text, link: `${baseUrl}/aftaler/${item.agreementId}` },
					{ locale: ctx.locale }
				),
				kind: 'kpi-reminder'
			});
			sent++;
		});
	}
	return { sent, withoutRecipient };
}

export const ReviewInputSchema = z.object({
	year: z.coerce.number().int().min(2000).max(2100),
	achieved: z.string().trim().min(3).max(4000),
	decision: z.enum(reviewDecisions),
	note: z
		.preprocess((v) => (v === '' ? null : v), z.string().trim().max(2000).nullable())
		.default(null)
});

export async function saveReview(
	ctx: Ctx,
	agreementId: number,
	input: unknown
): Promise<ReviewRow> {
	requireRole(ctx, 'analyst');
	const agreement = await agreementOrThrow(ctx, agreementId);
	const review = parseInput(ReviewInputSchema, input, ctx.locale);
	const first = Number(agreement.startsOn.slice(0, 4));
	const last = Number(agreement.endsOn.slice(0, 4));
	if (review.year < first || review.year > last) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{ path: ['year'], message: m.agreement_budget_year({ first, last }, { locale: ctx.locale }) }
		]);
	}
	return ctx.db.transaction(async (tx) => {
		const row = await upsertReview(tx, {
			agreementId,
			...review,
			decidedByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'agreement-review',
			entityId: `${agreementId}/${review.year}`,
			action: 'create',
			after: row
		});
		return row;
	});
}
