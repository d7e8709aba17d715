/**
 * Agreements and their KPI history as a spreadsheet: agreements, KPIs with status, every
 * measurement with its provenance, the budget lines, and where the figures come from.
 */
import { newWorkbook, sheetWithHeader as sheet } from '../../xlsx';
import { listAgreements, listBudgetLines } from '../../db/queries/agreements/agreements';
import { m } from '../../i18n';
import { requireRole } from '../access';
import { loadKpiBoard } from './kpis';
import { modelName } from './agreements';
import { agreementOptions, partyLabel } from './options';
import type { Ctx } from '../context';
import { importProvenanceLabel, kpiStatusLabel, sourceLabel } from '$lib/labels/agreements';

export async function agreementsXlsx(
	ctx: Ctx,
	regionCode: string,
	now = new Date()
): Promise<Buffer> {
	requireRole(ctx, 'viewer');
	const { options } = await agreementOptions(ctx, regionCode);
	const rows = await listAgreements(ctx.db, { regionCode: options.region.code });
	const [board, budget] = await Promise.all([
		loadKpiBoard(ctx, rows),
		listBudgetLines(
			ctx.db,
			rows.map((r) => r.id)
		)
	]);
	const book = newWorkbook();
	agreementsSheet(book, ctx, rows, options, budget);
	kpiSheets(book, ctx, rows, board);
	budgetSheet(book, ctx, rows, options, budget);
	provenanceSheet(book, ctx, options.region.name, now);
	return Buffer.from(await book.xlsx.writeBuffer());
}

type Book = ReturnType<typeof newWorkbook>;
type Rows = Awaited<ReturnType<typeof listAgreements>>;
type Budget = Awaited<ReturnType<typeof listBudgetLines>>;
type Options = Awaited<ReturnType<typeof agreementOptions>>['options'];
type Board = Awaited<ReturnType<typeof loadKpiBoard>>;

function agreementsSheet(book: Book, ctx: Ctx, rows: Rows, options: Options, budget: Budget): void {
	const o = { locale: ctx.locale };
	const agreements = sheet(
		book,
		m.agreements_title({}, o),
		[
			'ID',
			m.agreement_title_field({}, o),
			m.landscape_cluster({}, o),
			m.rec_model({}, o),
			m.agreement_status({}, o),
			m.agreement_starts({}, o),
			m.agreement_ends({}, o),
			m.agreement_parties({}, o),
			m.agreement_municipalities({}, o),
			m.agreement_efforts({}, o),
			m.agreement_budget_total({}, o)
		],
		[6, 40, 18, 30, 12, 12, 12, 40, 40, 40, 16]
	);
	for (const row of rows) {
		agreements.addRow([
			row.id,
			row.title + (row.isDemo ? ` (${m.demo_badge({}, o)})` : ''),
			row.clusterName,
			modelName(row.modelTexts, ctx.locale) ?? '',
			row.status,
			row.startsOn,
			row.endsOn,
			row.parties.map((p) => partyLabel(p, options)).join(', '),
			row.municipalities
				.map((c) => options.municipalities.find((mu) => mu.code === c)?.name ?? c)
				.join(', '),
			row.efforts.map((e) => options.efforts.find((x) => x.code === e)?.title ?? e).join(', '),
			budget.filter((b) => b.agreementId === row.id).reduce((s, b) => s + b.amountDkk, 0)
		]);
	}
}

/** The KPIs with their status, and every measurement with where it came from. */
function kpiSheets(book: Book, ctx: Ctx, rows: Rows, board: Board): void {
	const o = { locale: ctx.locale };
	const kpiSheet = sheet(
		book,
		m.agreement_kpis({}, o),
		[
			'ID',
			m.agreement_title_field({}, o),
			m.agreement_goal({}, o),
			'KPI',
			m.kpi_unit({}, o),
			m.kpi_baseline({}, o),
			m.kpi_target({}, o),
			m.kpi_due({}, o),
			m.kpi_frequency({}, o),
			m.kpi_source({}, o),
			m.kpi_status({}, o),
			m.kpi_latest({}, o)
		],
		[6, 36, 30, 30, 10, 10, 10, 12, 12, 30, 14, 14]
	);
	const measurements = sheet(
		book,
		m.agreement_measurements({}, o),
		[
			'KPI ID',
			'KPI',
			m.kpi_measured_on({}, o),
			m.kpi_value({}, o),
			m.provenance_estimate({}, o),
			m.kpi_provenance({}, o),
			m.kpi_comment({}, o)
		],
		[8, 30, 12, 12, 10, 40, 40]
	);
	for (const row of rows) {
		for (const goal of board.get(row.id) ?? []) {
			for (const kpi of goal.kpis) {
				kpiSheet.addRow([
					kpi.id,
					row.title,
					goal.title,
					kpi.name,
					kpi.unit,
					kpi.baseline,
					kpi.target,
					kpi.dueOn,
					kpi.frequency,
					sourceLabel(kpi.source, ctx.locale),
					kpiStatusLabel(kpi.assessment.status, ctx.locale),
					kpi.assessment.latest?.value ?? null
				]);
				for (const x of kpi.measurements) {
					measurements.addRow([
						kpi.id,
						kpi.name,
						x.measuredOn,
						x.value,
						x.isEstimate ? m.provenance_estimate({}, o) : '',
						x.provenance.kind === 'survey'
							? `survey: ${x.provenance.roundTitle}`
							: x.provenance.kind === 'manual'
								? x.provenance.by
								: importProvenanceLabel(x.provenance, ctx.locale),
						x.comment ?? ''
					]);
				}
			}
		}
	}
}

function budgetSheet(book: Book, ctx: Ctx, rows: Rows, options: Options, budget: Budget): void {
	const o = { locale: ctx.locale };
	const budgetSheet = sheet(
		book,
		m.agreement_budget({}, o),
		['ID', m.agreement_title_field({}, o), m.agreement_party({}, o), m.figure_year({}, o), 'DKK'],
		[6, 40, 30, 8, 14]
	);
	for (const line of budget) {
		budgetSheet.addRow([
			line.agreementId,
			rows.find((r) => r.id === line.agreementId)?.title ?? '',
			partyLabel(line.party, options),
			line.year,
			line.amountDkk
		]);
	}
}

function provenanceSheet(book: Book, ctx: Ctx, region: string, now: Date): void {
	const o = { locale: ctx.locale };
	const source = book.addWorksheet(m.export_sheet_provenance({}, o));
	source.addRow([
		m.agreements_export_provenance({ region, date: now.toISOString().slice(0, 10) }, o)
	]);
	source.getColumn(1).width = 120;
}
