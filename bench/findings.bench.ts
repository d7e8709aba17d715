/**
 * Survey findings: one round of 13 clusters (the demo round plus MARLOG), and 20 rounds across all
 * 5 regions whose municipal agreements cover all 98 municipalities. Times the findings document
 * (SQL counts + domain) and the findings page (with its SVG charts and maps).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import type { Answers } from '../src/lib/domain/survey/answers';
import type { SurveyFile } from '../src/lib/domain/survey/import-format';
import type { Ctx } from '../src/lib/server/services/context';
import { getFindings, getFindingsPage } from '../src/lib/server/services/findings';
import { seedReferenceData } from '../src/lib/server/services/platform';
import { importSurveyDocument, validateSurveyDocument } from '../src/lib/server/services/survey';
import { benchDatabases } from './db';
import { latencyFigures, median, type Figure } from './harness';

const root = join(import.meta.dirname, '..');

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function random(seed: number): () => number {
	let x = seed;
	return () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return ((x >>> 0) % 10_000) / 10_000;
	};
}

export function generatedRound(
	regionCode: string,
	year: number,
	municipalities: string[],
	clusters: string[],
	seed: number
): SurveyFile {
	const next = random(seed);
	const responses = clusters.map((cluster) => {
		const picked = municipalities.filter(() => next() < 0.35);
		const over50 = Math.floor(next() * 40);
		const under50 = Math.floor(next() * 80);
		const answers: Answers = {
			activeInRegion: true,
			presence: {
				ownOffice: next() < 0.4,
				coLocatedWith: [],
				other: next() < 0.2 ? 'Fælles kontor' : null,
				municipalities: picked.slice(0, 2)
			},
			partners: { actors: [], other: 'Regionale partnere' },
			members: { total: over50 + under50, over50, under50, estimate: next() < 0.4 },
			uniqueCompanies: {
				count: Math.floor(next() * 400),
				sinceYear: year - 2,
				estimate: next() < 0.7
			},
			participants: { count: Math.floor(next() * 1500), sinceYear: year - 2, estimate: true },
			activities: {
				codes: ['knowledge-matchmaking', 'collaboration-projects'].filter(() => next() < 0.8),
				other: null
			},
			agreements:
				picked.length > 0
					? { parties: ['municipality'], other: null, municipalities: picked }
					: { parties: [], other: null, municipalities: [] }
		};
		return { cluster, status: 'completed' as const, answers };
	});
	return {
		format: 'klyngeradar/survey-responses@1',
		round: { regionCode, year, title: `Bench ${regionCode} ${year}`, sinceYear: year - 2 },
		invited: clusters,
		responses
	};
}

export async function run(): Promise<Figure[]> {
	const figures: Figure[] = [];
	for (const db of await benchDatabases()) {
		const ctx: Ctx = { db: db.handle.db, actor: { kind: 'system', label: 'test' }, locale: 'da' };
		await seedReferenceData(ctx.db);
		const demo = JSON.parse(
			readFileSync(join(root, 'data', 'demo', 'survey-nordjylland-2023.json'), 'utf8')
		) as SurveyFile;
		demo.invited.push('marlog');
		demo.responses.push({
			cluster: 'marlog',
			status: 'completed',
			answers: { activeInRegion: false }
		});
		const { roundId } = await importSurveyDocument(ctx, await validateSurveyDocument(ctx, demo));

		const municipalities = JSON.parse(
			readFileSync(join(root, 'data', 'reference', 'municipalities.json'), 'utf8')
		) as {
			municipalities: { code: string; regionCode: string }[];
		};
		const clusters = demo.invited;
		const rounds: number[] = [];
		const regions = ['1081', '1082', '1083', '1084', '1085'];
		let seed = 1;
		for (const regionCode of regions) {
			const inRegion = municipalities.municipalities
				.filter((mu) => mu.regionCode === regionCode)
				.map((mu) => mu.code);
			for (const year of [2021, 2022, 2023, 2024]) {
				const file = generatedRound(regionCode, year, inRegion, clusters, seed++);
				rounds.push(
					(await importSurveyDocument(ctx, await validateSurveyDocument(ctx, file))).roundId
				);
			}
		}

		const bench = new Bench({ iterations: 20, warmupIterations: 3 });
		bench.add('findings, 13 clusters', async () => {
			await getFindings(ctx, roundId);
		});
		bench.add('findings page (charts + maps), 13 clusters', async () => {
			await getFindingsPage(ctx, roundId);
		});
		await bench.run();
		figures.push(...latencyFigures('findings', db.label, bench.tasks));

		const allRuns: number[] = [];
		for (let i = 0; i < 3; i++) {
			const started = performance.now();
			const results = await Promise.all(rounds.map((id) => getFindings(ctx, id)));
			allRuns.push(performance.now() - started);
			const covered = new Set(
				results.flatMap((f) =>
					Object.entries(f.municipalAgreements.byMunicipality)
						.filter(([, n]) => n > 0)
						.map(([code]) => code)
				)
			);
			if (i === 0)
				console.log(`findings: 20 rounds cover ${covered.size} municipalities with agreements`);
		}
		figures.push({
			bench: 'findings',
			case: `${db.label}: 20 rounds × 98 municipalities`,
			metric: 'all 20 findings',
			value: median(allRuns),
			unit: 'ms',
			runs: allRuns
		});
		await db.dispose();
	}
	return figures;
}
