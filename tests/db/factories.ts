/**
 * Small builders of test data through the same services the app uses, so a test states the data
 * it asserts on instead of leaning on the numbers of the demo seed. Each returns what it made.
 */
import type { Answers } from '../../src/lib/domain/survey/answers';
import { toSurveyData } from '../../src/lib/domain/survey/surveyjs';
import type { RoundRow } from '../../src/lib/server/db/queries/survey/rounds';
import { createAgreement } from '../../src/lib/server/services/agreements';
import type { Ctx } from '../../src/lib/server/services/context';
import {
	createRound,
	getRoundStatus,
	resolveRespondent,
	saveDraft,
	sendInvitation,
	submitResponse,
	type CreateRoundInput
} from '../../src/lib/server/services/survey';
import {
	saveEffort,
	saveVision,
	type EffortForm,
	type StrategyVersionView
} from '../../src/lib/server/services/strategy';
import type { TestDb } from './harness';

const ORIGIN = 'https://klyngeradar.example.dk';
let rounds = 0;

/** A full, valid answer set for a North Jutland round; `over` replaces whole questions. */
export function completeAnswers(over: Partial<Answers> = {}): Answers {
	return {
		activeInRegion: true,
		presence: { ownOffice: true, coLocatedWith: ['aau'], other: null, municipalities: ['851'] },
		partners: { actors: ['aau', 'ucn'], other: null },
		members: { total: 80, over50: 30, under50: 50, estimate: false },
		uniqueCompanies: { count: 420, sinceYear: 2022, estimate: true },
		participants: { count: 1500, sinceYear: 2022, estimate: true },
		activities: { codes: ['knowledge-matchmaking'], other: null },
		agreements: { parties: ['brn', 'municipality'], other: null, municipalities: ['851', '813'] },
		...over
	};
}

export interface TestRound extends RoundRow {
	invited: string[];
}

/** An open survey round (North Jutland, 2030, every active cluster unless `clusters` says). */
export async function newRound(
	t: TestDb,
	options: Partial<CreateRoundInput> = {}
): Promise<TestRound> {
	const ctx = t.ctx();
	const year = Number(options.year ?? 2030);
	const round = await createRound(ctx, {
		regionCode: '1081',
		title: `Testrunde ${++rounds}`,
		sinceYear: year - 2,
		...options,
		year
	});
	const { invitations } = await getRoundStatus(ctx, round.id);
	return { ...round, invited: invitations.map((i) => i.clusterSlug) };
}

export interface TestResponse {
	cluster: string;
	status: 'completed' | 'partial';
	answers: Answers;
}

/**
 * Answers from the next `n` invited clusters that have not answered yet, each through its own
 * secret link as a respondent would: submitted when `completed`, else saved as a draft.
 */
export async function newResponses(
	t: TestDb,
	round: { id: number },
	n: number,
	options: { status?: TestResponse['status']; answers?: Answers } = {}
): Promise<TestResponse[]> {
	const { status = 'completed', answers = completeAnswers() } = options;
	const ctx = t.ctx();
	const open = (await getRoundStatus(ctx, round.id)).invitations.filter(
		(i) => i.status === 'not_started'
	);
	if (open.length < n) throw new Error(`only ${open.length} clusters are left to answer`);
	const made: TestResponse[] = [];
	for (const invitation of open.slice(0, n)) {
		const { link } = await sendInvitation(ctx, invitation.invitationId, ORIGIN);
		const found = await resolveRespondent(t.db, link.split('/').at(-1) ?? '');
		if (!found.ok) throw new Error(found.reason);
		const respondent: Ctx = t.ctx(found.actor);
		const data = toSurveyData(answers);
		await (status === 'completed' ? submitResponse(respondent, data) : saveDraft(respondent, data));
		made.push({ cluster: invitation.clusterSlug, status, answers });
	}
	return made;
}

/** A strategy for a region that has none yet: the vision, then one version per effort. */
export async function newStrategy(
	t: TestDb,
	regionCode: string,
	efforts: Omit<EffortForm, 'baseVersion'>[]
): Promise<StrategyVersionView> {
	const ctx = t.ctx();
	let version = await saveVision(ctx, regionCode, { baseVersion: 0, vision: 'En testvision.' });
	for (const effort of efforts) {
		version = await saveEffort(ctx, regionCode, { ...effort, baseVersion: version.version });
	}
	return version;
}

/** A plain effort for `newStrategy`, told apart by its title. */
export function effortForm(title: string): Omit<EffortForm, 'baseVersion'> {
	return {
		title: { da: title, en: title },
		description: `${title} i regionen.`,
		areas: [],
		activityCategories: ['innovation-projects'],
		keywords: title.toLowerCase()
	};
}

/** An active North Jutland agreement with MADE; `over` replaces any of its fields. */
export async function newAgreement(
	ctx: Ctx,
	over: Record<string, unknown> = {}
): Promise<{ id: number }> {
	return createAgreement(ctx, '1081', {
		title: 'Testaftale',
		cluster: 'made',
		modelCode: 'project-partnership',
		parties: ['brn'],
		efforts: ['digitalisation'],
		municipalities: ['851'],
		startsOn: '2031-01-01',
		endsOn: '2031-12-31',
		status: 'active',
		budget: [],
		...over
	});
}
