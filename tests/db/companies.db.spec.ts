/**
 * The company register on a small dataset whose answers were worked out by hand
 * (tests/fixtures/imports/): 11 companies, one with a production unit in another municipality,
 * member lists of three clusters for 2023 that overlap, and one for 2024.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../../src/lib/domain/errors';
import { countCompanies } from '../../src/lib/server/db/queries/companies/writes';
import {
	importCompanyFile,
	type ImportProgress,
	companyStats,
	companiesXlsx
} from '../../src/lib/server/services/companies';
import { withCheckDigit } from '../../src/lib/domain/companies/cvr';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { getFindingsPage } from '../../src/lib/server/services/findings';
import { completeAnswers, newResponses, newRound } from './factories';
import { useTestDb } from './harness';

const testDb = useTestDb();
const dir = join('tests', 'fixtures', 'imports');
const file = (name: string) => readFileSync(join(dir, name));

beforeAll(async () => {
	await seedReferenceData(testDb().db);
	const ctx = testDb().ctx();
	await importCompanyFile(ctx, file('register.csv'), {
		kind: 'register',
		filename: 'register.csv'
	});
	for (const [name, cluster] of [
		['members-ecd-2023.csv', 'energy-cluster-denmark'],
		['members-made-2023.csv', 'made'],
		['members-fbcd-2023-latin1.csv', 'food-bio-cluster-denmark']
	] as const) {
		await importCompanyFile(ctx, file(name), {
			kind: 'members',
			cluster,
			year: 2023,
			filename: name
		});
	}
});

describe('unique companies from the member lists', () => {
	it('counts each company once per municipality, region, size band and cluster', async () => {
		const stats = await companyStats(testDb().ctx(), { region: '1081', year: 2023 });
		// In the region: Aalborg Vind, Nordjysk Energi, Frederikshavn Maritime, the Aalborg unit of
		// Københavns Robotter, Mors Fødevarer, Aalborg Lyd, Thy Skaldyr. Hovedstadens Design is in
		// Copenhagen and Uden Adresse has no address: neither counts in North Jutland.
		expect(stats.uniqueCompanies).toBe(7);
		expect(stats.byMunicipality).toMatchObject({
			'851': 4,
			'813': 1,
			'773': 1,
			'787': 1,
			'860': 0
		});
		expect(Object.keys(stats.byMunicipality)).toHaveLength(11);
		expect(stats.bySizeBand).toEqual({ lt50: 5, ge50: 2, unknown: 0 });
		expect(stats.byCluster).toEqual({
			'energy-cluster-denmark': 4,
			made: 4,
			'food-bio-cluster-denmark': 2
		});
		// Aalborg Vind is in all three lists, Frederikshavn Maritime in two.
		expect(stats.overlap).toEqual({ '1': 5, '2': 1, '3': 1 });
		expect(stats.provenance.attribution).toEqual({ 'company-address': 6, 'production-unit': 1 });
	});

	it('replaces a cluster’s list for the same year, and keeps other years apart', async () => {
		const analyst = await testDb().userCtx('analyst');
		const summary = await importCompanyFile(analyst, file('members-made-2024.csv'), {
			kind: 'members',
			cluster: 'made',
			year: 2024,
			filename: 'members-made-2024.csv'
		});
		expect(summary).toMatchObject({ rowsRead: 1, rowsAccepted: 1, replaced: 0 });
		const all = await companyStats(analyst, { region: '1081' });
		expect(all.uniqueCompanies).toBe(8);
		expect(all.bySizeBand.unknown).toBe(1);
		expect((await companyStats(analyst, { region: '1081', year: 2023 })).uniqueCompanies).toBe(7);
		const again = await importCompanyFile(analyst, file('members-made-2024.csv'), {
			kind: 'members',
			cluster: 'made',
			year: 2024,
			filename: 'members-made-2024.csv'
		});
		expect(again.replaced).toBe(1);
		expect((await companyStats(analyst, { region: '1081' })).uniqueCompanies).toBe(8);
	});

	it('reads Latin-1 and semicolons, and sends rows without a valid CVR to review with a suggestion', async () => {
		const analyst = await testDb().userCtx('analyst');
		const summary = await importCompanyFile(analyst, file('members-fbcd-2023-latin1.csv'), {
			kind: 'members',
			cluster: 'food-bio-cluster-denmark',
			year: 2023,
			filename: 'fbcd.csv'
		});
		expect(summary).toMatchObject({
			encoding: 'latin-1',
			delimiter: ';',
			rowsRead: 5,
			rowsAccepted: 3,
			rowsForReview: 2,
			replaced: 1,
			mapping: { name: 'Virksomhed', cvr: 'CVR nr', municipalityCode: 'Kommune' }
		});
		const rows = await testDb().db.query.companyReviewRows.findMany({
			where: (r, { eq }) => eq(r.importId, summary.importId)
		});
		expect(rows.map((r) => [r.name, r.suggestedCvr])).toEqual([
			['Nordjysk Stål ApS', '70049325'],
			['Limfjordens Smedie', null]
		]);
	});
});

describe('register extracts', () => {
	it('take the last row of a company that appears twice, and keep production units apart', async () => {
		const analyst = await testDb().userCtx('analyst');
		const csv = [
			'cvr;pnummer;navn;kommunekode;ansatte',
			'70053438;;Første Navn ApS;851;1',
			'70053438;;Andet Navn ApS;813;2-4',
			'70053438;1234567890;Andet Navn ApS, afd. Thy;787;2-4',
			'70053438;1234567891;Andet Navn ApS, afd. Mors;773;2-4'
		].join('\n');
		const summary = await importCompanyFile(analyst, Buffer.from(csv), {
			kind: 'register',
			filename: 'dupe.csv'
		});
		expect(summary).toMatchObject({ rowsRead: 4, rowsAccepted: 4 });
		const company = await testDb().db.query.companies.findFirst({
			where: (c, { eq }) => eq(c.cvr, '70053438')
		});
		expect(company).toMatchObject({ name: 'Andet Navn ApS', municipalityCode: '813' });
		const units = await testDb().db.query.productionUnits.findMany({
			where: (u, { eq }) => eq(u.cvr, '70053438')
		});
		expect(units.map((u) => u.municipalityCode).sort()).toEqual(['773', '787']);
	});
});

describe('column mappings', () => {
	it('are remembered per cluster for its next list with the same columns', async () => {
		const analyst = await testDb().userCtx('analyst');
		const options = { kind: 'members' as const, cluster: 'made', year: 2025, filename: 'm.csv' };
		const refused = await importCompanyFile(
			analyst,
			file('members-made-mapping.csv'),
			options
		).catch((e: unknown) => e);
		expect((refused as ValidationError).issues[0]?.message).toContain('Filen mangler en kolonne');
		const first = await importCompanyFile(analyst, file('members-made-mapping.csv'), {
			...options,
			mapping: { cvr: 'Firmaets nummer', name: 'Firma' }
		});
		expect(first).toMatchObject({ rowsAccepted: 3, rowsForReview: 2 });
		const next = await importCompanyFile(analyst, file('members-made-mapping.csv'), options);
		expect(next).toMatchObject({
			rowsAccepted: 3,
			rowsForReview: 2,
			mapping: { cvr: 'Firmaets nummer', name: 'Firma' }
		});
	});
});

describe('the spreadsheet', () => {
	it('has the counts, and lists the companies without the advertising-protected one', async () => {
		const analyst = await testDb().userCtx('analyst');
		const book = new ExcelJS.Workbook();
		const file = await companiesXlsx(analyst, '1081', 2023);
		await book.xlsx.load(new Uint8Array(file).buffer);
		const names = book.worksheets.map((w) => w.name);
		expect(names).toEqual([
			'Pr. kommune',
			'Pr. klynge',
			'Overlap mellem klynger',
			'Virksomheder',
			'Kilde'
		]);
		const companies = book.getWorksheet('Virksomheder');
		const listed = (companies?.getColumn(1).values ?? []).slice(2).map(String);
		// Nordjysk Energi is reklamebeskyttet: counted, not listed.
		expect(listed).toHaveLength(6);
		expect(listed).not.toContain('70012332');
		expect(String(book.getWorksheet('Kilde')?.getCell('A2').value)).toContain(
			'1 reklamebeskyttede'
		);
		const viewer = await testDb().userCtx('viewer');
		await expect(companiesXlsx(viewer, '1081', 2023)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('the findings beside the register', () => {
	it('show the clusters’ reported sum next to the unique count from their lists', async () => {
		const round = await newRound(testDb(), {
			year: 2023,
			sinceYear: 2021,
			clusters: ['energy-cluster-denmark', 'made']
		});
		const uniqueCompanies = { count: 420, sinceYear: 2021, estimate: true };
		const answered = await newResponses(testDb(), round, 2, {
			answers: completeAnswers({ uniqueCompanies })
		});
		const page = await getFindingsPage(testDb().ctx(), round.id);
		expect(page.findings?.uniqueCompanies.sum).toBe(answered.length * uniqueCompanies.count);
		// The round asks since 2021; the 2024 list is outside it.
		expect(page.register).toEqual({ unique: 7, from: 2021, to: 2023 });
	});
});

interface BadCase {
	file: string;
	kind: 'register' | 'members';
	contains: string;
}

describe('bad files are refused with the line and field named, and nothing is written', () => {
	const cases = JSON.parse(readFileSync(join(dir, 'bad', 'cases.json'), 'utf8')) as BadCase[];

	it('has a corpus of at least 20 files', () => {
		expect(cases.length).toBeGreaterThanOrEqual(20);
	});

	it.each(cases)('$file', async ({ file: name, kind, contains }) => {
		const analyst = await testDb().userCtx('analyst');
		const before = [
			await countCompanies(testDb().db),
			(await companyStats(analyst, { region: '1081' })).uniqueCompanies
		];
		const error = await importCompanyFile(analyst, readFileSync(join(dir, 'bad', name)), {
			kind,
			filename: name,
			...(kind === 'members' ? { cluster: 'made', year: 2023 } : {})
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		const text = [
			(error as ValidationError).message,
			...(error as ValidationError).issues.map((i) => i.message)
		].join('\n');
		expect(text).toContain(contains);
		expect([
			await countCompanies(testDb().db),
			(await companyStats(analyst, { region: '1081' })).uniqueCompanies
		]).toEqual(before);
	});

	it('asks for the cluster and year of a list, and lets only analysts import', async () => {
		const analyst = await testDb().userCtx('analyst');
		const error = await importCompanyFile(analyst, file('members-made-2024.csv'), {
			kind: 'members',
			filename: 'x.csv'
		}).catch((e: unknown) => e);
		expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual([
			'cluster',
			'year'
		]);
		const viewer = await testDb().userCtx('viewer');
		await expect(
			importCompanyFile(viewer, file('register.csv'), { kind: 'register', filename: 'r.csv' })
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('XLSX member lists', () => {
	it('reads the first sheet like a CSV list: numeric CVR cells, date cells, same counts', async () => {
		const analyst = await testDb().userCtx('analyst');
		const summary = await importCompanyFile(analyst, file('members-xlsx-2023.xlsx'), {
			kind: 'members',
			cluster: 'digitallead',
			year: 2022,
			filename: 'members-xlsx-2023.xlsx'
		});
		expect(summary).toMatchObject({
			format: 'xlsx',
			rowsRead: 5,
			rowsAccepted: 5,
			rowsForReview: 0,
			mapping: { cvr: 'CVR-nummer', name: 'Navn', activity: 'Aktivitet', date: 'Dato' }
		});
		const stats = await companyStats(analyst, { region: '1081', year: 2022 });
		expect(stats.byCluster).toEqual({ digitallead: stats.uniqueCompanies });
		expect(stats.uniqueCompanies).toBeGreaterThan(0);
	});
});

describe('progress of a long import', () => {
	it('tells the rows and bytes read as the file is read, then saving and counting', async () => {
		const analyst = await testDb().userCtx('analyst');
		const rows = ['cvr'];
		for (let n = 5_000_000; rows.length <= 120_000; n += 1) {
			const cvr = withCheckDigit(String(n));
			if (cvr) rows.push(cvr);
		}
		const bytes = Buffer.from(`${rows.join('\n')}\n`);
		const told: ImportProgress[] = [];
		await importCompanyFile(
			analyst,
			bytes,
			{ kind: 'participants', cluster: 'clean', year: 2020, filename: 'big.csv' },
			(p) => told.push(p)
		);
		// Told after each batch of rows once another 50,000 have been read.
		const reading = told.filter((p) => p.phase === 'reading');
		expect(reading.map((p) => Math.floor(p.rows / 50_000))).toEqual([1, 2]);
		// Bytes run ahead of rows by what the parser has buffered (1 MB chunks).
		expect(reading[0]?.bytes).toBeGreaterThan(0);
		expect(reading[1]?.bytes).toBeGreaterThanOrEqual(reading[0]?.bytes ?? 0);
		expect(told.every((p) => p.totalBytes === bytes.length)).toBe(true);
		expect(told.slice(-2).map((p) => [p.phase, p.rows, p.bytes])).toEqual([
			['saving', 120_000, bytes.length],
			['counting', 120_000, bytes.length]
		]);
	});
});
