/**
 * A meeting's snapshot: every figure its deck shows, frozen when the meeting is created so the
 * deck can be generated again, identically, after the data has moved on. Labels are stored in
 * the meeting's language, as the deck shows them. The stored document is read back through
 * `readSnapshot`, which knows every `format` it was ever written in and upgrades the older ones.
 */
import { z } from 'zod';
import { kpiStatuses } from '../agreements/kpi';
import { maturityStages } from '../landscape/types';

export const SNAPSHOT_FORMAT = 'klyngeradar/meeting-snapshot@1';

const count = z.number();
const stage = z.enum(maturityStages);
const kpiStatus = z.enum(kpiStatuses);
const named = z.object({ name: z.string(), value: count }).nullable();

const RangeFigureSchema = z.object({
	metric: z.enum(['employees', 'members', 'boardSize']),
	min: named,
	max: named,
	n: count,
	of: count,
	estimates: count
});
export type RangeFigure = z.infer<typeof RangeFigureSchema>;

const LandscapePartSchema = z.object({
	/** When the landscape data last changed. */
	updatedAt: z.string().nullable(),
	clusters: z.array(
		z.object({
			slug: z.string(),
			name: z.string(),
			area: z.string(),
			stage: stage.nullable(),
			members: count.nullable(),
			employees: count.nullable()
		})
	),
	programmes: z.array(
		z.object({ name: z.string(), fromYear: count, toYear: count, clusters: count })
	),
	history: z.array(z.object({ from: count, to: count, label: z.string() })),
	coreTask: z.array(z.string()),
	economy: z.array(z.string()),
	businessModels: z.array(z.string()),
	funding: z.array(z.object({ label: z.string(), amountDkk: count })),
	next: z.object({ summary: z.string(), totalDkk: count, clusters: count }),
	ranges: z.array(RangeFigureSchema),
	fundingRatio: z.object({ ratio: count.nullable(), n: count, of: count }),
	stages: z.record(z.enum([...maturityStages, 'unknown']), count)
});
export type LandscapePart = z.infer<typeof LandscapePartSchema>;

const BarChartSchema = z.object({
	id: z.string(),
	title: z.string(),
	valueLabel: z.string(),
	categories: z.array(z.object({ key: z.string(), label: z.string(), value: count })),
	n: count,
	N: count,
	footnote: z.string()
});

const SurveyPartSchema = z.object({
	round: z.object({
		id: count,
		title: z.string(),
		year: count,
		isDemo: z.boolean(),
		/** Completed of invited. */
		n: count,
		N: count,
		lastAnswerAt: z.string().nullable()
	}),
	headlines: z.array(z.object({ question: z.string(), text: z.string() })),
	charts: z.array(BarChartSchema),
	maps: z.array(
		z.object({ id: z.string(), title: z.string(), svg: z.string(), caption: z.string() })
	),
	quotes: z.array(
		z.object({
			text: z.string(),
			cluster: z.string().nullable(),
			questionKey: z.string().nullable()
		})
	),
	/** Unique companies by CVR in the clusters' own lists for the round's years, when any. */
	register: z.object({ unique: count, from: count, to: count }).nullable().optional(),
	/** The round's key figures, for the comparison between snapshots. */
	figures: z.object({
		completed: count,
		present: count,
		membersTotal: count,
		uniqueCompanies: count,
		participants: count,
		clustersWithAgreements: count,
		municipalAgreements: count
	})
});
export type SurveyPart = z.infer<typeof SurveyPartSchema>;

const FitPartSchema = z.object({
	strategyVersion: count,
	strategyIsExample: z.boolean(),
	efforts: z.array(z.object({ code: z.string(), title: z.string() })),
	clusters: z.array(z.object({ slug: z.string(), name: z.string(), total: count })),
	/** Score shown (override included) and confidence 0–1 (share of criteria with data). */
	cells: z.array(
		z.object({ cluster: z.string(), effort: z.string(), score: count, confidence: count })
	)
});
export type FitPart = z.infer<typeof FitPartSchema>;

const option = z.object({ code: z.string(), name: z.string(), score: count }).nullable();

const RecommendationRowSchema = z.object({
	cluster: z.string(),
	name: z.string(),
	fitTotal: count,
	top: option,
	alternative: option,
	unmet: z.array(z.string()),
	decision: z.string().nullable()
});
export type RecommendationRow = z.infer<typeof RecommendationRowSchema>;

const RecommendationsPartSchema = z.object({
	rows: z.array(RecommendationRowSchema),
	checklist: z.array(z.object({ code: z.string(), label: z.string() }))
});
export type RecommendationsPart = z.infer<typeof RecommendationsPartSchema>;

const AgreementsPartSchema = z.object({
	rows: z.array(
		z.object({
			title: z.string(),
			cluster: z.string(),
			model: z.string().nullable(),
			status: z.string(),
			kpiStatus,
			kpis: count,
			endsOn: z.string(),
			isDemo: z.boolean()
		})
	),
	kpiCounts: z.record(kpiStatus, count),
	budget: z.object({
		years: z.array(count),
		parties: z.array(z.object({ label: z.string(), byYear: z.record(z.string(), count) }))
	})
});
export type AgreementsPart = z.infer<typeof AgreementsPartSchema>;

const DeckSnapshotSchema = z.object({
	format: z.literal(SNAPSHOT_FORMAT),
	takenAt: z.string(),
	locale: z.enum(['da', 'en']),
	region: z.object({ code: z.string(), name: z.string() }),
	/** The organisation the deck is from, e.g. the region's business-promotion body. */
	organisation: z.string(),
	landscape: LandscapePartSchema,
	survey: SurveyPartSchema.nullable(),
	fit: FitPartSchema.nullable(),
	recommendations: RecommendationsPartSchema.nullable(),
	agreements: AgreementsPartSchema.nullable()
});
export type DeckSnapshot = z.infer<typeof DeckSnapshotSchema>;

/**
 * Every shape a snapshot was stored in. Format 1 before the organisation was recorded has none;
 * such a deck names the region instead.
 */
const StoredSnapshotSchema = z.discriminatedUnion('format', [
	DeckSnapshotSchema.extend({ organisation: z.string().optional() })
]);
/** What `meeting_snapshots.data` holds: any format `readSnapshot` reads. */
export type StoredSnapshot = z.input<typeof StoredSnapshotSchema>;

/** A stored snapshot in today's shape, or null when it is in no format this version knows. */
export function readSnapshot(data: unknown): DeckSnapshot | null {
	const parsed = StoredSnapshotSchema.safeParse(data);
	if (!parsed.success) return null;
	const stored = parsed.data;
	return { ...stored, organisation: stored.organisation ?? stored.region.name };
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
