import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/domain/errors';
import { listAudit } from '../../src/lib/server/db/queries/audit/audit-log';
import { listMessages } from '../../src/lib/server/db/queries/outbox';
import { seedDemoData } from '../../src/lib/server/services/platform';
import {
	agreementDraftFromDecision,
	getDashboards,
	uploadDocument,
	addGoal,
	addKpi,
	recordMeasurement,
	createAgreement,
	getAgreement,
	listAgreementItems,
	updateAgreement,
	followUpFor,
	sendDueReminders
} from '../../src/lib/server/services/agreements';
import { importCompanyFile } from '../../src/lib/server/services/companies';
import { decideRecommendation } from '../../src/lib/server/services/collaboration';
import { getMunicipalities } from '../../src/lib/server/services/landscape';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { newAgreement } from './factories';
import { useTestDb } from './harness';

const testDb = useTestDb();

beforeAll(async () => {
	await seedReferenceData(testDb().db);
	await seedDemoData(testDb().db);
});

const valid = (over: Record<string, unknown> = {}) => ({
	title: 'Projektpartnerskab om automatisering',
	cluster: 'made',
	modelCode: 'project-partnership',
	parties: ['brn', 'municipality:851'],
	efforts: ['digitalisation'],
	municipalities: ['851', '849'],
	startsOn: '2027-01-01',
	endsOn: '2028-12-31',
	status: 'active',
	budget: [
		{ party: 'brn', year: 2027, amountDkk: 300000 },
		{ party: 'municipality:851', year: 2028, amountDkk: 150000 }
	],
	...over
});

async function count(): Promise<number> {
	return (await listAgreementItems(testDb().ctx(), { region: '1081' })).length;
}

describe('the demo agreement', () => {
	it('is loaded once, labelled as demo, with manual and automatic KPIs', async () => {
		await seedDemoData(testDb().db);
		const items = await listAgreementItems(testDb().ctx(), { region: '1081' });
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			isDemo: true,
			status: 'active',
			kpis: 3,
			kpiStatus: 'off-track'
		});
		const detail = await getAgreement(testDb().ctx(), items[0]?.id ?? 0);
		const kpis = detail.goals.flatMap((g) => g.kpis);
		const members = kpis.find((k) => k.source === 'survey-members');
		expect(members?.measurements).toEqual([
			expect.objectContaining({
				value: 80,
				isEstimate: false,
				provenance: expect.objectContaining({
					kind: 'survey',
					roundTitle: 'Nordjylland 2023 (demodata)'
				})
			})
		]);
		expect(members?.assessment.status).toBe('on-track');
		const manual = kpis.find((k) => k.source === 'manual');
		expect(manual?.measurements.map((x) => x.value)).toEqual([15, 19, 22]);
		expect(manual?.reason).toBe(
			'Seneste måling 22 er 36 % af vejen fra 12 til 40; på denne dato var 25 % forventet.'
		);
	});
});

describe('creating and editing agreements', () => {
	it('saves an agreement with its budget and audits it', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await createAgreement(analyst, '1081', valid());
		const detail = await getAgreement(analyst, id);
		expect(detail.agreement).toMatchObject({
			title: 'Projektpartnerskab om automatisering',
			clusterSlug: 'made',
			version: 1
		});
		expect(detail.budget.map((b) => [b.party, b.year, b.amountDkk])).toEqual([
			['brn', 2027, 300000],
			['municipality:851', 2028, 150000]
		]);
		const audit = await listAudit(testDb().db, {
			entity: 'agreement',
			entityId: String(id),
			limit: 5,
			offset: 0
		});
		expect(audit[0]?.action).toBe('create');
	});

	it.each<[string, Record<string, unknown>, string]>([
		['dates reversed', { startsOn: '2029-01-01', endsOn: '2027-01-01' }, 'endsOn'],
		[
			'a negative budget',
			{ budget: [{ party: 'brn', year: 2027, amountDkk: -5 }] },
			'budget.0.amountDkk'
		],
		['an unknown municipality', { municipalities: ['851', '101'] }, 'municipalities'],
		[
			'a municipality outside the region as party',
			{ parties: ['brn', 'municipality:851', 'municipality:751'] },
			'parties'
		],
		['an effort not in the strategy', { efforts: ['tourism'] }, 'efforts']
	])('refuses %s with the field named, and writes nothing', async (_name, change, path) => {
		const analyst = await testDb().userCtx('analyst');
		const before = await count();
		const error = await createAgreement(analyst, '1081', valid(change)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toContain(path);
		expect(await count()).toBe(before);
	});

	it('refuses the second of two concurrent edits instead of overwriting the first', async () => {
		const first = await testDb().userCtx('analyst');
		const second = await testDb().userCtx('analyst');
		const { id } = await createAgreement(
			first,
			'1081',
			valid({ title: 'Aftale til samtidig redigering' })
		);
		const saved = await updateAgreement(first, id, {
			...valid({ title: 'Første analytikers titel' }),
			version: 1
		});
		expect(saved.version).toBe(2);
		const refused = await updateAgreement(second, id, {
			...valid({ title: 'Anden analytikers titel' }),
			version: 1
		}).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ConflictError);
		expect((refused as Error).message).toContain('En anden har gemt aftalen');
		expect((await getAgreement(first, id)).agreement.title).toBe('Første analytikers titel');
	});

	it('is closed to viewers', async () => {
		const viewer = await testDb().userCtx('viewer');
		await expect(createAgreement(viewer, '1081', valid())).rejects.toThrow(ForbiddenError);
	});

	it('starts pre-filled from an accepted recommendation', async () => {
		const analyst = await testDb().userCtx('analyst');
		const decision = await decideRecommendation(analyst, '1081', {
			cluster: 'energy-cluster-denmark',
			decision: 'accepted',
			note: 'Godkendt i direktionen.'
		});
		const draft = await agreementDraftFromDecision(analyst, decision.id, new Date('2026-11-26'));
		expect(draft.values).toMatchObject({
			cluster: 'energy-cluster-denmark',
			modelCode: 'framework-agreement',
			parties: ['brn'],
			efforts: ['green-circular'],
			municipalities: ['851'],
			startsOn: '2027-01-01',
			endsOn: '2030-12-31',
			status: 'draft',
			notes: 'Godkendt i direktionen.'
		});
		expect(Object.keys(draft.values.checklist ?? {})).toEqual([
			'respect-core-narrative',
			'concrete-agreement',
			'goals-kpis'
		]);
	});
});

describe('goals, KPIs and measurements', () => {
	it('records Danish numbers, computes the status, and keeps automatic KPIs automatic', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await createAgreement(
			analyst,
			'1081',
			valid({ title: 'KPI-test', startsOn: '2026-01-01', endsOn: '2027-12-31', budget: [] })
		);
		const goal = await addGoal(analyst, id, { title: 'Flere virksomheder i projekter' });
		const kpi = await addKpi(analyst, id, goal.id, {
			name: 'Omsætning i projekter',
			unit: 'kr.',
			baseline: '1.000.000',
			target: '2.000.000',
			dueOn: '2027-12-31',
			frequency: 'half-yearly'
		});
		await recordMeasurement(
			analyst,
			kpi.id,
			{ value: '1.100.000', measuredOn: '2027-01-01', comment: '' },
			id
		);
		const detail = await getAgreement(analyst, id);
		const view = detail.goals[0]?.kpis[0];
		expect(view).toMatchObject({ baseline: 1_000_000, target: 2_000_000 });
		expect(view?.assessment).toMatchObject({ status: 'off-track' });
		const auto = await addKpi(analyst, id, goal.id, {
			name: 'Deltagere',
			unit: 'deltagere',
			baseline: 100,
			target: 300,
			dueOn: '2027-12-31',
			frequency: 'yearly',
			source: 'survey-participants'
		});
		const refused = await recordMeasurement(
			analyst,
			auto.id,
			{ value: '5', measuredOn: '2027-01-01' },
			id
		).catch((e: unknown) => e);
		expect((refused as ValidationError).issues[0]?.path).toEqual(['value']);
		const bad = await recordMeasurement(
			analyst,
			kpi.id,
			{ value: 'mange', measuredOn: '2027-13-01' },
			id
		).catch((e: unknown) => e);
		expect((bad as ValidationError).issues.map((i) => i.path[0]).sort()).toEqual([
			'measuredOn',
			'value'
		]);
	});
});

describe('documents', () => {
	const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

	it('stores a PDF and refuses a wrong type, an empty file and an oversized one', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await createAgreement(analyst, '1081', valid({ title: 'Dokumenttest' }));
		const doc = await uploadDocument(analyst, id, { name: '../../Aftale æøå.pdf', bytes: pdf });
		expect(doc).toMatchObject({
			filename: 'Aftale æøå.pdf',
			mediaType: 'application/pdf',
			size: pdf.byteLength
		});
		const text = await uploadDocument(analyst, id, {
			name: 'virus.pdf',
			bytes: new TextEncoder().encode('just text')
		}).catch((e: unknown) => e);
		expect((text as ValidationError).issues[0]?.message).toContain('Filtypen er ikke tilladt');
		const empty = await uploadDocument(analyst, id, {
			name: 'tom.pdf',
			bytes: new Uint8Array()
		}).catch((e: unknown) => e);
		expect((empty as ValidationError).issues[0]?.message).toBe('Filen er tom.');
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(pdf);
		const large = await uploadDocument(analyst, id, { name: 'stor.pdf', bytes: big }).catch(
			(e: unknown) => e
		);
		expect((large as ValidationError).issues[0]?.message).toContain('for stor');
		expect((await getAgreement(analyst, id)).documents).toHaveLength(1);
	});
});

describe('dashboards and follow-up', () => {
	it('count agreements per municipality, cluster and effort, and budget per party and year', async () => {
		const analyst = await testDb().userCtx('analyst');
		// 2031 is paid only by the agreements made here; a cancelled one pays nothing.
		const budget = [
			{ party: 'brn', year: 2031, amountDkk: 120000 },
			{ party: 'municipality:851', year: 2031, amountDkk: 45000 }
		];
		await newAgreement(analyst, {
			title: 'Aftale med budget i 2031',
			parties: ['brn', 'municipality:851'],
			municipalities: ['849'],
			budget
		});
		await newAgreement(analyst, {
			title: 'Annulleret aftale',
			status: 'cancelled',
			municipalities: ['773'],
			budget: [{ party: 'brn', year: 2031, amountDkk: 999000 }]
		});
		const d = await getDashboards(analyst, '1081');
		const row = (code: string) => d.byMunicipality.find((r) => r.key === code);
		expect(row('773')).toMatchObject({ name: 'Morsø', agreements: 0 });
		expect(row('849')?.agreements).toBeGreaterThanOrEqual(1);
		const north = await getMunicipalities(analyst, { region: '1081' });
		expect(d.byMunicipality.map((r) => r.key).sort()).toEqual(north.map((mu) => mu.code).sort());
		expect(d.byCluster.map((c) => c.key)).toEqual(
			expect.arrayContaining(['energy-cluster-denmark', 'made'])
		);
		const paid = (party: string) => d.budget.rows.find((r) => r.party === party)?.byYear[2031];
		expect(paid('brn')).toBe(120000);
		expect(paid('municipality:851')).toBe(45000);
		expect(d.budget.totalsByYear[2031]).toBe(120000 + 45000);
		expect(d.budget.total).toBe(d.budget.rows.reduce((s, r) => s + r.total, 0));
		expect(d.mapSvg).toContain('<svg');
	});

	it('reminds the responsible user of an overdue measurement once, through the outbox', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await createAgreement(
			analyst,
			'1081',
			valid({
				title: 'Påmindelsestest',
				startsOn: '2025-01-01',
				endsOn: '2027-12-31',
				responsibleUserId: analyst.actor.kind === 'user' ? analyst.actor.id : null,
				budget: []
			})
		);
		const goal = await addGoal(analyst, id, { title: 'Mål' });
		await addKpi(analyst, id, goal.id, {
			name: 'Møder',
			unit: 'møder',
			baseline: 0,
			target: 8,
			dueOn: '2027-12-31',
			frequency: 'quarterly'
		});
		const now = new Date('2026-11-26T08:00:00Z');
		const items = await followUpFor(analyst, '1081', '2026-11-26');
		expect(items.find((i) => i.agreementId === id && i.kind === 'measurement')).toMatchObject({
			overdue: true,
			dueOn: '2025-04-01'
		});
		const before = (await listMessages(testDb().db)).length;
		const first = await sendDueReminders(analyst, 'https://klyngeradar.example.dk', now);
		expect(first.sent).toBeGreaterThanOrEqual(1);
		const messages = await listMessages(testDb().db);
		expect(messages.length).toBe(before + first.sent);
		expect(
			messages.some(
				(msg) =>
					msg.body.includes(`https://klyngeradar.example.dk/aftaler/${id}`) &&
					msg.kind === 'kpi-reminder'
			)
		).toBe(true);
		const again = await sendDueReminders(analyst, 'https://klyngeradar.example.dk', now);
		expect(again.sent).toBe(0);
	});
});

describe('the automatic KPI source from the company register', () => {
	// The register extract of tests/fixtures/imports/register.csv: 70004119, 70036991 and
	// 70049325 are in Aalborg (851); 70016443 in Frederikshavn (813), 70024667 on Mors (773),
	// 70041103 in Thy (787); 70028778 is registered in Copenhagen (101) but its production unit
	// 1003388394 is in Aalborg; 70032880 is in Copenhagen.
	const lists = {
		'made-2023.csv': ['cvr;pnummer', '70004119;', '70016443;', '70028778;1003388394', '70032880;'],
		'made-2024.csv': ['cvr', '70004119', '70036991', '70049325', '70024667', '70041103'],
		'made-deltagere-2024.csv': ['cvr;pnummer', '70004119;', '70028778;1003388394'],
		'ecd-2024.csv': ['cvr', '70012332']
	};
	const csv = (name: keyof typeof lists) => Buffer.from(lists[name].join('\n') + '\n');
	const kpi = {
		name: 'Virksomheder i klyngens lister',
		unit: 'virksomheder',
		baseline: 2,
		target: 10,
		dueOn: '2028-12-31',
		frequency: 'yearly',
		source: 'register-unique-companies'
	};
	const registerKpi = async (id: number) =>
		(await getAgreement(testDb().ctx(), id)).goals
			.flatMap((g) => g.kpis)
			.find((k) => k.source === 'register-unique-companies');

	beforeAll(async () => {
		const ctx = testDb().ctx();
		await importCompanyFile(
			ctx,
			readFileSync(join('tests', 'fixtures', 'imports', 'register.csv')),
			{
				kind: 'register',
				filename: 'register.csv'
			}
		);
		for (const [name, kind, cluster, year] of [
			['made-2023.csv', 'members', 'made', 2023],
			['made-2024.csv', 'members', 'made', 2024],
			['made-deltagere-2024.csv', 'participants', 'made', 2024],
			['ecd-2024.csv', 'members', 'energy-cluster-denmark', 2024]
		] as const) {
			await importCompanyFile(ctx, csv(name), { kind, cluster, year, filename: name });
		}
	});

	it('counts the cluster’s unique companies in the agreement’s municipalities, one measurement per year of lists', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await createAgreement(
			analyst,
			'1081',
			valid({ title: 'Registertest, Aalborg og Jammerbugt', municipalities: ['851', '849'] })
		);
		const goal = await addGoal(analyst, id, { title: 'Flere virksomheder med' });
		await addKpi(analyst, id, goal.id, kpi);
		const view = await registerKpi(id);
		// 2023: 70004119 (Aalborg address) and 70028778 (its Aalborg unit); Frederikshavn and
		// Copenhagen are outside the agreement. 2024: 70004119, 70036991, 70049325 from the member
		// list and 70028778 from the participant list – 70004119 is in both and counts once; Mors,
		// Thy and the energy cluster's Aalborg company do not count.
		expect(view?.measurements).toEqual([
			{
				id: null,
				measuredOn: '2023-12-31',
				value: 2,
				isEstimate: false,
				comment: null,
				provenance: {
					kind: 'import',
					year: 2023,
					importedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string,
					lists: [{ kind: 'members', filename: 'made-2023.csv' }]
				}
			},
			expect.objectContaining({
				measuredOn: '2024-12-31',
				value: 4,
				provenance: expect.objectContaining({
					year: 2024,
					lists: [
						{ kind: 'members', filename: 'made-2024.csv' },
						{ kind: 'participants', filename: 'made-deltagere-2024.csv' }
					]
				}) as unknown
			})
		]);
		// Latest 4 is (4 − 2) / (10 − 2) = 25 % of the way; measured before the start, 0 % expected.
		expect(view?.assessment.status).toBe('on-track');
		expect(view?.reason).toBe(
			'Seneste måling 4 er 25 % af vejen fra 2 til 10; på denne dato var 0 % forventet.'
		);
		expect(view?.automatic).toBe(true);
	});

	it('counts the whole region when the agreement names no municipalities', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await createAgreement(
			analyst,
			'1081',
			valid({ title: 'Registertest, hele regionen', municipalities: [] })
		);
		const goal = await addGoal(analyst, id, { title: 'Flere virksomheder med' });
		await addKpi(analyst, id, goal.id, kpi);
		// 2023: 70004119, 70016443, 70028778 (Copenhagen's 70032880 is outside the region).
		// 2024: 70004119, 70036991, 70049325, 70024667, 70041103 and 70028778.
		expect((await registerKpi(id))?.measurements.map((x) => [x.measuredOn, x.value])).toEqual([
			['2023-12-31', 3],
			['2024-12-31', 6]
		]);
	});

	it('follows a replaced list, and says so when the cluster has no lists', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await createAgreement(
			analyst,
			'1081',
			valid({ title: 'Registertest, ny liste', municipalities: ['851', '849'] })
		);
		const goal = await addGoal(analyst, id, { title: 'Flere virksomheder med' });
		await addKpi(analyst, id, goal.id, kpi);
		expect((await registerKpi(id))?.measurements.map((x) => x.value)).toEqual([2, 4]);
		await importCompanyFile(testDb().ctx(), Buffer.from('cvr\n70004119\n'), {
			kind: 'members',
			cluster: 'made',
			year: 2024,
			filename: 'made-2024-rettet.csv'
		});
		// 2024 now: 70004119 (both lists) and 70028778 (participants).
		const after = await registerKpi(id);
		expect(after?.measurements.map((x) => x.value)).toEqual([2, 2]);
		expect(after?.measurements[1]?.provenance).toMatchObject({
			lists: [
				{ kind: 'members', filename: 'made-2024-rettet.csv' },
				{ kind: 'participants', filename: 'made-deltagere-2024.csv' }
			]
		});

		const other = await createAgreement(
			analyst,
			'1081',
			valid({ title: 'Registertest, klynge uden lister', cluster: 'odense-robotics' })
		);
		const otherGoal = await addGoal(analyst, other.id, { title: 'Flere virksomheder med' });
		await addKpi(analyst, other.id, otherGoal.id, kpi);
		const none = await registerKpi(other.id);
		expect(none?.measurements).toEqual([]);
		expect(none?.reason).toBe(
			'Ingen data endnu: virksomhedsregistret har ingen medlems- eller deltagerlister for klyngen.'
		);
	});
});
