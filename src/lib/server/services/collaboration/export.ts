/**
 * The recommendations as a spreadsheet: the options per cluster, and the provenance sheet, so a
 * copy outside the app still says where it came from.
 */
import { newWorkbook, provenanceSheet, sheetWithHeader } from '../../xlsx';
import type { Ctx } from '../context';
import { m } from '../../i18n';
import { getRecommendations } from './recommendations';

export async function recommendationsXlsx(ctx: Ctx, regionCode: string): Promise<Buffer> {
	const view = await getRecommendations(ctx, regionCode);
	const o = { locale: ctx.locale };
	const book = newWorkbook();
	const sheet = sheetWithHeader(book, m.rec_title({}, o), [
		m.landscape_cluster({}, o),
		m.rec_rank({}, o),
		m.rec_model({}, o),
		m.rec_suitability({}, o),
		m.rec_reasons({}, o),
		m.rec_unmet({}, o),
		m.rec_serves({}, o),
		m.rec_summary({}, o),
		m.rec_decision({}, o),
		m.rec_decision_note({}, o)
	]);
	for (const item of view.items) {
		for (const option of item.options) {
			sheet.addRow([
				item.name,
				option.rank,
				option.name,
				option.suitability,
				option.reasons.join('; '),
				option.checklist
					.filter((c) => !c.met)
					.map((c) => c.label)
					.join('; '),
				item.serves.map((s) => `${s.title} (${s.score})`).join('; '),
				option.rank === 1 ? item.summary : '',
				option.rank === 1 && item.decision
					? `${item.decision.decision}: ${item.decision.chosenModelName ?? '–'}`
					: '',
				option.rank === 1 ? (item.decision?.note ?? '') : ''
			]);
		}
	}
	const widths = [22, 6, 36, 10, 60, 50, 40, 60, 30, 40];
	sheet.columns.forEach((column, i) => (column.width = widths[i] ?? 22));
	provenanceSheet(book, m.export_sheet_provenance({}, o), [view.provenance.text]);
	return Buffer.from(await book.xlsx.writeBuffer());
}
