import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { klyngeradar, tempDir } from './run';

let dataDir = '';
let dir = '';

beforeAll(async () => {
	dir = tempDir();
	dataDir = join(dir, 'db');
	const seeded = await klyngeradar(['--data-dir', dataDir, 'db', 'seed', '--demo']);
	expect(seeded.code, seeded.stderr).toBe(0);
});

describe('klyngeradar fit', () => {
	it('prints the matrix as JSON with breakdowns and provenance, and writes XLSX', async () => {
		const xlsx = join(dir, 'fit.xlsx');
		const run = await klyngeradar([
			'--data-dir',
			dataDir,
			'--json',
			'fit',
			'--region',
			'1081',
			'--xlsx',
			xlsx
		]);
		expect(run.code, run.stderr).toBe(0);
		const fit = JSON.parse(run.stdout) as {
			format: string;
			clusters: { slug: string }[];
			efforts: { code: string }[];
			cells: { cluster: string; effort: string; criteria: { evidence: string[] }[] }[];
			provenance: { survey: { n: number; N: number; isDemo: boolean } };
		};
		expect(fit.format).toBe('klyngeradar/fit-matrix@1');
		expect(fit.cells).toHaveLength(fit.clusters.length * fit.efforts.length);
		expect(fit.provenance.survey).toMatchObject({ n: 12, N: 12, isDemo: true });
		expect(fit.cells[0]?.criteria).toHaveLength(5);
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(xlsx);
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'Klyngernes match med strategien',
			'Begrundelser',
			'Kilde'
		]);
		expect(book.worksheets[0]?.rowCount).toBe(13);
		expect(String(book.worksheets[2]?.getCell('A1').value)).toContain('12 af 12');
	});

	it('prints a readable table in Danish, and in English on request', async () => {
		const da = await klyngeradar(['--data-dir', dataDir, 'fit']);
		expect(da.stdout).toContain('Afledt af Klyngeradar');
		expect(da.stdout.split('\n').find((l) => l.startsWith('ECD'))).toMatch(/^ECD\t\d+\t/);
		const en = await klyngeradar(['--data-dir', dataDir, '--lang', 'en', 'fit']);
		expect(en.stdout).toContain('Derived by Klyngeradar');
	});

	it('fails with a clear message for a region without a strategy or an invalid code', async () => {
		const none = await klyngeradar(['--data-dir', dataDir, 'fit', '--region', '1084']);
		expect(none.code).toBe(1);
		expect(none.stderr).toContain('Region Hovedstaden har ingen strategi endnu.');
		const bad = await klyngeradar(['--data-dir', dataDir, 'fit', '--region', '99']);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('region');
	});
});

describe('klyngeradar recommend', () => {
	it('gives one or two ranked models per cluster with reasons and unmet checklist points', async () => {
		const run = await klyngeradar(['--data-dir', dataDir, 'recommend', '--region', '1081']);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain(
			"ECD: Klyngen har kontor i Aalborg; 80 medlemmer i regionen; moden organisation; aftaleparter i regionen: 7 → Rammeaftale med mål og KPI'er"
		);
		expect(run.stdout).toContain(
			'Forudsætninger der ikke er opfyldt: Respekt for klyngens kernefortælling'
		);
		const json = JSON.parse(
			(await klyngeradar(['--data-dir', dataDir, '--json', 'recommend'])).stdout
		) as {
			items: { cluster: string; options: { model: string; rank: number }[] }[];
		};
		expect(json.items).toHaveLength(12);
		expect(json.items.every((i) => i.options.length >= 1 && i.options.length <= 2)).toBe(true);
	});
});
