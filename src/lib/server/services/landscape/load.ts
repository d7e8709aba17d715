/** Loads the landscape from the database into domain objects. */
import type { Cluster, Figure, Programme } from '$lib/domain/landscape/types';
import type { Db } from '../../db/client';
import {
	listActivities,
	listFigures,
	listOffices,
	listProgrammeMemberships,
	listStageOverrides
} from '../../db/queries/landscape/children';
import { listClusterRows } from '../../db/queries/landscape/clusters';
import { listProgrammes } from '../../db/queries/landscape/programmes';

const iso = (date: Date) => date.toISOString();

/** Every cluster with its children, as domain objects. Five queries, joined here. */
export async function loadClusters(db: Db): Promise<Cluster[]> {
	const [rows, memberships, offices, figures, activities, overrides] = await Promise.all([
		listClusterRows(db),
		listProgrammeMemberships(db),
		listOffices(db),
		listFigures(db),
		listActivities(db),
		listStageOverrides(db)
	]);
	return rows.map((row) => {
		const override = overrides.find((o) => o.clusterId === row.id);
		return {
			id: row.id,
			slug: row.slug,
			name: row.name,
			shortName: row.shortName,
			area: row.area,
			emerging: row.emerging,
			emergingUncertain: row.emergingUncertain,
			emergingNote: row.emergingNote,
			status: row.status,
			closedYear: row.closedYear,
			statusNote: row.statusNote,
			website: row.website,
			organisationForm: row.organisationForm,
			formed: row.formed,
			focus: row.focus,
			notes: row.notes,
			sources: row.sources,
			origin: row.origin,
			edited: row.edited,
			version: row.version,
			updatedAt: iso(row.updatedAt),
			programmes: memberships
				.filter((m) => m.clusterId === row.id)
				.map((m) => ({
					programmeCode: m.programmeCode,
					status: m.status,
					note: m.note,
					source: m.source
				})),
			offices: offices
				.filter((o) => o.clusterId === row.id)
				.map((o) => ({
					id: o.id,
					label: o.label,
					municipalityCode: o.municipalityCode,
					municipalityName: o.municipalityName,
					regionCode: o.regionCode,
					isHq: o.isHq,
					fromYear: o.fromYear
				})),
			figures: figures
				.filter((f) => f.clusterId === row.id)
				.map((f): Figure => ({
					id: f.id,
					metric: f.metric,
					year: f.year,
					value: f.value,
					unit: f.unit,
					qualifier: f.qualifier,
					isEstimate: f.isEstimate,
					sourceKind: f.sourceKind,
					sourceUrl: f.sourceUrl,
					sourceLabel: f.sourceLabel,
					note: f.note,
					updatedAt: iso(f.updatedAt)
				})),
			activities: activities
				.filter((a) => a.clusterId === row.id)
				.map((a) => a.categoryCode)
				.sort(),
			stageOverride: override
				? {
						stage: override.stage,
						reason: override.reason,
						decidedByLabel: override.decidedByLabel,
						decidedAt: iso(override.decidedAt)
					}
				: null
		};
	});
}

export async function loadProgrammes(db: Db): Promise<Programme[]> {
	const rows = await listProgrammes(db);
	return rows.map((row) => ({
		code: row.code,
		name: row.name,
		fromYear: row.fromYear,
		toYear: row.toYear,
		designatedCount: row.designatedCount,
		countsByYear: row.details.countsByYear
	}));
}
