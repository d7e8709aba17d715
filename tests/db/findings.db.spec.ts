import { beforeAll, describe, expect, it } from 'vitest';
import { headlines } from '../../src/lib/domain/findings/findings';
import { seedDemoData } from '../../src/lib/server/services/platform';
import { getFindings, getFindingsPage } from '../../src/lib/server/services/findings';
import { getClusterProfile } from '../../src/lib/server/services/landscape';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { completeAnswers, newResponses, newRound } from './factories';
import { useTestDb } from './harness';
import { importSurveyDocument, validateSurveyDocument } from '../../src/lib/server/services/survey';

const testDb = useTestDb();
let demoRound = 0;

beforeAll(async () => {
	await seedReferenceData(testDb().db);
	demoRound = (await seedDemoData(testDb().db)).surveyRoundId ?? 0;
});

describe('the demo round reproduces the source document’s findings slides', () => {
	it('has the counts, sums and estimates of the slides', async () => {
		const f = await getFindings(testDb().ctx(), demoRound);
		expect(f.round).toMatchObject({
			title: 'Nordjylland 2023 (demodata)',
			isDemo: true,
			regionCode: '1081'
		});
		expect(f).toMatchObject({ invited: 12, completed: 12, partial: 0, activeInRegion: 12 });
		expect(f.presence).toMatchObject({
			present: 7,
			ownOffice: 5,
			other: 0,
			coLocatedWith: { aau: 3, 'erhvervshus-nordjylland': 2 }
		});
		expect(f.partners.clustersWithPartners).toBe(12);
		expect(f.members).toEqual({
			clusters: 12,
			total: 375,
			over50: 123,
			under50: 252,
			estimates: 5
		});
		expect(f.uniqueCompanies).toEqual({
			clusters: 10,
			sum: 1740,
			estimates: 8,
			sinceYears: [2021]
		});
		expect(f.participants).toEqual({ clusters: 7, sum: 4324, estimates: 7, sinceYears: [2021] });
		expect(f.activities.clustersWithActivities).toBe(12);
		expect(f.agreements).toMatchObject({ clustersWith: 8, clustersWithout: 4, other: 2 });
		expect(f.agreements.byParty).toMatchObject({
			brn: 2,
			'region-nordjylland': 3,
			'erhvervshus-nordjylland': 6,
			municipality: 3,
			other: 2
		});
		expect(f.municipalAgreements).toMatchObject({
			clusters: 3,
			agreements: 7,
			municipalities: 5,
			maxPerCluster: 4
		});
		expect(f.municipalAgreements.byMunicipality['851']).toBe(3);
		// Every municipality of the region is listed, zero included, as on the slide.
		expect(Object.keys(f.municipalAgreements.byMunicipality)).toHaveLength(11);
	});

	it('says the headline sentences with the numbers of the slides', async () => {
		const f = await getFindings(testDb().ctx(), demoRound);
		const byQuestion = Object.fromEntries(headlines(f).map((h) => [h.question, h.params]));
		expect(byQuestion.presence).toMatchObject({ present: 7 });
		expect(byQuestion.uniqueCompanies).toMatchObject({ clusters: 10, sum: 1740, estimates: 8 });
		expect(byQuestion.municipalAgreements).toMatchObject({
			agreements: 7,
			municipalities: 5,
			clusters: 3,
			max: 4
		});
	});

	it('counts partial responses apart and never in the answers', async () => {
		const analyst = await testDb().userCtx('analyst');
		const round = await newRound(testDb(), { clusters: ['made', 'clean', 'odense-robotics'] });
		const members = (total: number) => ({ total, over50: 0, under50: total, estimate: false });
		const completed = await newResponses(testDb(), round, 2, {
			answers: completeAnswers({ members: members(40) })
		});
		await newResponses(testDb(), round, 1, {
			status: 'partial',
			answers: completeAnswers({ members: members(1000) })
		});
		const f = await getFindings(analyst, round.id);
		expect(f).toMatchObject({ invited: 3, completed: completed.length, partial: 1 });
		expect(f.members.total).toBe(40 * completed.length);
	});

	it('has demo interviews whose quotes are pinned to questions and clusters', async () => {
		const analyst = await testDb().userCtx('analyst');
		const page = await getFindingsPage(analyst, demoRound);
		const presence = page.charts.find((c) => c.vm.id === 'presence');
		expect(presence?.quotes.map((q) => q.clusterSlug).sort()).toEqual([
			'energy-cluster-denmark',
			'made'
		]);
		expect(presence?.svg).toContain('<svg');
		const profile = await getClusterProfile(analyst, 'energy-cluster-denmark');
		expect(profile.quotes).toHaveLength(2);
		// Viewers see aggregates only.
		const viewer = await testDb().userCtx('viewer');
		expect((await getFindingsPage(viewer, demoRound)).clusters).toBeNull();
		expect(page.clusters).toHaveLength(12);
	});

	it('compares with the previous round of the same region', async () => {
		const analyst = await testDb().userCtx('analyst');
		const members = (total: number) => ({
			total,
			over50: 10,
			under50: total - 10,
			estimate: false
		});
		const earlier = await newRound(testDb(), { year: 2040, clusters: ['made', 'clean'] });
		await newResponses(testDb(), earlier, 2, {
			answers: completeAnswers({ members: members(30) })
		});
		const later = await newRound(testDb(), { year: 2041, clusters: ['made', 'clean'] });
		await newResponses(testDb(), later, 2, { answers: completeAnswers({ members: members(35) }) });
		const page = await getFindingsPage(analyst, later.id);
		expect(page.previous?.title).toBe(earlier.title);
		expect(page.previous?.rows.find((r) => r.label === 'Medlemmer i alt')).toEqual({
			label: 'Medlemmer i alt',
			current: 2 * 35,
			previous: 2 * 30
		});
	});

	it('is loaded once, however often the app starts', async () => {
		const again = await seedDemoData(testDb().db);
		expect(again).toEqual({ surveyRoundId: demoRound, created: [], organisations: ['brn'] });
	});
});

describe('an imported round with clusters that never answered', () => {
	it('counts them as not started', async () => {
		const ctx = testDb().ctx();
		const file = await validateSurveyDocument(ctx, {
			format: 'klyngeradar/survey-responses@1',
			round: {
				regionCode: '1081',
				year: 2042,
				title: 'Tre inviteret, én svarede',
				sinceYear: 2040
			},
			invited: ['made', 'clean', 'energy-cluster-denmark'],
			responses: [{ cluster: 'made', status: 'completed', answers: completeAnswers() }]
		});
		const { roundId } = await importSurveyDocument(ctx, file);
		const findings = await getFindings(ctx, roundId);
		expect(findings).toMatchObject({ invited: 3, completed: 1, partial: 0, notStarted: 2 });
	});
});
