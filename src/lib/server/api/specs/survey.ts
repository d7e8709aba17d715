import { z } from 'zod';
import { SurveyFileSchema } from '$lib/domain/survey/import-format';
import { CreateRoundSchema } from '../../services/survey';
import { roundStatuses } from '../../db/schema/survey';
import { defineEndpoint } from '../define';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const timestamp = z.iso.datetime({ offset: true });

const RoundSchema = z
	.object({
		id: z.number().int(),
		regionCode: z.string(),
		regionName: z.string(),
		year: z.number().int(),
		title: z.string(),
		status: z.enum(roundStatuses),
		isDemo: z.boolean(),
		invited: z.number().int(),
		completed: z.number().int(),
		partial: z.number().int(),
		createdAt: timestamp
	})
	.meta({ id: 'SurveyRound' });

export const listRounds = defineEndpoint({
	routeId: '/api/v1/survey-rounds',
	method: 'GET',
	operationId: 'listSurveyRounds',
	summary: 'All survey rounds, newest first, with invited, completed and partial counts.',
	tag: 'survey',
	response: z.object({ rounds: z.array(RoundSchema) })
});

export const createRound = defineEndpoint({
	routeId: '/api/v1/survey-rounds',
	method: 'POST',
	operationId: 'createSurveyRound',
	summary:
		'Creates a round for a region and year with the default questionnaire; invites the given clusters (default: all active).',
	tag: 'survey',
	body: CreateRoundSchema,
	response: z.object({ roundId: z.number().int() }),
	successStatus: 201
});

export const getRound = defineEndpoint({
	routeId: '/api/v1/survey-rounds/[id]',
	method: 'GET',
	operationId: 'getSurveyRound',
	summary:
		'A round’s status per invited cluster: not started, partial or completed, last activity.',
	tag: 'survey',
	params: idParams,
	response: z.object({
		round: z.record(z.string(), z.unknown()),
		counts: z.object({
			invited: z.number(),
			notStarted: z.number(),
			partial: z.number(),
			completed: z.number()
		}),
		invitations: z.array(
			z.object({
				cluster: z.string(),
				status: z.enum(['not_started', 'partial', 'completed']),
				lastActivityAt: timestamp.nullable(),
				submittedAt: timestamp.nullable(),
				source: z.enum(['link', 'import', 'analyst']).nullable()
			})
		)
	})
});

const TallySchema = z.record(z.string(), z.number().int());
const SumSchema = z.object({
	clusters: z.number().int(),
	sum: z.number(),
	estimates: z.number().int(),
	sinceYears: z.array(z.number().int())
});

export const FindingsSchema = z
	.object({
		format: z.literal('klyngeradar/survey-findings@1'),
		round: z.object({
			id: z.number().int(),
			title: z.string(),
			regionCode: z.string(),
			regionName: z.string(),
			year: z.number().int(),
			sinceYear: z.number().int(),
			status: z.enum(roundStatuses),
			isDemo: z.boolean()
		}),
		provenance: z.object({
			source: z.literal('survey'),
			counted: z.literal('completed'),
			n: z.number().int(),
			N: z.number().int()
		}),
		invited: z.number().int(),
		completed: z.number().int(),
		partial: z.number().int(),
		notStarted: z.number().int(),
		activeInRegion: z.number().int(),
		inactive: z.number().int(),
		presence: z.object({
			answered: z.number().int(),
			present: z.number().int(),
			ownOffice: z.number().int(),
			coLocatedWith: TallySchema,
			other: z.number().int(),
			byMunicipality: TallySchema
		}),
		partners: z.object({
			answered: z.number().int(),
			clustersWithPartners: z.number().int(),
			byActor: TallySchema,
			other: z.number().int()
		}),
		members: z.object({
			clusters: z.number().int(),
			total: z.number(),
			over50: z.number(),
			under50: z.number(),
			estimates: z.number().int()
		}),
		uniqueCompanies: SumSchema,
		participants: SumSchema,
		activities: z.object({
			answered: z.number().int(),
			clustersWithActivities: z.number().int(),
			byCode: TallySchema,
			other: z.number().int()
		}),
		agreements: z.object({
			answered: z.number().int(),
			clustersWith: z.number().int(),
			clustersWithout: z.number().int(),
			byParty: TallySchema,
			other: z.number().int()
		}),
		municipalAgreements: z.object({
			clusters: z.number().int(),
			agreements: z.number().int(),
			municipalities: z.number().int(),
			byMunicipality: TallySchema,
			maxPerCluster: z.number().int()
		})
	})
	.meta({
		id: 'SurveyFindings',
		description:
			'Counts are numbers of clusters unless named otherwise; only completed responses count; sums say how many clusters reported them and how many were estimates.'
	});

export const getFindings = defineEndpoint({
	routeId: '/api/v1/survey-rounds/[id]/findings',
	method: 'GET',
	operationId: 'getSurveyFindings',
	summary:
		'The findings of a round: the same document the findings page and the decks are built from.',
	tag: 'survey',
	params: idParams,
	response: FindingsSchema
});

export const exportRound = defineEndpoint({
	routeId: '/api/v1/survey-rounds/[id]/export',
	method: 'GET',
	operationId: 'exportSurveyRound',
	summary: 'A round’s answers in the klyngeradar/survey-responses@1 format (importable).',
	tag: 'survey',
	params: idParams,
	response: SurveyFileSchema
});

export const importRound = defineEndpoint({
	routeId: '/api/v1/survey-rounds/import',
	method: 'POST',
	operationId: 'importSurveyRound',
	summary:
		'Imports answers collected by e-mail or in a meeting as a new round. The whole file is checked first; every problem is reported with the response index, cluster and field, and nothing is written.',
	tag: 'survey',
	body: SurveyFileSchema,
	rawBody: true,
	response: z.object({ roundId: z.number().int(), responses: z.number().int() }),
	successStatus: 201
});
