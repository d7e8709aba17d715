import { z } from 'zod';
import { decisionKinds } from '$lib/domain/collaboration/portfolio';
import { EffortSchema, HubSchema, WeightsSchema } from '$lib/domain/strategy/strategy';
import { defineEndpoint } from '../define';

const timestamp = z.iso.datetime({ offset: true });
const regionParams = z.object({ region: z.string().regex(/^108[1-5]$/) });
const Region = z.object({ code: z.string(), name: z.string() });

const Provenance = z
	.object({
		source: z.literal('derived'),
		survey: z
			.object({
				roundId: z.number().int(),
				title: z.string(),
				year: z.number().int(),
				isDemo: z.boolean(),
				n: z.number().int(),
				N: z.number().int(),
				lastAnswer: timestamp.nullable()
			})
			.nullable(),
		strategyVersion: z.number().int(),
		strategyIsExample: z.boolean(),
		strategyDate: timestamp,
		landscapeUpdatedAt: z.string().nullable(),
		register: z
			.object({
				clusters: z.number().int(),
				lists: z.number().int(),
				latestImport: timestamp
			})
			.nullable()
			.describe(
				'The company register’s member and participant lists whose unique counts stand in for the clusters’ own unique-company figures; null when it has none'
			),
		text: z.string()
	})
	.meta({
		id: 'FitProvenance',
		description:
			'Where the derived figures come from: survey round (n of N), company register lists, strategy version, landscape date.'
	});

export const getStrategy = defineEndpoint({
	routeId: '/api/v1/strategies/[region]',
	method: 'GET',
	operationId: 'getStrategy',
	summary:
		'A region’s strategy: the latest version (vision, efforts, regional hubs, fit weights) and the list of versions.',
	tag: 'strategy',
	params: regionParams,
	response: z.object({
		format: z.literal('klyngeradar/strategy@1'),
		region: Region,
		version: z.object({
			version: z.number().int(),
			vision: z.string(),
			efforts: z.array(EffortSchema),
			hubs: z.array(HubSchema),
			weights: WeightsSchema,
			isExample: z.boolean(),
			source: z.string().nullable(),
			createdByLabel: z.string(),
			createdAt: timestamp
		}),
		versions: z.array(
			z.object({
				version: z.number().int(),
				isExample: z.boolean(),
				createdBy: z.string(),
				createdAt: timestamp
			})
		)
	})
});

const Criterion = z.object({
	criterion: z.enum(['thematic', 'presence', 'reach', 'ties', 'maturity']),
	weight: z.number(),
	value: z.number().nullable().describe('0–100; null when the data is missing'),
	points: z.number().nullable().describe('What the criterion adds to the score'),
	evidence: z.array(z.string()),
	link: z.string().nullable().describe('Where the evidence can be checked in the app')
});

export const getFit = defineEndpoint({
	routeId: '/api/v1/strategies/[region]/fit',
	method: 'GET',
	operationId: 'getFitMatrix',
	summary:
		'The fit of every active cluster with every effort of the strategy: score 0–100, confidence, missing criteria, overrides and the breakdown per criterion.',
	tag: 'strategy',
	params: regionParams,
	response: z.object({
		format: z.literal('klyngeradar/fit-matrix@1'),
		region: Region,
		strategyVersion: z.number().int(),
		weights: WeightsSchema,
		provenance: Provenance,
		efforts: z.array(z.object({ code: z.string(), title: z.string() })),
		clusters: z.array(z.object({ slug: z.string(), name: z.string(), total: z.number() })),
		cells: z.array(
			z.object({
				cluster: z.string(),
				effort: z.string(),
				score: z.number().int(),
				shown: z.number().int(),
				confidence: z.number(),
				missing: z.array(z.string()),
				override: z
					.object({ score: z.number().int(), reason: z.string(), by: z.string(), at: timestamp })
					.nullable(),
				criteria: z.array(Criterion)
			})
		)
	})
});

const Statement = z.string();
export const listRecommendations = defineEndpoint({
	routeId: '/api/v1/recommendations',
	method: 'GET',
	operationId: 'listRecommendations',
	summary:
		'Per active cluster: one or two proposed collaboration models with reasons, unmet checklist points, efforts served, and the latest decision.',
	tag: 'strategy',
	query: z.object({ region: z.string().regex(/^108[1-5]$/) }),
	response: z.object({
		format: z.literal('klyngeradar/recommendations@1'),
		region: Region,
		strategyVersion: z.number().int(),
		provenance: Provenance,
		items: z.array(
			z.object({
				cluster: z.string(),
				name: z.string(),
				summary: Statement,
				facts: z.array(Statement),
				options: z.array(
					z.object({
						model: z.string(),
						name: z.string(),
						rank: z.number().int(),
						suitability: z.number().int(),
						reasons: z.array(Statement),
						checklist: z.array(
							z.object({ code: z.string(), label: z.string(), met: z.boolean(), why: Statement })
						)
					})
				),
				serves: z.array(
					z.object({ effort: z.string(), title: z.string(), score: z.number().int() })
				),
				confidence: z.number(),
				decision: z
					.object({
						id: z.number().int(),
						decision: z.enum(decisionKinds),
						chosenModel: z.string().nullable(),
						chosenModelName: z.string().nullable(),
						note: z.string(),
						by: z.string(),
						at: timestamp
					})
					.loose()
					.nullable()
			})
		)
	})
});
