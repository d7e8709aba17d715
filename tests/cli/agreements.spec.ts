import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { klyngeradar, seededDataDir } from './run';

let dataDir = '';
let dir = '';

beforeAll(async () => {
	({ dir, dataDir } = await seededDataDir({ demo: true }));
});

interface Listed {
	agreements: { id: number; title: string; kpiStatus: string; isDemo: boolean }[];
}

describe('klyngeradar agreements', () => {
	it('lists the agreements with their KPI status, as text, JSON and XLSX', async () => {
		const text = await klyngeradar([
			'--data-dir',
			dataDir,
			'agreements',
			'list',
			'--region',
			'1081'
		]);
		expect(text.code, text.stderr).toBe(0);
		expect(text.stdout).toMatch(
			/^1\tECD\tAktiv\t2026-01-01–2028-12-31\tBagud\tRammeaftale om grøn omstilling/m
		);
		const xlsx = join(dir, 'aftaler.xlsx');
		const json = await klyngeradar([
			'--data-dir',
			dataDir,
			'--json',
			'agreements',
			'list',
			'--xlsx',
			xlsx
		]);
		const listed = JSON.parse(json.stdout) as Listed;
		expect(listed.agreements[0]).toMatchObject({ id: 1, isDemo: true, kpiStatus: 'off-track' });
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(xlsx);
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'Aftaler',
			"KPI'er",
			'Målinger',
			'Budget',
			'Kilde'
		]);
		expect(book.getWorksheet('Målinger')?.rowCount).toBe(6);
	});

	it('shows the follow-up calendar with --due', async () => {
		const due = await klyngeradar(['--data-dir', dataDir, '--json', 'agreements', 'list', '--due']);
		const parsed = JSON.parse(due.stdout) as { due: { kind: string; agreementId: number }[] };
		expect(
			parsed.due.every((item) => ['measurement', 'ending', 'review'].includes(item.kind))
		).toBe(true);
	});
});

describe('klyngeradar kpi record', () => {
	it('records a measurement, Danish decimals and all, and refuses a bad one by field', async () => {
		const ok = await klyngeradar([
			'--data-dir',
			dataDir,
			'kpi',
			'record',
			'--kpi',
			'1',
			'--value',
			'22,5',
			'--date',
			'2026-10-15',
			'--comment',
			'Fra CLI'
		]);
		expect(ok.code, ok.stderr).toBe(0);
		expect(ok.stdout).toContain('Måling registreret for KPI 1: 22,5 den 15. okt. 2026.');
		const bad = await klyngeradar([
			'--data-dir',
			dataDir,
			'kpi',
			'record',
			'--kpi',
			'1',
			'--value',
			'mange',
			'--date',
			'2026-02-30'
		]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('value');
		expect(bad.stderr).toContain('measuredOn');
		const automatic = await klyngeradar([
			'--data-dir',
			dataDir,
			'kpi',
			'record',
			'--kpi',
			'2',
			'--value',
			'5'
		]);
		expect(automatic.code).toBe(1);
		expect(automatic.stderr).toContain('henter sine målinger automatisk');
	});

	it('sends due reminders (none without a responsible user)', async () => {
		const run = await klyngeradar(['--data-dir', dataDir, '--json', 'agreements', 'remind']);
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({ sent: 0 });
	});
});
