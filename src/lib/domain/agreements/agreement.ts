/**
 * A collaboration agreement as users enter it: the parties and the cluster, the model and the
 * efforts it serves, the municipalities it covers, the period, who pays what per year, contact
 * roles, status and how each of the seven checklist points is handled. The shape rules are in the
 * schema; the rules that need the region (known parties, municipalities in the region, efforts of
 * the strategy) are in `checkAgreement`.
 */
import { z } from 'zod';
import { checklistCodes } from '../collaboration/catalogue';
import { IsoDateSchema } from './dates';

export const statuses = ['draft', 'active', 'ended', 'cancelled'] as const;
export type AgreementStatus = (typeof statuses)[number];

/** A party key: an actor slug, or `municipality:<code>`. */
export const PartySchema = z
	.string()
	.trim()
	.regex(/^([a-z0-9-]{2,80}|municipality:\d{3})$/);

export const BudgetLineSchema = z.object({
	party: PartySchema,
	year: z.number().int().min(2000).max(2100),
	amountDkk: z.number().int().min(0).max(10_000_000_000),
	note: z.string().trim().max(500).nullable().default(null)
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const ContactSchema = z.object({
	party: PartySchema,
	role: z.string().trim().min(2).max(120)
});

export const AgreementInputSchema = z
	.object({
		title: z.string().trim().min(3).max(200),
		cluster: z.string().trim().min(1).max(100),
		modelCode: z.string().trim().max(60).nullable().default(null),
		parties: z.array(PartySchema).min(1).max(120),
		efforts: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
		municipalities: z
			.array(z.string().regex(/^\d{3}$/))
			.max(98)
			.default([]),
		startsOn: IsoDateSchema,
		endsOn: IsoDateSchema,
		status: z.enum(statuses).default('draft'),
		contacts: z.array(ContactSchema).max(30).default([]),
		checklist: z.partialRecord(z.enum(checklistCodes), z.string().trim().max(2000)).default({}),
		notes: z.string().trim().max(4000).nullable().default(null),
		responsibleUserId: z.uuid().nullable().default(null),
		budget: z.array(BudgetLineSchema).max(200).default([])
	})
	.superRefine((value, ctx) => {
		if (value.endsOn < value.startsOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['endsOn'],
				params: { i18n: 'agreement_dates_reversed' }
			});
		}
		const first = Number(value.startsOn.slice(0, 4));
		const last = Number(value.endsOn.slice(0, 4));
		const seen = new Set<string>();
		value.budget.forEach((line, index) => {
			if (!value.parties.includes(line.party)) {
				ctx.addIssue({
					code: 'custom',
					path: ['budget', index, 'party'],
					params: { i18n: 'agreement_budget_party', party: line.party }
				});
			}
			if (line.year < first || line.year > last) {
				ctx.addIssue({
					code: 'custom',
					path: ['budget', index, 'year'],
					params: { i18n: 'agreement_budget_year', first, last }
				});
			}
			const key = `${line.party}|${line.year}`;
			if (seen.has(key))
				ctx.addIssue({
					code: 'custom',
					path: ['budget', index, 'year'],
					params: { i18n: 'agreement_budget_duplicate' }
				});
			seen.add(key);
		});
		if (new Set(value.parties).size !== value.parties.length) {
			ctx.addIssue({
				code: 'custom',
				path: ['parties'],
				params: { i18n: 'survey_duplicate_choice' }
			});
		}
	});
export type AgreementInput = z.infer<typeof AgreementInputSchema>;

/** What the region offers as valid choices. */
export interface AgreementContext {
	regionCode: string;
	clusters: ReadonlySet<string>;
	actors: ReadonlySet<string>;
	municipalities: ReadonlySet<string>;
	efforts: ReadonlySet<string>;
	models: ReadonlySet<string>;
	users: ReadonlySet<string>;
}

export interface AgreementIssue {
	path: (string | number)[];
	key: string;
	params: Record<string, string | number>;
}

export function checkAgreement(input: AgreementInput, context: AgreementContext): AgreementIssue[] {
	const issues: AgreementIssue[] = [];
	if (!context.clusters.has(input.cluster)) {
		issues.push({
			path: ['cluster'],
			key: 'agreement_unknown_cluster',
			params: { value: input.cluster }
		});
	}
	if (input.modelCode && !context.models.has(input.modelCode)) {
		issues.push({
			path: ['modelCode'],
			key: 'agreement_unknown_model',
			params: { value: input.modelCode }
		});
	}
	const badParties = input.parties.filter((party) =>
		party.startsWith('municipality:')
			? !context.municipalities.has(party.slice('municipality:'.length))
			: !context.actors.has(party)
	);
	if (badParties.length > 0) {
		issues.push({
			path: ['parties'],
			key: 'agreement_unknown_party',
			params: { values: badParties.join(', ') }
		});
	}
	const badMunicipalities = input.municipalities.filter(
		(code) => !context.municipalities.has(code)
	);
	if (badMunicipalities.length > 0) {
		issues.push({
			path: ['municipalities'],
			key: 'agreement_unknown_municipality',
			params: { values: badMunicipalities.join(', ') }
		});
	}
	const badEfforts = input.efforts.filter((code) => !context.efforts.has(code));
	if (badEfforts.length > 0) {
		issues.push({
			path: ['efforts'],
			key: 'agreement_unknown_effort',
			params: { values: badEfforts.join(', ') }
		});
	}
	if (input.responsibleUserId && !context.users.has(input.responsibleUserId)) {
		issues.push({ path: ['responsibleUserId'], key: 'agreement_unknown_user', params: {} });
	}
	return issues;
}

/** Total budget per party over all years. */
export function budgetByParty(budget: BudgetLine[]): Map<string, number> {
	const totals = new Map<string, number>();
	for (const line of budget) totals.set(line.party, (totals.get(line.party) ?? 0) + line.amountDkk);
	return totals;
}
