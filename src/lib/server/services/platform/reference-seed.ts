/**
 * Loads `data/reference/` into the database, idempotently: on every start (skipped when the files
 * have not changed since the last load) and with `klyngeradar db seed`. Rows a user has edited are
 * never overwritten: clusters and actors carry an `edited` flag, figures and programme memberships
 * an origin, and office lists an `officesEdited` flag.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JsonSchema, type JsonValue } from '$lib/domain/json';
import { RegionCodeSchema } from '$lib/domain/regions';
import {
	RawClustersFileSchema,
	seedClusterFromReference,
	type SeedCluster
} from '$lib/domain/landscape/reference';
import type { Db, Tx } from '../../db/client';
import {
	findClusterBySlug,
	insertCluster,
	refreshReferenceCluster
} from '../../db/queries/landscape/clusters';
import {
	replaceReferenceOffices,
	upsertReferenceFigure,
	upsertReferenceMembership
} from '../../db/queries/landscape/children';
import { upsertProgramme } from '../../db/queries/landscape/programmes';
import { getReferenceHash, upsertReferenceDocument } from '../../db/queries/reference/documents';
import {
	upsertMunicipalities,
	upsertReferenceActors,
	upsertRegions
} from '../../db/queries/reference/geography';
import { CatalogueFileSchema } from '$lib/domain/collaboration/catalogue';
import { catalogueFolder, referenceDataFolder } from '../../paths';
import { seedModelCatalogue, seedStrategyExample, StrategyExampleSchema } from '../strategy';
import {
	exampleStrategyOwners,
	onlyOrganisation
} from '../../db/queries/organisations/organisations';
import { forgetTaxonomyCache } from '../landscape';
import { inOrganisation } from '../../db/scope';
import { ActorsSchema, RegionActorsSchema, referenceActorRows } from './reference-actors';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';

/** The actor files' schemas and rows, for the tests that check the data. */
export { ActorsSchema, RegionActorsSchema, referenceActorRows } from './reference-actors';

const files = {
	municipalities: 'municipalities.json',
	regions: 'geo/regions.geojson',
	actors: 'actors-nordjylland.json',
	actorsRegions: 'actors-regions.json',
	clusters: 'clusters-2021-2024.json',
	clustersNext: 'clusters-2025-2028.json',
	taxonomy: 'taxonomy.json',
	programme: 'programme.json',
	coreNarrative: 'core-narrative.json',
	strategyExample: 'strategy-example-nordjylland.json'
} as const;

const MunicipalitiesSchema = z.object({
	municipalities: z.array(
		z.object({
			code: z.string().regex(/^\d{3}$/),
			name: z.string(),
			regionCode: RegionCodeSchema
		})
	)
});
const RegionsSchema = z.object({
	features: z.array(z.object({ properties: z.object({ code: z.string(), name: z.string() }) }))
});
const NextProgrammeSchema = z.object({
	_meta: z.looseObject({ sources: z.array(z.string()) }),
	clusters: z.array(
		z.object({ officialName: z.string(), status: z.string(), source: z.string() }).loose()
	)
});
const ProgrammeSchema = z.looseObject({
	programmes: z.array(
		z.looseObject({
			code: z.string(),
			name: z.string(),
			from: z.string(),
			to: z.string(),
			clusters: z.number().int(),
			clustersLater: z.number().int().optional()
		})
	)
});

const SEED_STATE_KEY = 'seed-state';

export interface SeedSummary {
	skipped: boolean;
	clustersInserted: number;
	clustersRefreshed: number;
	clustersKeptEdited: number;
	figures: number;
	municipalities: number;
	actors: number;
}

function readReference(name: string): { text: string; json: JsonValue } {
	const text = readFileSync(join(referenceDataFolder, name), 'utf8');
	return { text, json: JsonSchema.parse(JSON.parse(text)) };
}

function loadAll() {
	const raw = Object.fromEntries(
		Object.entries(files).map(([key, name]) => [key, readReference(name)])
	) as Record<keyof typeof files, { text: string; json: JsonValue }>;
	const catalogueText = readFileSync(join(catalogueFolder, 'collaboration-models.json'), 'utf8');
	const hash = createHash('sha256');
	for (const key of Object.keys(files) as (keyof typeof files)[]) hash.update(raw[key].text);
	hash.update(catalogueText);
	return {
		sha256: hash.digest('hex'),
		catalogue: CatalogueFileSchema.parse(JSON.parse(catalogueText)),
		strategyExample: StrategyExampleSchema.parse(raw.strategyExample.json),
		municipalities: MunicipalitiesSchema.parse(raw.municipalities.json).municipalities,
		regions: RegionsSchema.parse(raw.regions.json).features.map((f) => f.properties),
		actors: referenceActorRows(
			ActorsSchema.parse(raw.actors.json),
			RegionActorsSchema.parse(raw.actorsRegions.json)
		),
		clusters: RawClustersFileSchema.parse(raw.clusters.json),
		next: NextProgrammeSchema.parse(raw.clustersNext.json),
		programme: ProgrammeSchema.parse(raw.programme.json),
		documents: {
			taxonomy: raw.taxonomy.json,
			programme: raw.programme.json,
			'core-narrative': raw.coreNarrative.json,
			'strategy-example-nordjylland': raw.strategyExample.json,
			'clusters-2025-2028': raw.clustersNext.json
		} satisfies Record<string, JsonValue>
	};
}

function clusterColumns(seed: SeedCluster) {
	return {
		name: seed.name,
		shortName: seed.shortName,
		area: seed.area,
		emerging: seed.emerging,
		emergingUncertain: seed.emergingUncertain,
		emergingNote: seed.emergingNote,
		status: seed.status,
		closedYear: seed.closedYear,
		statusNote: seed.statusNote,
		website: seed.website,
		formed: seed.formed,
		focus: seed.focus,
		notes: seed.notes,
		sources: seed.sources
	};
}

/**
 * The audit log belongs to an organisation: with one, the seed's changes are audited there;
 * with several, the landscape is everyone's and the seed's summary (printed, logged) says it.
 */
async function seedCluster(
	tx: Tx,
	ctx: Pick<Ctx, 'actor'>,
	seed: SeedCluster,
	summary: SeedSummary,
	audited: boolean
): Promise<number> {
	const existing = await findClusterBySlug(tx, seed.slug);
	let id: number;
	let officesEdited = false;
	if (!existing) {
		const row = await insertCluster(tx, {
			slug: seed.slug,
			...clusterColumns(seed),
			origin: 'reference'
		});
		id = row.id;
		summary.clustersInserted++;
		if (audited)
			await recordAudit(tx, ctx, {
				entity: 'cluster',
				entityId: seed.slug,
				action: 'create',
				after: seed
			});
	} else {
		id = existing.id;
		officesEdited = existing.officesEdited;
		if (existing.edited) summary.clustersKeptEdited++;
		else if (await refreshReferenceCluster(tx, id, clusterColumns(seed)))
			summary.clustersRefreshed++;
	}
	if (!officesEdited) await replaceReferenceOffices(tx, id, seed.offices);
	for (const figure of seed.figures) {
		await upsertReferenceFigure(tx, {
			clusterId: id,
			...figure,
			sourceUrl: seed.sources[0] ?? null,
			sourceLabel: 'Referencedata (offentlige kilder)'
		});
		summary.figures++;
	}
	return id;
}

/** Loads the reference data; skips the work when the files are unchanged since the last load. */
export async function seedReferenceData(
	db: Db,
	options: { force?: boolean } = {}
): Promise<SeedSummary> {
	const data = loadAll();
	const summary: SeedSummary = {
		skipped: false,
		clustersInserted: 0,
		clustersRefreshed: 0,
		clustersKeptEdited: 0,
		figures: 0,
		municipalities: data.municipalities.length,
		actors: data.actors.length
	};
	if (!options.force && (await getReferenceHash(db, SEED_STATE_KEY)) === data.sha256) {
		return { ...summary, skipped: true };
	}
	const ctx = { actor: { kind: 'system', label: 'seed' } as const };
	const municipalityNames = new Map(data.municipalities.map((m) => [m.name.toLowerCase(), m.code]));
	await db.transaction(async (tx) => {
		const audited = (await onlyOrganisation(tx)) !== null;
		await upsertRegions(tx, data.regions);
		await upsertMunicipalities(tx, data.municipalities);
		await upsertReferenceActors(tx, data.actors);
		for (const programme of data.programme.programmes) {
			const fromYear = Number(programme.from.slice(0, 4));
			const toYear = Number(programme.to.slice(0, 4));
			const countsByYear: Record<string, number> = {};
			for (let year = fromYear; year <= toYear; year++) {
				// 14 designated for 2021; 13 from 2022, when MARLOG closed.
				countsByYear[String(year)] =
					year > fromYear && programme.clustersLater ? programme.clustersLater : programme.clusters;
			}
			const {
				code,
				name,
				from: _from,
				to: _to,
				clusters: _c,
				clustersLater: _l,
				...details
			} = programme;
			await upsertProgramme(tx, {
				code,
				name,
				fromYear,
				toYear,
				designatedCount: programme.clusters,
				details: { ...details, countsByYear }
			});
		}
		const ids = new Map<string, number>();
		for (const raw of data.clusters.clusters) {
			const seed = seedClusterFromReference(raw, municipalityNames);
			ids.set(seed.name, await seedCluster(tx, ctx, seed, summary, audited));
			await upsertReferenceMembership(tx, {
				clusterId: ids.get(seed.name) ?? 0,
				programmeCode: 'innovationskraft-2021-2024',
				status: 'designated',
				note: null,
				source: data.clusters._meta.designationSource
			});
		}
		for (const next of data.next.clusters) {
			const clusterId = ids.get(next.officialName);
			if (clusterId === undefined) continue;
			const status = /^granted/i.test(next.status)
				? 'granted'
				: /^conflicting/i.test(next.status)
					? 'uncertain'
					: null;
			if (!status) continue;
			await upsertReferenceMembership(tx, {
				clusterId,
				programmeCode: 'klyngeprogram-2025-2028',
				status,
				note: next.status,
				source: next.source
			});
		}
		for (const [key, content] of Object.entries(data.documents)) {
			await upsertReferenceDocument(
				tx,
				key,
				content,
				createHash('sha256').update(JSON.stringify(content)).digest('hex')
			);
		}
		await seedModelCatalogue(tx, data.catalogue);
		// The example strategy is a regional body's own work: seeded in its scope.
		for (const owner of await exampleStrategyOwners(tx, data.strategyExample.regionCode))
			await inOrganisation(tx, owner, (scoped) =>
				seedStrategyExample(scoped, ctx, data.strategyExample)
			);
		await upsertReferenceDocument(
			tx,
			SEED_STATE_KEY,
			{ loadedFrom: 'data/reference' },
			data.sha256
		);
	});
	// Read again on next use: the taxonomy may have changed with the files.
	forgetTaxonomyCache();
	return summary;
}
