/**
 * Import and export of survey answers in the `klyngeradar/survey-responses@1` format, plus CSV and
 * XLSX exports. An import is checked in full first; any problem is reported with the response
 * index, cluster and field, and nothing is written. The import is one transaction.
 */
import ExcelJS from 'exceljs';
import { actorLabel } from '$lib/domain/access';
import { NotFoundError, ValidationError, type FieldIssue } from '$lib/domain/errors';
import { AnswersSchema, type Answers } from '$lib/domain/survey/answers';
import {
	checkSurveyFile,
	SURVEY_FORMAT,
	SurveyFileSchema,
	type SurveyFile
} from '$lib/domain/survey/import-format';
import { defaultTexts } from '$lib/domain/survey/questionnaire';
import { toCsv } from '../../csv';
import { listClusterRows } from '../../db/queries/landscape/clusters';
import { insertInvitations, listInvitationStatus } from '../../db/queries/survey/invitations';
import { listResponses, saveResponse } from '../../db/queries/survey/responses';
import { findRound, insertRound, insertVersion } from '../../db/queries/survey/rounds';
import { messageByKey, m } from '../../i18n';
import { errorMapFor, toFieldIssues } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { loadRegionSurvey } from './context';

/** Largest import file accepted (a round of 500 clusters is far below this). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function fail(
	ctx: Ctx,
	issues: FieldIssue[],
	message = m.import_failed({ count: issues.length }, { locale: ctx.locale })
): never {
	throw new ValidationError(message, issues);
}

/** Parses and checks a file's text; returns the file or throws with every problem found. */
export async function validateSurveyFile(ctx: Ctx, text: string): Promise<SurveyFile> {
	if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
		fail(ctx, [
			{
				path: [],
				message: m.import_too_large(
					{ max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` },
					{ locale: ctx.locale }
				)
			}
		]);
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (err) {
		fail(ctx, [
			{
				path: [],
				message: m.import_bad_json({ detail: (err as Error).message }, { locale: ctx.locale })
			}
		]);
	}
	return validateSurveyDocument(ctx, raw);
}

/** Checks an already parsed document (the API's JSON body). */
export async function validateSurveyDocument(ctx: Ctx, raw: unknown): Promise<SurveyFile> {
	const parsed = SurveyFileSchema.safeParse(raw, { error: errorMapFor(ctx.locale) });
	if (!parsed.success) {
		const issues = toFieldIssues(parsed.error).map((issue) => withCluster(issue, raw));
		fail(ctx, issues);
	}
	const file = parsed.data;
	const [clusters, { context }] = await Promise.all([
		listClusterRows(ctx.db),
		loadRegionSurvey(ctx.db, file.round.regionCode, file.round.year, ctx.locale)
	]);
	const issues = checkSurveyFile(file, new Set(clusters.map((c) => c.slug)), context);
	if (issues.length > 0) {
		fail(
			ctx,
			issues.map((issue) => ({
				path: issue.path,
				message: `${issue.cluster ? `${issue.cluster}: ` : ''}${messageByKey(issue.key, issue.params, ctx.locale) ?? issue.key}`
			}))
		);
	}
	return file;
}

/** Prefixes a schema issue inside a response with that response's cluster. */
function withCluster(issue: FieldIssue, raw: unknown): FieldIssue {
	const [first, index] = issue.path;
	if (first !== 'responses' || typeof index !== 'number') return issue;
	const cluster = (raw as { responses?: { cluster?: unknown }[] }).responses?.[index]?.cluster;
	return typeof cluster === 'string'
		? { ...issue, message: `${cluster}: ${issue.message}` }
		: issue;
}

/** Imports a file as a new round. Returns the round's id. */
export async function importSurvey(
	ctx: Ctx,
	text: string
): Promise<{ roundId: number; responses: number }> {
	requireRole(ctx, 'analyst');
	return importSurveyDocument(ctx, await validateSurveyFile(ctx, text));
}

export async function importSurveyDocument(
	ctx: Ctx,
	file: SurveyFile,
	options: { isDemo?: boolean } = {}
): Promise<{ roundId: number; responses: number }> {
	requireRole(ctx, 'analyst');
	const clusters = await listClusterRows(ctx.db);
	const ids = new Map(clusters.map((c) => [c.slug, c.id]));
	return ctx.db.transaction(async (tx) => {
		const round = await insertRound(tx, {
			regionCode: file.round.regionCode,
			year: file.round.year,
			title: file.round.title,
			sinceYear: file.round.sinceYear ?? file.round.year - 2,
			isDemo: options.isDemo ?? false,
			createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null
		});
		const version = await insertVersion(tx, {
			roundId: round.id,
			version: 1,
			texts: defaultTexts,
			createdByLabel: actorLabel(ctx.actor)
		});
		await insertInvitations(
			tx,
			file.invited.map((slug) => ({
				roundId: round.id,
				clusterId: ids.get(slug) ?? 0,
				recipientEmail: null
			}))
		);
		for (const response of file.responses) {
			await saveResponse(tx, {
				roundId: round.id,
				clusterId: ids.get(response.cluster) ?? 0,
				status: response.status,
				answers: response.answers,
				versionId: version.id,
				source: 'import',
				updatedByLabel: actorLabel(ctx.actor),
				submitted: response.status === 'completed'
			});
		}
		await recordAudit(tx, ctx, {
			entity: 'survey-round',
			entityId: round.id,
			action: 'create',
			after: {
				round: file.round,
				invited: file.invited,
				responses: file.responses.length,
				source: 'import'
			}
		});
		return { roundId: round.id, responses: file.responses.length };
	});
}

/** A round's answers in the import format, so a file can travel between installations. */
export async function exportSurvey(ctx: Ctx, roundId: number): Promise<SurveyFile> {
	requireRole(ctx, 'analyst');
	const round = Number.isInteger(roundId) ? await findRound(ctx.db, roundId) : undefined;
	if (!round)
		throw new NotFoundError(
			m.survey_round_not_found({ id: String(roundId) }, { locale: ctx.locale })
		);
	const [invitations, responses] = await Promise.all([
		listInvitationStatus(ctx.db, roundId),
		listResponses(ctx.db, roundId)
	]);
	return {
		format: SURVEY_FORMAT,
		round: {
			regionCode: round.regionCode,
			year: round.year,
			title: round.title,
			sinceYear: round.sinceYear
		},
		invited: invitations.map((i) => i.clusterSlug),
		responses: responses
			.filter(
				(r): r is typeof r & { status: 'completed' | 'partial' } => r.status !== 'not_started'
			)
			.map((r) => ({
				cluster: r.clusterSlug,
				status: r.status,
				answers: AnswersSchema.parse(r.answers)
			}))
	};
}

const columns = [
	'cluster',
	'status',
	'activeInRegion',
	'presence.ownOffice',
	'presence.coLocatedWith',
	'presence.other',
	'presence.municipalities',
	'partners.actors',
	'partners.other',
	'members.total',
	'members.over50',
	'members.under50',
	'members.estimate',
	'uniqueCompanies.count',
	'uniqueCompanies.sinceYear',
	'uniqueCompanies.estimate',
	'participants.count',
	'participants.sinceYear',
	'participants.estimate',
	'activities.codes',
	'activities.other',
	'agreements.parties',
	'agreements.other',
	'agreements.municipalities'
] as const;

function cell(answers: Answers, column: string): string | number | boolean | null {
	const [group, field] = column.split('.') as [keyof Answers, string | undefined];
	const value = answers[group];
	if (field === undefined) return (value as boolean | null | undefined) ?? null;
	if (!value || typeof value !== 'object') return null;
	const inner = (value as Record<string, unknown>)[field];
	if (Array.isArray(inner)) return inner.join(';');
	return (inner as string | number | boolean | null | undefined) ?? null;
}

function rows(file: SurveyFile): (string | number | boolean | null)[][] {
	return file.responses.map((response) => [
		response.cluster,
		response.status,
		...columns.slice(2).map((column) => cell(response.answers, column))
	]);
}

export async function exportSurveyCsv(ctx: Ctx, roundId: number): Promise<string> {
	const file = await exportSurvey(ctx, roundId);
	// Free-text answers come from respondents: toCsv writes a leading = + - @ as text, not a formula.
	return toCsv([[...columns], ...rows(file)]);
}

export async function exportSurveyXlsx(ctx: Ctx, roundId: number): Promise<Buffer> {
	const file = await exportSurvey(ctx, roundId);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Klyngeradar';
	const sheet = workbook.addWorksheet(file.round.title.slice(0, 31));
	sheet.addRow([...columns]);
	sheet.getRow(1).font = { bold: true };
	for (const row of rows(file)) sheet.addRow(row);
	sheet.columns.forEach((column) => (column.width = 18));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
