/**
 * The company counts as a spreadsheet: per municipality, cluster, size band and overlap, and the
 * companies behind them – without the advertising-protected ones (reklamebeskyttede), whose
 * number the provenance sheet states.
 */
import { companiesInRegion } from '../../db/queries/companies/stats';
import { m } from '../../i18n';
import { newWorkbook, provenanceSheet, sheetWithHeader } from '../../xlsx';
import { requireRole } from '../access';
import { companyStats } from './stats';
import type { Ctx } from '../context';
import { listMunicipalities } from '../../db/queries/reference/geography';

export async function companiesXlsx(
	ctx: Ctx,
	region: string,
	year: number | null
): Promise<Buffer> {
	requireRole(ctx, 'analyst');
	const stats = await companyStats(ctx, { region, year: year ?? undefined });
	const span = year === null ? null : { from: year, to: year };
	const [rows, municipalities] = await Promise.all([
		companiesInRegion(ctx.db, stats.region.code, span),
		listMunicipalities(ctx.db)
	]);
	const names = new Map(municipalities.map((mu) => [mu.code, mu.name]));
	const o = { locale: ctx.locale };
	const book = newWorkbook();
	const perMunicipality = sheetWithHeader(
		book,
		m.companies_by_municipality({}, o),
		[m.companies_municipality({}, o), m.companies_count({}, o)],
		[28, 14]
	);
	for (const [code, count] of Object.entries(stats.byMunicipality))
		perMunicipality.addRow([names.get(code) ?? code, count]);
	const perCluster = sheetWithHeader(
		book,
		m.companies_by_cluster({}, o),
		[m.landscape_cluster({}, o), m.companies_count({}, o)],
		[32, 14]
	);
	for (const [slug, count] of Object.entries(stats.byCluster)) perCluster.addRow([slug, count]);
	const shared = sheetWithHeader(
		book,
		m.companies_sheet_overlap({}, o),
		[m.companies_in_clusters({}, o), m.companies_count({}, o)],
		[20, 14]
	);
	for (const [k, count] of Object.entries(stats.overlap)) shared.addRow([Number(k), count]);
	const listed = rows.filter((r) => !r.adProtected);
	const companies = sheetWithHeader(
		book,
		m.companies_sheet_companies({}, o),
		[
			'CVR',
			m.import_f_name({}, o),
			m.companies_municipality({}, o),
			m.import_f_employeeBand({}, o),
			m.companies_by_cluster({}, o)
		],
		[12, 40, 22, 12, 50]
	);
	for (const r of listed)
		companies.addRow([
			r.cvr,
			r.name ?? '',
			names.get(r.municipalityCode) ?? r.municipalityCode,
			r.employeeBand ?? '',
			r.clusters
		]);
	provenanceSheet(book, m.export_sheet_provenance({}, o), [
		m.companies_xlsx_source(
			{
				region: stats.region.name,
				unique: stats.uniqueCompanies,
				lists: stats.provenance.lists,
				years: year === null ? m.companies_all_years({}, o) : String(year)
			},
			o
		),
		m.companies_xlsx_protected({ count: rows.length - listed.length }, o)
	]);
	return Buffer.from(await book.xlsx.writeBuffer());
}
