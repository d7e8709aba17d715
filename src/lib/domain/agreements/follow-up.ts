/**
 * The follow-up calendar of active agreements: manual KPI measurements coming due, agreements
 * ending, and the annual review of each year of the period (due at the year's end, or the
 * agreement's end when that is earlier). Items within the horizon are listed; those past their
 * date are overdue. Each item has a stable key, so a reminder is sent once per item.
 */
import { addDays, type IsoDate } from './dates';
import { nextMeasurementDue, type Frequency, type Measurement } from './kpi';

/** What an annual review decides for the agreement's next year. */
export const reviewDecisions = ['continue', 'change', 'end'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export interface FollowUpAgreement {
	id: number;
	title: string;
	cluster: string;
	startsOn: IsoDate;
	endsOn: IsoDate;
	status: string;
	responsible: string | null;
	reviewedYears: number[];
	kpis: {
		id: number;
		name: string;
		dueOn: IsoDate;
		frequency: Frequency;
		manual: boolean;
		measurements: Measurement[];
	}[];
}

export interface FollowUpItem {
	key: string;
	kind: 'measurement' | 'ending' | 'review';
	dueOn: IsoDate;
	overdue: boolean;
	agreementId: number;
	agreementTitle: string;
	cluster: string;
	responsible: string | null;
	kpiId: number | null;
	kpiName: string | null;
	year: number | null;
}

export function followUpItems(
	agreements: FollowUpAgreement[],
	today: IsoDate,
	horizonDays = 60
): FollowUpItem[] {
	const until = addDays(today, horizonDays);
	const items: FollowUpItem[] = [];
	for (const a of agreements.filter((x) => x.status === 'active')) {
		const base = {
			agreementId: a.id,
			agreementTitle: a.title,
			cluster: a.cluster,
			responsible: a.responsible,
			kpiId: null,
			kpiName: null,
			year: null
		};
		for (const kpi of a.kpis.filter((k) => k.manual)) {
			const done = kpi.measurements.some((m) => m.measuredOn >= kpi.dueOn);
			if (done) continue;
			const due = nextMeasurementDue(kpi, a.startsOn, kpi.measurements);
			if (due <= until) {
				items.push({
					...base,
					key: `kpi:${kpi.id}:${due}`,
					kind: 'measurement',
					dueOn: due,
					overdue: due < today,
					kpiId: kpi.id,
					kpiName: kpi.name
				});
			}
		}
		if (a.endsOn <= until) {
			items.push({
				...base,
				key: `ends:${a.id}:${a.endsOn}`,
				kind: 'ending',
				dueOn: a.endsOn,
				overdue: a.endsOn < today
			});
		}
		const firstYear = Number(a.startsOn.slice(0, 4));
		const lastYear = Math.min(Number(a.endsOn.slice(0, 4)), Number(until.slice(0, 4)));
		for (let year = firstYear; year <= lastYear; year++) {
			if (a.reviewedYears.includes(year)) continue;
			const due = `${year}-12-31` < a.endsOn ? `${year}-12-31` : a.endsOn;
			if (due <= until) {
				items.push({
					...base,
					key: `review:${a.id}:${year}`,
					kind: 'review',
					dueOn: due,
					overdue: due < today,
					year
				});
			}
		}
	}
	return items.sort((x, y) => x.dueOn.localeCompare(y.dueOn) || x.agreementId - y.agreementId);
}
