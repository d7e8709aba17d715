/**
 * Goals, KPIs and measurements of agreements: adding and removing them, recording a measurement,
 * and reading every KPI with its measurements (typed in, or read from an automatic source) and
 * its status by the rule in `domain/agreements/kpi.ts`.
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import {
	autoMeasurements,
	autoSources,
	isAutoSource,
	type AutoSource,
	type RegisterYear,
	type SurveyAnswerOfRound
} from '$lib/domain/agreements/auto-sources';
import { isoOf, IsoDateSchema } from '$lib/domain/agreements/dates';
import {
	assessKpi,
	frequencies,
	KpiInputSchema,
	MeasurementInputSchema,
	nextMeasurementDue,
	type KpiAssessment,
	type Measurement
} from '$lib/domain/agreements/kpi';
import { parseLocaleNumber } from '$lib/domain/numbers';
import { NotFoundError, ValidationError } from '$lib/domain/errors';
import type { AgreementListRow } from '../../db/queries/agreements/agreements';
import { findAgreement } from '../../db/queries/agreements/agreements';
import {
	deleteGoal,
	deleteKpi,
	deleteMeasurement,
	findGoal,
	findKpi,
	insertGoal,
	insertKpi,
	insertMeasurement,
	listGoals,
	listKpis,
	listMeasurements,
	type KpiRow,
	type MeasurementRow
} from '../../db/queries/agreements/goals';
import { listClusterAnswers } from '../../db/queries/survey/responses';
import { m, messageByKey } from '../../i18n';
import { formatNumber, type Locale } from '$lib/format';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { registerYears } from '../companies';
import type { GoalView, KpiView } from '$lib/domain/agreements/view';
export type { GoalView, KpiView };

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

const REGISTER_SOURCE: AutoSource = 'register-unique-companies';

type BoardAgreement = Pick<
	AgreementListRow,
	'id' | 'clusterId' | 'regionCode' | 'isDemo' | 'startsOn' | 'municipalities'
>;

/**
 * Every goal and KPI of the agreements, with measurements and status. The queries are one per
 * table, plus one per cluster, region and demo flag among the agreements with automatic survey
 * KPIs, and the register's counts per cluster and area among those with the register source.
 */
export async function loadKpiBoard(
	ctx: Ctx,
	agreements: BoardAgreement[]
): Promise<Map<number, GoalView[]>> {
	const goals = await listGoals(
		ctx.db,
		agreements.map((a) => a.id)
	);
	const kpis = await listKpis(
		ctx.db,
		goals.map((g) => g.id)
	);
	const measurements = await listMeasurements(
		ctx.db,
		kpis.filter((k) => !isAutoSource(k.source)).map((k) => k.id)
	);
	const goalsOf = groupBy(goals, (g) => g.agreementId);
	const kpisOf = groupBy(kpis, (k) => k.goalId);
	const measurementsOf = groupBy(measurements, (x) => x.kpiId);
	const agreementOfGoal = new Map(goals.map((g) => [g.id, g.agreementId]));
	const needsAnswers = new Set(
		kpis
			.filter((k) => isAutoSource(k.source) && k.source !== REGISTER_SOURCE)
			.map((k) => agreementOfGoal.get(k.goalId))
	);
	const needsRegister = new Set(
		kpis.filter((k) => k.source === REGISTER_SOURCE).map((k) => agreementOfGoal.get(k.goalId))
	);
	const answerKey = (a: BoardAgreement) => `${a.clusterId}|${a.regionCode}|${a.isDemo}`;
	const answers = new Map<string, SurveyAnswerOfRound[]>();
	for (const a of agreements.filter((x) => needsAnswers.has(x.id))) {
		if (answers.has(answerKey(a))) continue;
		const rows = await listClusterAnswers(ctx.db, a.clusterId, a.regionCode, a.isDemo);
		answers.set(
			answerKey(a),
			rows.map((x) => ({
				roundId: x.roundId,
				roundTitle: x.roundTitle,
				roundYear: x.roundYear,
				submittedOn: x.submittedAt ? isoOf(x.submittedAt) : null,
				answers: x.answers
			}))
		);
	}
	const registerKey = (a: BoardAgreement) =>
		`${a.clusterId}|${a.regionCode}|${[...a.municipalities].sort().join(',')}`;
	const register = new Map<string, RegisterYear[]>();
	for (const a of agreements.filter((x) => needsRegister.has(x.id))) {
		if (!register.has(registerKey(a))) register.set(registerKey(a), await registerYears(ctx, a));
	}
	const board = new Map<number, GoalView[]>();
	for (const a of agreements) {
		board.set(
			a.id,
			(goalsOf.get(a.id) ?? []).map((g) => ({
				id: g.id,
				title: g.title,
				description: g.description,
				kpis: (kpisOf.get(g.id) ?? []).map((k) =>
					kpiView(
						ctx,
						a,
						k,
						measurementsOf.get(k.id) ?? [],
						answers.get(answerKey(a)) ?? [],
						register.get(registerKey(a)) ?? []
					)
				)
			}))
		);
	}
	return board;
}

function kpiView(
	ctx: Ctx,
	a: BoardAgreement,
	k: KpiRow,
	manual: MeasurementRow[],
	answers: SurveyAnswerOfRound[],
	register: RegisterYear[]
): KpiView {
	const automatic = isAutoSource(k.source);
	const list: (Measurement & { id: number | null })[] = automatic
		? autoMeasurements(k.source as AutoSource, answers, a.municipalities, register).map((x) => ({
				...x,
				id: null
			}))
		: manual.map((x) => ({
				id: x.id,
				measuredOn: x.measuredOn,
				value: x.value,
				isEstimate: x.isEstimate,
				comment: x.comment,
				provenance: { kind: 'manual' as const, by: x.enteredByLabel }
			}));
	const assessment = assessKpi(k, a.startsOn, list);
	return {
		id: k.id,
		name: k.name,
		unit: k.unit,
		baseline: k.baseline,
		target: k.target,
		dueOn: k.dueOn,
		frequency: k.frequency,
		source: k.source,
		automatic,
		measurements: list,
		assessment,
		reason:
			automatic && list.length === 0
				? k.source === REGISTER_SOURCE
					? m.kpi_reason_no_register_data({}, { locale: ctx.locale })
					: m.kpi_reason_no_auto_data({}, { locale: ctx.locale })
				: reasonText(assessment, ctx.locale),
		nextDue: automatic ? null : nextMeasurementDue(k, a.startsOn, list)
	};
}

function reasonText(assessment: KpiAssessment, locale: Locale): string {
	const params = Object.fromEntries(
		Object.entries(assessment.reason.params).map(([k, v]) => [
			k,
			typeof v === 'number' ? formatNumber(v, locale) : v
		])
	);
	return messageByKey(assessment.reason.key, params, locale) ?? assessment.reason.key;
}

async function agreementOrThrow(ctx: Ctx, id: number) {
	const row = Number.isInteger(id) ? await findAgreement(ctx.db, id) : undefined;
	if (!row)
		throw new NotFoundError(m.agreement_not_found({ id: String(id) }, { locale: ctx.locale }));
	return row;
}

export const GoalInputSchema = z.object({
	title: z.string().trim().min(2).max(300),
	description: z.string().trim().max(2000).nullable().default(null)
});

export async function addGoal(ctx: Ctx, agreementId: number, input: unknown) {
	requireRole(ctx, 'analyst');
	const agreement = await agreementOrThrow(ctx, agreementId);
	const goal = parseInput(GoalInputSchema, input, ctx.locale);
	return ctx.db.transaction(async (tx) => {
		const row = await insertGoal(tx, { agreementId: agreement.id, ...goal });
		await recordAudit(tx, ctx, {
			entity: 'agreement-goal',
			entityId: row.id,
			action: 'create',
			after: row
		});
		return row;
	});
}

export async function removeGoal(ctx: Ctx, agreementId: number, goalId: number) {
	requireRole(ctx, 'analyst');
	const goal = await findGoal(ctx.db, agreementId, goalId);
	if (!goal) throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
	await ctx.db.transaction(async (tx) => {
		await deleteGoal(tx, goal.id);
		await recordAudit(tx, ctx, {
			entity: 'agreement-goal',
			entityId: goal.id,
			action: 'delete',
			before: goal
		});
	});
}

/** Numbers from forms may be Danish ("1.740", "12,5"); the API sends JSON numbers. */
const localeNumber = z.preprocess(
	(value) => (typeof value === 'string' ? (parseLocaleNumber(value) ?? value) : value),
	z.number()
);

const KpiFormSchema = KpiInputSchema.extend({
	baseline: localeNumber.pipe(KpiInputSchema.shape.baseline),
	target: localeNumber.pipe(KpiInputSchema.shape.target),
	frequency: z.enum(frequencies),
	source: z.enum(['manual', ...autoSources]).default('manual')
});

export async function addKpi(ctx: Ctx, agreementId: number, goalId: number, input: unknown) {
	requireRole(ctx, 'analyst');
	const goal = await findGoal(ctx.db, agreementId, goalId);
	if (!goal) throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
	const kpi = parseInput(KpiFormSchema, input, ctx.locale);
	return ctx.db.transaction(async (tx) => {
		const row = await insertKpi(tx, { goalId: goal.id, ...kpi });
		await recordAudit(tx, ctx, { entity: 'kpi', entityId: row.id, action: 'create', after: row });
		return row;
	});
}

export async function removeKpi(ctx: Ctx, agreementId: number, kpiId: number) {
	requireRole(ctx, 'analyst');
	const kpi = await findKpi(ctx.db, kpiId);
	if (!kpi || kpi.agreementId !== agreementId)
		throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
	await ctx.db.transaction(async (tx) => {
		await deleteKpi(tx, kpi.id);
		await recordAudit(tx, ctx, { entity: 'kpi', entityId: kpi.id, action: 'delete', before: kpi });
	});
}

const MeasurementFormSchema = MeasurementInputSchema.extend({
	value: localeNumber.pipe(MeasurementInputSchema.shape.value),
	measuredOn: IsoDateSchema,
	isEstimate: z
		.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())
		.default(false),
	comment: z
		.preprocess((v) => (v === '' ? null : v), z.string().trim().max(1000).nullable())
		.default(null)
});

/** Records a measurement of a manual KPI; automatic KPIs take theirs from their source. */
export async function recordMeasurement(
	ctx: Ctx,
	kpiId: number,
	input: unknown,
	agreementId?: number
) {
	requireRole(ctx, 'analyst');
	const kpi = Number.isInteger(kpiId) ? await findKpi(ctx.db, kpiId) : undefined;
	if (!kpi || (agreementId !== undefined && kpi.agreementId !== agreementId)) {
		throw new NotFoundError(m.kpi_not_found({ id: String(kpiId) }, { locale: ctx.locale }));
	}
	const data = parseInput(MeasurementFormSchema, input, ctx.locale);
	if (isAutoSource(kpi.source)) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{ path: ['value'], message: m.kpi_automatic_no_manual({}, { locale: ctx.locale }) }
		]);
	}
	return ctx.db.transaction(async (tx) => {
		const row = await insertMeasurement(tx, {
			kpiId: kpi.id,
			...data,
			enteredByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'kpi-measurement',
			entityId: row.id,
			action: 'create',
			after: row
		});
		return row;
	});
}

export async function removeMeasurement(ctx: Ctx, agreementId: number, kpiId: number, id: number) {
	requireRole(ctx, 'analyst');
	const kpi = await findKpi(ctx.db, kpiId);
	if (!kpi || kpi.agreementId !== agreementId)
		throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
	await ctx.db.transaction(async (tx) => {
		const row = await deleteMeasurement(tx, kpi.id, id);
		if (!row) throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
		await recordAudit(tx, ctx, {
			entity: 'kpi-measurement',
			entityId: id,
			action: 'delete',
			before: row
		});
	});
}
