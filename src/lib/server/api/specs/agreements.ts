import { z } from 'zod';
import { AgreementInputSchema, statuses } from '$lib/domain/agreements/agreement';
import { KpiInputSchema, kpiStatuses, MeasurementInputSchema } from '$lib/domain/agreements/kpi';
import { GoalInputSchema, AgreementListQuerySchema } from '../../services/agreements';
import { defineEndpoint } from '../define';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const created = z.object({ id: z.number().int() });
const KpiStatus = z.enum(kpiStatuses);
const Measurement = z.object({
	id: z.number().int(),
	measuredOn: z.string(),
	value: z.number(),
	isEstimate: z.boolean(),
	comment: z.string().nullable(),
	provenance: z
		.record(z.string(), z.unknown())
		.describe(
			'manual (by), survey (roundId, roundTitle) or import (year, importedOn, lists: kind and filename of the register lists counted)'
		)
});

export const listAgreements = defineEndpoint({
	routeId: '/api/v1/agreements',
	method: 'GET',
	operationId: 'listAgreements',
	summary:
		'Agreements, newest first, with the worst KPI status of each (filter by region, status, cluster).',
	tag: 'agreements',
	query: AgreementListQuerySchema,
	response: z.object({
		agreements: z.array(
			z.object({
				id: z.number().int(),
				title: z.string(),
				regionCode: z.string(),
				cluster: z.object({ slug: z.string(), name: z.string() }),
				modelName: z.string().nullable(),
				status: z.enum(statuses),
				startsOn: z.string(),
				endsOn: z.string(),
				municipalities: z.array(z.string()),
				efforts: z.array(z.string()),
				kpiStatus: KpiStatus,
				kpis: z.number().int(),
				isDemo: z.boolean(),
				version: z.number().int()
			})
		)
	})
});

export const createAgreement = defineEndpoint({
	routeId: '/api/v1/agreements',
	method: 'POST',
	operationId: 'createAgreement',
	summary: 'Creates an agreement in a region; the budget lines are saved in the same transaction.',
	tag: 'agreements',
	body: AgreementInputSchema.and(z.object({ region: z.string().regex(/^108[1-5]$/) })),
	rawBody: true,
	response: created,
	successStatus: 201
});

export const getAgreement = defineEndpoint({
	routeId: '/api/v1/agreements/[id]',
	method: 'GET',
	operationId: 'getAgreement',
	summary:
		'One agreement with budget, goals, KPIs (status, reason, measurements with provenance), documents and reviews.',
	tag: 'agreements',
	params: idParams,
	response: z
		.object({
			format: z.literal('klyngeradar/agreement@1'),
			id: z.number().int(),
			version: z.number().int(),
			kpiStatus: KpiStatus,
			goals: z.array(
				z
					.object({
						id: z.number().int(),
						title: z.string(),
						kpis: z.array(
							z
								.object({
									id: z.number().int(),
									name: z.string(),
									status: KpiStatus,
									reason: z.string(),
									measurements: z.array(Measurement)
								})
								.loose()
						)
					})
					.loose()
			)
		})
		.loose()
});

export const updateAgreement = defineEndpoint({
	routeId: '/api/v1/agreements/[id]',
	method: 'PATCH',
	operationId: 'updateAgreement',
	summary:
		'Replaces an agreement’s fields and budget. Send the `version` you read; a newer one answers 409.',
	tag: 'agreements',
	params: idParams,
	body: AgreementInputSchema.and(z.object({ version: z.number().int().min(1) })),
	rawBody: true,
	response: z.object({ id: z.number().int(), version: z.number().int() })
});

export const deleteAgreement = defineEndpoint({
	routeId: '/api/v1/agreements/[id]',
	method: 'DELETE',
	operationId: 'deleteAgreement',
	summary: 'Deletes an agreement with its goals, KPIs, measurements and documents (audited).',
	tag: 'agreements',
	params: idParams,
	response: z.null().meta({ description: 'No content (204).' })
});

export const addGoal = defineEndpoint({
	routeId: '/api/v1/agreements/[id]/goals',
	method: 'POST',
	operationId: 'addAgreementGoal',
	summary: 'Adds a goal to an agreement.',
	tag: 'agreements',
	params: idParams,
	body: GoalInputSchema,
	rawBody: true,
	response: created,
	successStatus: 201
});

export const addKpi = defineEndpoint({
	routeId: '/api/v1/agreements/[id]/goals/[goalId]/kpis',
	method: 'POST',
	operationId: 'addKpi',
	summary:
		'Adds a KPI to a goal: `source` is `manual` or an automatic source (survey-members, survey-unique-companies, survey-participants, survey-activities, survey-covered-presence, register-unique-companies).',
	tag: 'agreements',
	params: idParams.extend({ goalId: z.coerce.number().int().min(1) }),
	body: KpiInputSchema,
	rawBody: true,
	response: created,
	successStatus: 201
});

export const recordMeasurement = defineEndpoint({
	routeId: '/api/v1/agreements/[id]/kpis/[kpiId]/measurements',
	method: 'POST',
	operationId: 'recordKpiMeasurement',
	summary: 'Records a measurement of a manual KPI.',
	tag: 'agreements',
	params: idParams.extend({ kpiId: z.coerce.number().int().min(1) }),
	body: MeasurementInputSchema,
	rawBody: true,
	response: created,
	successStatus: 201
});
