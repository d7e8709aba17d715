/**
 * KPIs and their status. The status is a pure rule on the trajectory from the baseline (at the
 * agreement's start) to the target (at the due date):
 *
 *   progress = (latest value − baseline) / (target − baseline)   — the share of the way covered
 *   expected = (date of latest value − start) / (due − start)    — the share of the time gone
 *
 * | status | when |
 * |---|---|
 * | no data | no measurement yet |
 * | on track | the target is reached, or progress ≥ expected − 10 points |
 * | at risk | progress ≥ expected − 25 points |
 * | off track | further behind, or the due date has passed without reaching the target |
 *
 * A KPI that keeps a level (target = baseline) is on track within 5 % of the target, else at risk.
 * The rule works the same for targets that fall (fewer days to answer, lower costs).
 */
import { z } from 'zod';
import type { CompanyListKind } from '../companies/kinds';
import { addMonths, daysBetween, IsoDateSchema, type IsoDate } from './dates';

export const frequencies = ['quarterly', 'half-yearly', 'yearly'] as const;
export type Frequency = (typeof frequencies)[number];

export const frequencyMonths: Record<Frequency, number> = {
	quarterly: 3,
	'half-yearly': 6,
	yearly: 12
};

export const KpiInputSchema = z.object({
	name: z.string().trim().min(2).max(200),
	unit: z.string().trim().min(1).max(40),
	baseline: z.number().finite().min(-1e12).max(1e12),
	target: z.number().finite().min(-1e12).max(1e12),
	dueOn: IsoDateSchema,
	frequency: z.enum(frequencies),
	source: z.string().trim().min(1).max(60).default('manual')
});
export type KpiInput = z.infer<typeof KpiInputSchema>;

export const MeasurementInputSchema = z.object({
	measuredOn: IsoDateSchema,
	value: z.number().finite().min(-1e12).max(1e12),
	comment: z.string().trim().max(1000).nullable().default(null),
	isEstimate: z.boolean().default(false)
});

export interface Measurement {
	measuredOn: IsoDate;
	value: number;
	isEstimate: boolean;
	comment: string | null;
	/** Where the value came from: typed in, read from the survey, or counted in the imported lists. */
	provenance:
		| { kind: 'manual'; by: string }
		| { kind: 'survey'; roundId: number; roundTitle: string }
		| {
				kind: 'import';
				/** The year of the lists counted. */
				year: number;
				/** When the newest of them was imported. */
				importedOn: IsoDate;
				lists: { kind: CompanyListKind; filename: string }[];
		  };
}

/** From best to worst; an agreement's KPI status is the worst of its KPIs. */
export const kpiStatuses = ['on-track', 'at-risk', 'off-track', 'no-data'] as const;
export type KpiStatus = (typeof kpiStatuses)[number];

export interface KpiAssessment {
	status: KpiStatus;
	/** Share of the way from baseline to target (0–1+), when there is a measurement. */
	progress: number | null;
	/** Share of the period gone at the latest measurement (0–1). */
	expected: number | null;
	latest: Measurement | null;
	/** Message key and parameters explaining the status. */
	reason: { key: KpiReasonKey; params: Record<string, string | number> };
}

export const kpiReasonKeys = [
	'kpi_reason_no_data',
	'kpi_reason_reached',
	'kpi_reason_overdue',
	'kpi_reason_trajectory',
	'kpi_reason_level'
] as const;
export type KpiReasonKey = (typeof kpiReasonKeys)[number];

const ON_TRACK_SLACK = 0.1;
const AT_RISK_SLACK = 0.25;
const LEVEL_TOLERANCE = 0.05;

export function latestMeasurement(measurements: Measurement[]): Measurement | null {
	return measurements.reduce<Measurement | null>(
		(latest, m) => (latest === null || m.measuredOn >= latest.measuredOn ? m : latest),
		null
	);
}

export function assessKpi(
	kpi: { baseline: number; target: number; dueOn: IsoDate },
	startsOn: IsoDate,
	measurements: Measurement[]
): KpiAssessment {
	const latest = latestMeasurement(measurements);
	if (!latest) {
		return {
			status: 'no-data',
			progress: null,
			expected: null,
			latest,
			reason: { key: 'kpi_reason_no_data', params: {} }
		};
	}
	const span = daysBetween(startsOn, kpi.dueOn);
	const expected =
		span <= 0 ? 1 : Math.min(1, Math.max(0, daysBetween(startsOn, latest.measuredOn) / span));
	if (kpi.target === kpi.baseline) {
		const within = Math.abs(latest.value - kpi.target) <= Math.abs(kpi.target) * LEVEL_TOLERANCE;
		return {
			status: within ? 'on-track' : 'at-risk',
			progress: null,
			expected,
			latest,
			reason: { key: 'kpi_reason_level', params: { value: latest.value, target: kpi.target } }
		};
	}
	const progress = (latest.value - kpi.baseline) / (kpi.target - kpi.baseline);
	const percent = (share: number) => Math.round(share * 100);
	if (progress >= 1) {
		return {
			status: 'on-track',
			progress,
			expected,
			latest,
			reason: { key: 'kpi_reason_reached', params: { value: latest.value, target: kpi.target } }
		};
	}
	if (latest.measuredOn >= kpi.dueOn) {
		return {
			status: 'off-track',
			progress,
			expected,
			latest,
			reason: {
				key: 'kpi_reason_overdue',
				params: { progress: percent(progress), target: kpi.target }
			}
		};
	}
	const status: KpiStatus =
		progress >= expected - ON_TRACK_SLACK
			? 'on-track'
			: progress >= expected - AT_RISK_SLACK
				? 'at-risk'
				: 'off-track';
	return {
		status,
		progress,
		expected,
		latest,
		reason: {
			key: 'kpi_reason_trajectory',
			params: {
				value: latest.value,
				progress: percent(progress),
				expected: percent(expected),
				baseline: kpi.baseline,
				target: kpi.target
			}
		}
	};
}

/**
 * When the next manual measurement is due: one period after the latest measurement, or after the
 * agreement's start when there is none; never after the KPI's due date.
 */
export function nextMeasurementDue(
	kpi: { dueOn: IsoDate; frequency: Frequency },
	startsOn: IsoDate,
	measurements: Measurement[]
): IsoDate {
	const from = latestMeasurement(measurements)?.measuredOn ?? startsOn;
	const next = addMonths(from, frequencyMonths[kpi.frequency]);
	return next < kpi.dueOn ? next : kpi.dueOn;
}

/** The worst status of a set: what an agreement or a municipality shows as its light. */
export function worstStatus(statuses: KpiStatus[]): KpiStatus {
	const order: KpiStatus[] = ['off-track', 'at-risk', 'on-track', 'no-data'];
	return order.find((s) => statuses.includes(s)) ?? 'no-data';
}
