/**
 * The fit matrix as a spreadsheet: one sheet with the scores, one with the reasons, and one with
 * the provenance, so a copy outside the app still says where it came from.
 */
import { criterionLabel } from '$lib/labels/fit';
import { newWorkbook, provenanceSheet, sheetWithHeader } from '../../xlsx';
import type { Ctx } from '../context';
import { m } from '../../i18n';
import { getFitJson } from './fit';

export async function fitXlsx(ctx: Ctx, regionCode: string): Promise<Buffer> {
	const fit = await getFitJson(ctx, regionCode);
	const o = { locale: ctx.locale };
	const book = newWorkbook();
	const matrix = sheetWithHeader(book, m.fit_title({}, o), [
		m.landscape_cluster({}, o),
		m.fit_total({}, o),
		...fit.efforts.map((e) => e.title)
	]);
	for (const cluster of fit.clusters) {
		matrix.addRow([
			cluster.name,
			cluster.total,
			...fit.efforts.map(
				(e) =>
					fit.cells.find((c) => c.cluster === cluster.slug && c.effort === e.code)?.shown ?? null
			)
		]);
	}
	matrix.columns.forEach((column, i) => (column.width = i === 0 ? 28 : 18));
	const details = sheetWithHeader(book, m.fit_breakdown_sheet({}, o), [
		m.landscape_cluster({}, o),
		m.fit_effort({}, o),
		m.fit_score({}, o),
		m.fit_shown({}, o),
		m.fit_confidence({}, o),
		m.fit_criterion({}, o),
		m.fit_weight({}, o),
		m.fit_value({}, o),
		m.fit_points({}, o),
		m.fit_evidence({}, o),
		m.fit_override_reason({}, o)
	]);
	const clusterName = new Map(fit.clusters.map((c) => [c.slug, c.name]));
	const effortTitle = new Map(fit.efforts.map((e) => [e.code, e.title]));
	for (const cell of fit.cells) {
		for (const c of cell.criteria) {
			details.addRow([
				clusterName.get(cell.cluster) ?? cell.cluster,
				effortTitle.get(cell.effort) ?? cell.effort,
				cell.score,
				cell.shown,
				cell.confidence,
				criterionLabel(c.criterion, ctx.locale),
				c.weight,
				c.value,
				c.points,
				c.evidence.join(' '),
				cell.override?.reason ?? ''
			]);
		}
	}
	details.columns.forEach((column, i) => (column.width = i === 9 ? 80 : 16));
	provenanceSheet(book, m.export_sheet_provenance({}, o), [fit.provenance.text]);
	return Buffer.from(await book.xlsx.writeBuffer());
}
