import { z } from 'zod';
import { importFields } from '$lib/domain/companies/headers';
import { companyImportKinds } from '$lib/domain/companies/kinds';
import { CompanyStatsQuerySchema } from '../../services/companies';
import { defineEndpoint } from '../define';

export const getCompanyStats = defineEndpoint({
	routeId: '/api/v1/companies/stats',
	method: 'GET',
	operationId: 'getCompanyStats',
	summary:
		'Unique companies (by CVR) in the clusters’ member and participant lists for a region: per municipality, size band and cluster, and the overlap between clusters.',
	tag: 'companies',
	query: CompanyStatsQuerySchema,
	response: z.object({
		format: z.literal('klyngeradar/company-stats@1'),
		region: z.object({ code: z.string(), name: z.string() }),
		year: z.number().int().nullable(),
		provenance: z.object({
			source: z.literal('import'),
			lists: z.number().int(),
			registerExtracts: z.number().int(),
			latestImport: z.string().nullable(),
			attribution: z.record(z.string(), z.number().int())
		}),
		uniqueCompanies: z.number().int(),
		byMunicipality: z.record(z.string(), z.number().int()),
		bySizeBand: z.object({
			lt50: z.number().int(),
			ge50: z.number().int(),
			unknown: z.number().int()
		}),
		byCluster: z.record(z.string(), z.number().int()),
		overlap: z.record(z.string(), z.number().int())
	})
});

export const createImport = defineEndpoint({
	routeId: '/api/v1/imports',
	method: 'POST',
	operationId: 'createImport',
	summary:
		'Imports a CSV or XLSX file sent as the request body (text/csv or the XLSX media type): a CVR extract, or a cluster’s member or participant list for a year. All or nothing: a bad row answers 400 with the line and field named.',
	description:
		'Columns are recognised by header (Danish or English); `mapping` (JSON, field → header) overrides. Encoding UTF-8 (with or without BOM) or Latin-1; delimiter `;`, `,` or tab. An XLSX file is read from its first sheet; its container is checked (zip expansion ratio, size, entries) before it is inflated. The body is streamed to a temporary file, at most 400 MB and 3 million rows.',
	tag: 'companies',
	query: z.object({
		kind: z.enum(companyImportKinds),
		cluster: z.string().optional(),
		year: z.coerce.number().int().optional(),
		filename: z.string().default('upload.csv'),
		mapping: z
			.string()
			.optional()
			.describe(`JSON object from field (${importFields.join(', ')}) to column header`)
	}),
	response: z.object({
		importId: z.number().int(),
		kind: z.enum(companyImportKinds),
		format: z.enum(['csv', 'xlsx']),
		rowsRead: z.number().int(),
		rowsAccepted: z.number().int(),
		rowsForReview: z.number().int(),
		encoding: z.enum(['utf-8', 'latin-1']),
		delimiter: z.string(),
		mapping: z.record(z.string(), z.string()),
		replaced: z.number().int()
	}),
	successStatus: 201
});
