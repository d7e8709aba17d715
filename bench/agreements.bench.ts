/**
 * Agreements at a region's realistic upper end: 200 agreements with 2 goals × 3 KPIs each (one
 * of them automatic) and a yearly measurement of each manual KPI for three years (2,400
 * measurements), plus the demo agreement. Times the list with KPI status, one agreement's page,
 * the dashboards with their map, the follow-up calendar and the XLSX export.
 */
import { Bench } from 'tinybench';
import type { Ctx } from '../src/lib/server/services/context';
import { seedDemoData } from '../src/lib/server/services/platform';
import {
	getDashboards,
	agreementsXlsx,
	addGoal,
	addKpi,
	recordMeasurement,
	createAgreement,
	getAgreement,
	listAgreementItems,
	followUpFor
} from '../src/lib/server/services/agreements';
import { seedReferenceData } from '../src/lib/server/services/platform';
import { benchDatabases } from './db';
import { latencyFigures, type Figure } from './harness';

const clusters = [
	'energy-cluster-denmark',
	'made',
	'digitallead',
	'we-build-denmark',
	'food-bio-cluster-denmark'
];
const municipalities = [
	'851',
	'813',
	'860',
	'846',
	'849',
	'787',
	'773',
	'810',
	'820',
	'825',
	'840'
];
const AGREEMENTS = 200;

export async function run(): Promise<Figure[]> {
	const figures: Figure[] = [];
	for (const db of await benchDatabases()) {
		const ctx: Ctx = { db: db.handle.db, actor: { kind: 'system', label: 'test' }, locale: 'da' };
		await seedReferenceData(ctx.db);
		await seedDemoData(ctx.db);
		const started = performance.now();
		let sample = 0;
		for (let i = 0; i < AGREEMENTS; i++) {
			const { id } = await createAgreement(ctx, '1081', {
				title: `Bench-aftale ${i}`,
				cluster: clusters[i % clusters.length],
				modelCode: 'framework-agreement',
				parties: ['brn', `municipality:${municipalities[i % municipalities.length]}`],
				efforts: ['green-circular'],
				municipalities: municipalities.filter((_, j) => (i + j) % 3 === 0),
				startsOn: '2025-01-01',
				endsOn: '2027-12-31',
				status: 'active',
				budget: [2025, 2026, 2027].map((year) => ({ party: 'brn', year, amountDkk: 100000 + i }))
			});
			sample = id;
			for (let g = 0; g < 2; g++) {
				const goal = await addGoal(ctx, id, { title: `Mål ${g}` });
				for (let k = 0; k < 3; k++) {
					const kpi = await addKpi(ctx, id, goal.id, {
						name: `KPI ${g}.${k}`,
						unit: 'stk.',
						baseline: 0,
						target: 100,
						dueOn: '2027-12-31',
						frequency: 'quarterly',
						source: k === 2 ? 'survey-members' : 'manual'
					});
					if (k === 2) continue;
					for (let q = 0; q < 12; q += 4) {
						await recordMeasurement(
							ctx,
							kpi.id,
							{ measuredOn: `${2025 + q / 4}-06-30`, value: 10 + q * 7 + (i % 5) },
							id
						);
					}
				}
			}
		}
		figures.push({
			bench: 'agreements',
			case: `${db.label}: create ${AGREEMENTS} agreements with goals, KPIs, measurements (services)`,
			metric: 'time',
			value: (performance.now() - started) / 1000,
			unit: 's'
		});
		const bench = new Bench({ iterations: 10, warmupIterations: 2 });
		bench.add(`agreement list with KPI status, ${AGREEMENTS + 1} agreements`, async () => {
			await listAgreementItems(ctx, { region: '1081' });
		});
		bench.add('one agreement page', async () => {
			await getAgreement(ctx, sample);
		});
		bench.add('dashboards with map', async () => {
			await getDashboards(ctx, '1081');
		});
		bench.add('follow-up calendar', async () => {
			await followUpFor(ctx, '1081', '2026-11-26');
		});
		bench.add('XLSX export', async () => {
			await agreementsXlsx(ctx, '1081');
		});
		await bench.run();
		figures.push(...latencyFigures('agreements', db.label, bench.tasks));
		await db.dispose();
	}
	return figures;
}
