import { z } from 'zod';
import { defineEndpoint } from '../define';

const timestamp = z.iso.datetime({ offset: true });

const CoverageRowSchema = z
	.object({
		regionCode: z.string(),
		regionName: z.string(),
		year: z.number().int(),
		title: z.string(),
		roundId: z.number().int(),
		publisher: z.string(),
		publishedAt: timestamp,
		invited: z.number().int(),
		completed: z.number().int(),
		partial: z.number().int(),
		responseRate: z.number(),
		clusters: z.array(z.string())
	})
	.meta({ id: 'NationalCoverageRow' });

export const nationalCoverage = defineEndpoint({
	routeId: '/api/v1/national/coverage',
	method: 'GET',
	operationId: 'nationalCoverage',
	summary:
		'Which clusters each region surveyed in which year, with response rates: the rounds organisations published to the national view.',
	tag: 'national',
	response: z.object({
		rounds: z.array(CoverageRowSchema),
		regionsWithout: z.array(z.object({ code: z.string(), name: z.string() }))
	})
});

const CellSchema = z.object({
	status: z.enum(['not_started', 'partial', 'completed']),
	present: z.boolean(),
	members: z.number().int().nullable(),
	membersEstimate: z.boolean(),
	uniqueCompanies: z.number().int().nullable(),
	uniqueEstimate: z.boolean(),
	agreements: z.number().int()
});

export const nationalMatrix = defineEndpoint({
	routeId: '/api/v1/national/matrix',
	method: 'GET',
	operationId: 'nationalMatrix',
	summary:
		'Clusters × regions from each region’s latest published round: presence, members, unique companies and agreement parties per cell, each region with its round, n of N and estimates; and per municipality the clusters present and with agreements.',
	tag: 'national',
	response: z.object({
		regions: z.array(
			z.object({
				regionCode: z.string(),
				round: z.object({
					id: z.number().int(),
					title: z.string(),
					year: z.number().int(),
					publishedAt: timestamp,
					publisher: z.string()
				}),
				completed: z.number().int(),
				invited: z.number().int(),
				estimates: z.number().int()
			})
		),
		cells: z.record(z.string(), z.record(z.string(), CellSchema)),
		municipalities: z.record(
			z.string(),
			z.object({ presence: z.number().int(), agreements: z.number().int() })
		)
	})
});
