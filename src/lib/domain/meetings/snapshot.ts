/**
 * A meeting's snapshot: every figure its deck shows, frozen when the meeting is created so the
 * deck can be generated again, identically, after the data has moved on. Labels are stored in
 * the meeting's language, as the deck shows them; the format tag lets later versions read old
 * snapshots.
 */
import type { BarChartViewModel } from '../charts/bar';
import type { KpiStatus } from '../agreements/kpi';
import type { Locale } from '../../format';
import type { Stage } from '../landscape/types';

export const SNAPSHOT_FORMAT = 'klyngeradar/meeting-snapshot@1';

export interface RangeFigure {
	metric: 'employees' | 'members' | 'boardSize';
	min: { name: string; value: number } | null;
	max: { name: string; value: number } | null;
	n: number;
	of: number;
	estimates: number;
}

export interface LandscapePart {
	/** When the landscape data last changed. */
	updatedAt: string | null;
	clusters: {
		slug: string;
		name: string;
		area: string;
		stage: Stage | null;
		members: number | null;
		employees: number | null;
	}[];
	programmes: { name: string; fromYear: number; toYear: number; clusters: number }[];
	history: { from: number; to: number; label: string }[];
	coreTask: string[];
	economy: string[];
	businessModels: string[];
	funding: { label: string; amountDkk: number }[];
	next: { summary: string; totalDkk: number; clusters: number };
	ranges: RangeFigure[];
	fundingRatio: { ratio: number | null; n: number; of: number };
	stages: Record<Stage | 'unknown', number>;
}

export interface SurveyPart {
	round: {
		id: number;
		title: string;
		year: number;
		isDemo: boolean;
		/** Completed of invited. */
		n: number;
		N: number;
		lastAnswerAt: string | null;
	};
	headlines: { question: string; text: string }[];
	charts: BarChartViewModel[];
	maps: { id: string; title: string; svg: string; caption: string }[];
	quotes: { text: string; cluster: string | null; questionKey: string | null }[];
	/** Unique companies by CVR in the clusters' own lists for the round's years, when any. */
	register?: { unique: number; from: number; to: number } | null;
	/** The round's key figures, for the comparison between snapshots. */
	figures: {
		completed: number;
		present: number;
		membersTotal: number;
		uniqueCompanies: number;
		participants: number;
		clustersWithAgreements: number;
		municipalAgreements: number;
	};
}

export interface FitPart {
	strategyVersion: number;
	strategyIsExample: boolean;
	efforts: { code: string; title: string }[];
	clusters: { slug: string; name: string; total: number }[];
	/** Score shown (override included) and confidence 0–1 (share of criteria with data). */
	cells: { cluster: string; effort: string; score: number; confidence: number }[];
}

export interface RecommendationRow {
	cluster: string;
	name: string;
	fitTotal: number;
	top: { code: string; name: string; score: number } | null;
	alternative: { code: string; name: string; score: number } | null;
	unmet: string[];
	decision: string | null;
}

export interface RecommendationsPart {
	rows: RecommendationRow[];
	checklist: { code: string; label: string }[];
}

export interface AgreementsPart {
	rows: {
		title: string;
		cluster: string;
		model: string | null;
		status: string;
		kpiStatus: KpiStatus;
		kpis: number;
		endsOn: string;
		isDemo: boolean;
	}[];
	kpiCounts: Record<KpiStatus, number>;
	budget: { years: number[]; parties: { label: string; byYear: Record<string, number> }[] };
}

export interface DeckSnapshot {
	format: typeof SNAPSHOT_FORMAT;
	takenAt: string;
	locale: Locale;
	region: { code: string; name: string };
	/** The organisation the deck is from, e.g. the region's business-promotion body. */
	organisation: string;
	landscape: LandscapePart;
	survey: SurveyPart | null;
	fit: FitPart | null;
	recommendations: RecommendationsPart | null;
	agreements: AgreementsPart | null;
}

/** A figure of a snapshot that a later snapshot is compared on. */
export interface KeyFigure {
	key: string;
	value: number | null;
}

/** The figures "what changed since the last meeting" compares, in a stable order. */
export function keyFigures(s: DeckSnapshot): KeyFigure[] {
	const f = s.survey?.figures;
	const kpis = s.agreements?.kpiCounts;
	const budget = s.agreements?.budget.parties.reduce(
		(sum, p) => sum + Object.values(p.byYear).reduce((a, b) => a + b, 0),
		0
	);
	const activeAgreements = s.agreements?.rows.filter((r) => r.status === 'active').length;
	return [
		{ key: 'clusters', value: s.landscape.clusters.length },
		{ key: 'mature', value: s.landscape.stages.mature },
		{ key: 'completed', value: f?.completed ?? null },
		{ key: 'present', value: f?.present ?? null },
		{ key: 'membersTotal', value: f?.membersTotal ?? null },
		{ key: 'uniqueCompanies', value: f?.uniqueCompanies ?? null },
		{ key: 'participants', value: f?.participants ?? null },
		{ key: 'clustersWithAgreements', value: f?.clustersWithAgreements ?? null },
		{ key: 'municipalAgreements', value: f?.municipalAgreements ?? null },
		{ key: 'agreementsActive', value: activeAgreements ?? null },
		{ key: 'kpisOffTrack', value: kpis?.['off-track'] ?? null },
		{ key: 'budgetTotal', value: budget ?? null }
	];
}

export interface FigureChange {
	key: string;
	before: number | null;
	after: number | null;
	/** after − before when both are known. */
	change: number | null;
}

export interface ClusterChange {
	name: string;
	field: 'members' | 'employees' | 'stage' | 'added' | 'removed';
	before: string | number | null;
	after: string | number | null;
}

/** What moved on the cluster profiles between two snapshots (figures, stage, the list itself). */
function clusterChanges(before: DeckSnapshot, after: DeckSnapshot): ClusterChange[] {
	const old = new Map(before.landscape.clusters.map((c) => [c.slug, c]));
	const out: ClusterChange[] = [];
	for (const c of after.landscape.clusters) {
		const b = old.get(c.slug);
		old.delete(c.slug);
		if (!b) {
			out.push({ name: c.name, field: 'added', before: null, after: c.name });
			continue;
		}
		for (const field of ['members', 'employees', 'stage'] as const) {
			if (b[field] !== c[field])
				out.push({ name: c.name, field, before: b[field], after: c[field] });
		}
	}
	for (const b of old.values())
		out.push({ name: b.name, field: 'removed', before: b.name, after: null });
	return out;
}

/** Every key figure side by side; `changed` lists only those that moved. */
export function compareSnapshots(
	before: DeckSnapshot,
	after: DeckSnapshot
): { rows: FigureChange[]; changed: FigureChange[]; clusters: ClusterChange[] } {
	const old = new Map(keyFigures(before).map((f) => [f.key, f.value]));
	const rows = keyFigures(after).map(({ key, value }) => {
		const previous = old.get(key) ?? null;
		return {
			key,
			before: previous,
			after: value,
			change: previous !== null && value !== null ? value - previous : null
		};
	});
	return {
		rows,
		changed: rows.filter((r) => r.before !== r.after),
		clusters: clusterChanges(before, after)
	};
}
