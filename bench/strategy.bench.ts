/**
 * Strategy and recommendations: the fit matrix with every breakdown, the fit page with its heat
 * map, the recommendations and the portfolio for North Jutland on the demo round; and the pure
 * model at a larger scale (60 clusters × 30 efforts, and the recommender for 60 clusters).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { fitMatrix, type ClusterEvidence } from '../src/lib/domain/fit/score';
import { CatalogueFileSchema } from '../src/lib/domain/collaboration/catalogue';
import { recommend } from '../src/lib/domain/collaboration/recommend';
import { defaultWeights, type Effort } from '../src/lib/domain/strategy/strategy';
import type { Ctx } from '../src/lib/server/services/context';
import { seedDemoData } from '../src/lib/server/services/platform';
import { getFitJson, getFitPage } from '../src/lib/server/services/fit';
import { getPortfolio, getRecommendations } from '../src/lib/server/services/collaboration';
import { seedReferenceData } from '../src/lib/server/services/platform';
import { benchDatabases } from './db';
import { latencyFigures, type Figure } from './harness';

const root = join(import.meta.dirname, '..');
const areas = [
	'Energiteknologi',
	'Miljøteknologi',
	'Digitale teknologier',
	'Lyd',
	'Byggeri og anlæg',
	'Life science'
];
const activities = [
	'innovation-projects',
	'matchmaking',
	'internationalisation',
	'knowledge-dissemination'
];

function syntheticClusters(count: number): ClusterEvidence[] {
	return Array.from({ length: count }, (_, i) => ({
		slug: `c${i}`,
		name: `Klynge ${i}`,
		text: `Klynge ${i} ${areas[i % areas.length] ?? ''} energi digital`,
		area: areas[i % areas.length] ?? '',
		activities: activities.slice(0, (i % activities.length) + 1),
		stage: (['emerging', 'developing', 'mature'] as const)[i % 3] ?? null,
		survey:
			i % 7 === 0
				? null
				: {
						roundId: 1,
						round: 'Bench',
						date: null,
						ownOffice: i % 2 === 0,
						presenceMunicipalities: ['Aalborg'],
						coLocatedWith: i % 3 === 0 ? ['aau'] : [],
						otherPresence: false,
						members: 10 + i,
						under50: 5 + (i % 10),
						uniqueCompanies: 50 + i * 5,
						estimate: i % 2 === 1,
						membersEstimate: false,
						partners: ['aau', 'ucn'].slice(0, i % 3),
						agreementParties: i % 4 === 0 ? ['brn', 'municipality'] : [],
						agreementMunicipalities: i % 4 === 0 ? ['851', '813'] : [],
						activityCodes: ['collaboration-projects'],
						otherTexts: []
					}
	}));
}

function syntheticEfforts(count: number): Effort[] {
	return Array.from({ length: count }, (_, i) => ({
		code: `e${i}`,
		title: { da: `Indsats ${i}`, en: `Effort ${i}` },
		description: '',
		areas: [areas[i % areas.length] ?? ''],
		activityCategories: activities.slice(i % 2, (i % 2) + 2),
		keywords: ['energi', 'digital', 'grøn', 'vand'].slice(0, (i % 4) + 1)
	}));
}

export async function run(): Promise<Figure[]> {
	const figures: Figure[] = [];
	for (const db of await benchDatabases()) {
		const ctx: Ctx = { db: db.handle.db, actor: { kind: 'system', label: 'test' }, locale: 'da' };
		await seedReferenceData(ctx.db);
		await seedDemoData(ctx.db);
		const bench = new Bench({ iterations: 20, warmupIterations: 3 });
		bench.add('fit matrix with breakdowns, 12 × 6', async () => {
			await getFitJson(ctx, '1081');
		});
		bench.add('fit page with heat map SVG', async () => {
			await getFitPage(ctx, '1081', { cluster: 'made', effort: 'digitalisation' });
		});
		bench.add('recommendations, 12 clusters', async () => {
			await getRecommendations(ctx, '1081');
		});
		bench.add('portfolio', async () => {
			await getPortfolio(ctx, '1081');
		});
		await bench.run();
		figures.push(...latencyFigures('strategy', db.label, bench.tasks));
		await db.dispose();
	}

	const catalogue = CatalogueFileSchema.parse(
		JSON.parse(readFileSync(join(root, 'data', 'catalogue', 'collaboration-models.json'), 'utf8'))
	);
	const clusters = syntheticClusters(60);
	const efforts = syntheticEfforts(30);
	const pure = new Bench({ iterations: 50, warmupIterations: 5 });
	pure.add('fit matrix, 60 clusters × 30 efforts', () => {
		fitMatrix(clusters, efforts, defaultWeights);
	});
	pure.add('recommender, 60 clusters × 30 efforts', () => {
		const matrix = fitMatrix(clusters, efforts, defaultWeights);
		for (const evidence of clusters) {
			recommend({
				evidence,
				cells: matrix.cells.filter((c) => c.cluster === evidence.slug),
				efforts,
				models: catalogue.models,
				hubs: [{ actor: 'green-hub-denmark', name: 'Green Hub Denmark', keywords: ['energi'] }],
				regionWideParties: ['brn'],
				confirmed: [],
				actorNames: new Map()
			});
		}
	});
	await pure.run();
	figures.push(...latencyFigures('strategy', 'domain only', pure.tasks));
	return figures;
}
