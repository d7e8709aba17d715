/**
 * XLSX member and participant lists: the container is checked before anything is inflated (a
 * zip bomb, an encrypted or damaged file, a zip that is no workbook), then the first worksheet
 * is read as a stream and its rows handed on in batches like a CSV file's.
 */
import type { RecordBatch } from '../../import/csv';
import type { ImportSource } from '../../import/source';
import { messageByKey } from '../../i18n';
import { checkXlsxContainer, SpreadsheetRejected, xlsxRows } from '../../import/xlsx';
import { reject } from './import-rows';
import type { Ctx } from '../context';

const BATCH = 2000;

export async function* xlsxBatches(ctx: Ctx, source: ImportSource): AsyncGenerator<RecordBatch> {
	try {
		await checkXlsxContainer(source);
		let batch: RecordBatch = { lines: [], records: [] };
		for await (const row of xlsxRows(source)) {
			batch.lines.push(row.line);
			batch.records.push(row.cells);
			if (batch.records.length >= BATCH) {
				yield batch;
				batch = { lines: [], records: [] };
			}
		}
		if (batch.records.length) yield batch;
	} catch (err) {
		if (!(err instanceof SpreadsheetRejected)) throw err;
		throw reject(ctx, [
			{ path: ['file'], message: messageByKey(err.key, err.params, ctx.locale) ?? err.key }
		]);
	}
}
