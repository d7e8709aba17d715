import { z } from 'zod';
import {
	clusterStatuses,
	maturityStages,
	membershipStatuses,
	metrics,
	qualifiers,
	sourceKinds,
	units
} from '$lib/domain/landscape/types';
import {
	ActorQuerySchema,
	MunicipalityQuerySchema,
	LandscapeQuerySchema,
	ActivitiesSchema,
	FigureInputSchema,
	OfficeInputSchema,
	StageOverrideSchema
} from '../../services/landscape';
import { defineEndpoint } from '../define';

const slugParams = z.object({
	slug: z
		.string()
		.regex(/^[a-z0-9-]+$/)
		.meta({ example: 'energy-cluster-denmark' })
});
const idParams = slugParams.extend({ id: z.coerce.number().int().min(1) });

export const FigureSchema = z
	.object({
		id: z.number().int(),
		metric: z.enum(metrics),
		value: z.number(),
		unit: z.enum(units),
		year: z.number().int().nullable().meta({ description: 'null for undated figures' }),
		qualifier: z.enum(qualifiers),
		estimate: z.boolean(),
		source: z.object({
			kind: z.enum(sourceKinds),
			url: z.string().nullable(),
			label: z.string().nullable()
		}),
		note: z.string().nullable(),
		updatedAt: z.string()
	})
	.meta({ id: 'Figure', description: 'A key figure with its provenance.' });

export const ClusterSchema = z
	.object({
		slug: z.string(),
		name: z.string(),
		shortName: z.string(),
		area: z.string(),
		emerging: z.boolean().nullable(),
		emergingUncertain: z.boolean(),
		status: z.enum(clusterStatuses),
		statusAsOf: z.enum(clusterStatuses),
		closedYear: z.number().int().nullable(),
		statusNote: z.string().nullable(),
		website: z.string().nullable(),
		organisationForm: z.string().nullable(),
		focus: z.string().nullable(),
		version: z
			.number()
			.int()
			.meta({ description: 'Send back with PATCH; a stale version is refused (409).' }),
		programmes: z.array(
			z.object({
				programmeCode: z.string(),
				status: z.enum(membershipStatuses),
				note: z.string().nullable(),
				source: z.string().nullable()
			})
		),
		offices: z.array(
			z.object({
				label: z.string(),
				municipalityCode: z.string().nullable(),
				municipalityName: z.string().nullable(),
				regionCode: z.string().nullable(),
				isHq: z.boolean(),
				fromYear: z.number().int().nullable()
			})
		),
		activities: z.array(z.string()),
		stage: z.object({
			effective: z.enum(maturityStages).nullable(),
			derived: z.enum(maturityStages).nullable(),
			confidence: z.enum(['high', 'medium', 'low', 'none']),
			rule: z.string(),
			missing: z.array(z.string()),
			override: z
				.object({
					stage: z.enum(maturityStages),
					reason: z.string(),
					decidedByLabel: z.string(),
					decidedAt: z.string()
				})
				.nullable()
		}),
		figures: z
			.record(z.string(), FigureSchema)
			.meta({ description: 'The figure per metric valid as of the snapshot year.' }),
		figureHistory: z.array(FigureSchema).optional(),
		sources: z.array(z.string()).optional(),
		notes: z.string().nullable().optional()
	})
	.meta({ id: 'Cluster' });

const ProgrammeCountSchema = z.object({
	code: z.string(),
	name: z.string(),
	fromYear: z.number().int(),
	toYear: z.number().int(),
	count: z.number().int(),
	identified: z.number().int(),
	uncertain: z.number().int(),
	unidentified: z
		.number()
		.int()
		.meta({ description: 'Designated clusters the reference data could not name.' })
});

export const listClusters = defineEndpoint({
	routeId: '/api/v1/clusters',
	method: 'GET',
	operationId: 'listClusters',
	summary:
		'The cluster landscape, optionally as of a year (`asOf`), with the filters of the page, ranges and programme counts.',
	tag: 'landscape',
	query: LandscapeQuerySchema.omit({ view: true }),
	response: z.object({
		asOf: z.number().int().nullable(),
		filter: z
			.object({
				asOf: z.number().int().nullable(),
				area: z.string().nullable(),
				emerging: z.enum(['yes', 'no', 'unknown']).nullable(),
				status: z.enum(clusterStatuses).nullable(),
				stage: z.enum(maturityStages).nullable(),
				programme: z.string().nullable(),
				region: z.string().nullable()
			})
			.meta({ description: 'The filters applied; null where none was given.' }),
		year: z.number().int(),
		count: z.number().int(),
		total: z.number().int(),
		programmes: z.array(ProgrammeCountSchema),
		ranges: z.record(z.string(), z.unknown()),
		clusters: z.array(ClusterSchema)
	})
});

export const getCluster = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]',
	method: 'GET',
	operationId: 'getCluster',
	summary:
		'One cluster: profile, current figures and their history with provenance, offices, sources.',
	tag: 'landscape',
	params: slugParams,
	response: ClusterSchema
});

export const ClusterPatchSchema = z
	.object({
		version: z.number().int().min(1),
		name: z.string().optional(),
		shortName: z.string().optional(),
		area: z.string().optional(),
		emerging: z.enum(['yes', 'no', 'unknown']).optional(),
		status: z.enum(clusterStatuses).optional(),
		closedYear: z.number().int().nullable().optional(),
		statusNote: z.string().nullable().optional(),
		website: z.string().nullable().optional(),
		organisationForm: z.string().nullable().optional(),
		focus: z.string().nullable().optional()
	})
	.strict();

export const patchCluster = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]',
	method: 'PATCH',
	operationId: 'updateCluster',
	summary:
		'Changes a cluster’s facts, with the same validation as the edit form. Send the `version` you read; 409 if it changed since.',
	tag: 'landscape',
	params: slugParams,
	body: ClusterPatchSchema,
	response: ClusterSchema
});

export const addFigure = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]/figures',
	method: 'POST',
	operationId: 'saveClusterFigure',
	summary:
		'Records a figure for a metric and year with its source; replaces the value for that metric and year if there is one. Shares are 0–1.',
	tag: 'landscape',
	params: slugParams,
	body: FigureInputSchema,
	response: FigureSchema,
	successStatus: 201
});

export const deleteFigure = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]/figures/[id]',
	method: 'DELETE',
	operationId: 'deleteClusterFigure',
	summary: 'Deletes a figure (kept as a tombstone so re-seeding does not bring it back).',
	tag: 'landscape',
	params: idParams,
	response: z.null()
});

export const putActivities = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]/activities',
	method: 'PUT',
	operationId: 'setClusterActivities',
	summary: 'Sets which of the 12 activity categories the cluster offers.',
	tag: 'landscape',
	params: slugParams,
	body: ActivitiesSchema,
	response: z.object({ activities: z.array(z.string()) })
});

export const putStageOverride = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]/stage-override',
	method: 'PUT',
	operationId: 'overrideClusterStage',
	summary: 'Overrides the derived maturity stage, with a reason (both stay visible).',
	tag: 'landscape',
	params: slugParams,
	body: StageOverrideSchema,
	response: z.null()
});

export const deleteStageOverride = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]/stage-override',
	method: 'DELETE',
	operationId: 'clearClusterStageOverride',
	summary: 'Removes the override; the derived stage applies again.',
	tag: 'landscape',
	params: slugParams,
	response: z.null()
});

export const addOffice = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]/offices',
	method: 'POST',
	operationId: 'addClusterOffice',
	summary: 'Adds an office placed in a municipality (3-digit code) or unplaced.',
	tag: 'landscape',
	params: slugParams,
	body: OfficeInputSchema,
	response: z.object({
		id: z.number().int(),
		label: z.string(),
		municipalityCode: z.string().nullable(),
		isHq: z.boolean()
	}),
	successStatus: 201
});

export const deleteOffice = defineEndpoint({
	routeId: '/api/v1/clusters/[slug]/offices/[id]',
	method: 'DELETE',
	operationId: 'deleteClusterOffice',
	summary: 'Removes an office.',
	tag: 'landscape',
	params: idParams,
	response: z.null()
});

export const listMunicipalities = defineEndpoint({
	routeId: '/api/v1/municipalities',
	method: 'GET',
	operationId: 'listMunicipalities',
	summary: 'The 98 municipalities (3-digit codes), optionally of one region.',
	tag: 'reference',
	query: MunicipalityQuerySchema,
	response: z.object({
		municipalities: z.array(
			z.object({ code: z.string(), name: z.string(), regionCode: z.string() })
		)
	})
});

export const listRegions = defineEndpoint({
	routeId: '/api/v1/regions',
	method: 'GET',
	operationId: 'listRegions',
	summary: 'The 5 regions (codes 1081–1085).',
	tag: 'reference',
	response: z.object({
		regions: z.array(
			z.object({ code: z.string(), name: z.string(), municipalities: z.number().int() })
		)
	})
});

export const listActors = defineEndpoint({
	routeId: '/api/v1/actors',
	method: 'GET',
	operationId: 'listActors',
	summary:
		'The regional business-promotion and knowledge actors of a region (survey options, agreement parties).',
	tag: 'reference',
	query: ActorQuerySchema,
	response: z.object({
		actors: z.array(
			z.object({
				slug: z.string(),
				name: z.string(),
				kind: z.string(),
				regionCode: z.string(),
				municipalityCode: z.string().nullable(),
				note: z.string().nullable(),
				source: z.string().nullable(),
				surveyRoles: z.array(z.string())
			})
		)
	})
});
