/**
 * Row-level security's cost: five regional organisations with five years of rounds each and
 * 40 agreements each, and North Jutland's findings page, fit page and agreement list measured
 * as a request would run them (one scoped transaction each), with row-level security on (the
 * app role) and off (the owner, held by the queries' own filter), side by side in one run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import type { OrganisationRef } from '../src/lib/domain/organisations';
import {
	findOrganisationByCode,
	insertOrganisation
} from '../src/lib/server/db/queries/organisations/organisations';
import { inOrganisation } from '../src/lib/server/db/scope';
import { createAgreement, listAgreementItems } from '../src/lib/server/services/agreements';
import type { Ctx } from '../src/lib/server/services/context';
import { getFindingsPage } from '../src/lib/server/services/findings';
import { getFitPage } from '../src/lib/server/services/fit';
import { seedDemoData, seedReferenceData } from '../src/lib/server/services/platform';
import { importSurveyDocument, validateSurveyDocument } from '../src/lib/server/services/survey';
import { benchDatabases } from './db';
import { generatedRound } from './findings.bench';
import { latencyFigures, type Figure } from './harness';

const root = join(import.meta.dirname, '..');
const REGIONS = ['1081', '1082', '1083', '1084', '1085'];
const YEARS = [2021, 2022, 2023, 2024, 2025];
const AGREEMENTS_EACH = 40;
const CLUSTERS = [
	'made',
	'energy-cluster-denmark',
	'danish-life-science-cluster',
	'digital-lead',
	'food-bio-cluster-denmark',
	'clean',
	'we-build-denmark',
	'vision-denmark',
	'odense-robotics',
	'danish-water-cluster',
	'lifestyle-design-cluster',
	'danish-maritime-cluster'
];

export async function run(): Promise<Figure[]> {
	const figures: Figure[] = [];
	const municipalities = (
		JSON.parse(readFileSync(join(root, 'data', 'reference', 'municipalities.json'), 'utf8')) as {
			municipalities: { code: string; regionCode: string }[];
		}
	).municipalities;
	for (const db of await benchDatabases()) {
		const base: Ctx = { db: db.handle.db, actor: { kind: 'system', label: 'test' }, locale: 'da' };
		await seedReferenceData(base.db);
		await seedDemoData(base.db);
		const brn = await findOrganisationByCode(base.db, 'brn');
		if (!brn) throw new Error('no brn organisation');
		const organisations: OrganisationRef[] = [brn];
		for (const regionCode of REGIONS.slice(1))
			organisations.push(
				await insertOrganisation(base.db, {
					code: `bench-${regionCode}`,
					name: `Bench ${regionCode}`,
					kind: 'regional',
					regionCode
				})
			);
		const clusters = CLUSTERS.filter((slug) =>
			readFileSync(join(root, 'data', 'reference', 'clusters-2021-2024.json'), 'utf8').includes(
				`"${slug}"`
			)
		);
		let seed = 1;
		let latestNorthRound = 0;
		for (const organisation of organisations) {
			const regionCode = organisation.regionCode ?? '1081';
			const inRegion = municipalities
				.filter((mu) => mu.regionCode === regionCode)
				.map((mu) => mu.code);
			await inOrganisation(base.db, organisation.id, async (tx) => {
				const ctx: Ctx = { ...base, db: tx, organisation, scoped: true };
				for (const year of YEARS) {
					const file = generatedRound(regionCode, year, inRegion, clusters, seed++);
					const { roundId } = await importSurveyDocument(
						ctx,
						await validateSurveyDocument(ctx, file)
					);
					if (organisation.id === brn.id) latestNorthRound = roundId;
				}
				for (let i = 0; i < AGREEMENTS_EACH; i++)
					await createAgreement(ctx, regionCode, {
						title: `Bench-aftale ${organisation.code} ${i}`,
						cluster: clusters[i % clusters.length],
						modelCode: 'framework-agreement',
						parties: [`municipality:${inRegion[i % inRegion.length]}`],
						efforts: [],
						municipalities: inRegion.filter((_, j) => (i + j) % 3 === 0),
						startsOn: '2025-01-01',
						endsOn: '2027-12-31',
						status: 'active',
						budget: []
					});
			});
		}

		const bench = new Bench({ iterations: 20, warmupIterations: 3 });
		for (const rowSecurity of [true, false]) {
			const label = rowSecurity ? 'RLS on' : 'RLS off';
			const scopedRun = <T>(work: (ctx: Ctx) => Promise<T>) =>
				inOrganisation(
					base.db,
					brn.id,
					(tx) => work({ ...base, db: tx, organisation: brn, scoped: true }),
					{ rowSecurity }
				);
			bench.add(`findings page, ${label}`, async () => {
				await scopedRun((ctx) => getFindingsPage(ctx, latestNorthRound));
			});
			bench.add(`fit page, ${label}`, async () => {
				await scopedRun((ctx) => getFitPage(ctx, '1081', { cluster: 'made' }));
			});
			bench.add(`agreement list, ${label}`, async () => {
				await scopedRun((ctx) => listAgreementItems(ctx, { region: '1081' }));
			});
		}
		await bench.run();
		const measured = latencyFigures(
			'organisations',
			`${db.label}, 5 organisations × 5 years`,
			bench.tasks
		);
		// The cost of row-level security per page: on against off, in the note of "on".
		for (const figure of measured) {
			const off = measured.find(
				(other) => other.case === figure.case.replace('RLS on', 'RLS off') && other !== figure
			);
			if (figure.case.includes('RLS on') && off)
				figure.note = `${figure.note ?? ''}; ${(((figure.value - off.value) / off.value) * 100).toFixed(1)} % against RLS off`;
		}
		figures.push(...measured);
		await db.dispose();
	}
	return figures;
}
