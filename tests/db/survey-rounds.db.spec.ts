import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/domain/errors';
import type { Ctx } from '../../src/lib/server/services/context';
import {
	clusters,
	outboxMessages,
	surveyInvitationTokens,
	surveyResponses
} from '../../src/lib/server/db/schema';
import { defaultTexts } from '../../src/lib/domain/survey/questionnaire';
import { toSurveyData } from '../../src/lib/domain/survey/surveyjs';
import { setMailTransport } from '../../src/lib/server/services/mail';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import {
	getRespondentForm,
	reopenOwnResponse,
	resolveRespondent,
	saveDraft,
	submitResponse,
	createRound,
	getRoundStatus,
	revokeInvitationLinks,
	sendInvitation,
	setInvitationRecipient,
	setRoundOpen,
	updateQuestionnaire
} from '../../src/lib/server/services/survey';
import { completeAnswers, newResponses, newRound } from './factories';
import { useTestDb } from './harness';

const testDb = useTestDb();
const ORIGIN = 'https://klyngeradar.example.dk';

beforeAll(async () => {
	await seedReferenceData(testDb().db);
});

afterEach(() => setMailTransport(undefined));

const full = completeAnswers();

async function respondentFor(
	roundId: number,
	slug: string,
	analyst: Ctx
): Promise<{ ctx: Ctx; token: string }> {
	const status = await getRoundStatus(analyst, roundId);
	const invitation = status.invitations.find((i) => i.clusterSlug === slug);
	if (!invitation) throw new Error(`${slug} is not invited`);
	const { link } = await sendInvitation(analyst, invitation.invitationId, ORIGIN);
	const token = link.split('/').at(-1) ?? '';
	const found = await resolveRespondent(testDb().db, token);
	if (!found.ok) throw new Error(found.reason);
	return { ctx: testDb().ctx(found.actor), token };
}

describe('survey rounds', () => {
	it('invites all active clusters by default and validates the round', async () => {
		const analyst = await testDb().userCtx('analyst');
		const round = await createRound(analyst, {
			regionCode: '1081',
			year: 2024,
			title: 'Nordjylland 2024',
			sinceYear: 2022
		});
		const status = await getRoundStatus(analyst, round.id);
		const active = await testDb()
			.db.select({ slug: clusters.slug })
			.from(clusters)
			.where(eq(clusters.status, 'active'));
		const invited = active.length;
		expect(invited).toBeGreaterThan(0);
		expect(status.counts).toEqual({ invited, notStarted: invited, partial: 0, completed: 0 });
		expect(status.invitations.map((i) => i.clusterSlug).sort()).toEqual(
			active.map((c) => c.slug).sort()
		);
		expect(status.invitations.map((i) => i.clusterSlug)).not.toContain('marlog');
		await expect(
			createRound(analyst, {
				regionCode: '1099',
				year: 2024,
				title: '',
				sinceYear: 2025,
				clusters: ['nope']
			})
		).rejects.toMatchObject({
			issues: expect.arrayContaining([
				expect.objectContaining({ path: ['regionCode'] }),
				expect.objectContaining({ path: ['title'] }),
				expect.objectContaining({
					path: ['sinceYear'],
					message: 'Kan ikke ligge efter rundens år.'
				})
			])
		});
		const viewer = await testDb().userCtx('viewer');
		await expect(
			createRound(viewer, { regionCode: '1081', year: 2024, title: 'X', sinceYear: 2022 })
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('puts invitations in the outbox without SMTP, and sends them with it', async () => {
		const { db } = testDb();
		const analyst = await testDb().userCtx('analyst');
		const round = await createRound(analyst, {
			regionCode: '1081',
			year: 2024,
			title: 'Mail test',
			sinceYear: 2022,
			clusters: ['made', 'clean']
		});
		const [made, clean] = (await getRoundStatus(analyst, round.id)).invitations;
		const first = await sendInvitation(analyst, made?.invitationId ?? '', ORIGIN);
		expect(first).toMatchObject({ delivered: 'outbox', to: null });
		expect(first.link).toMatch(new RegExp(`^${ORIGIN}/svar/[a-z2-7]{40}$`));
		const sent: { to: string; subject: string; text: string }[] = [];
		setMailTransport({ sendMail: (message) => Promise.resolve(sent.push(message)) });
		await setInvitationRecipient(analyst, clean?.invitationId ?? '', 'kontakt@cleancluster.dk');
		const second = await sendInvitation(analyst, clean?.invitationId ?? '', ORIGIN);
		expect(second).toMatchObject({ delivered: 'sent', to: 'kontakt@cleancluster.dk' });
		expect(sent[0]?.text).toContain(second.link);
		expect(sent[0]?.subject).toBe('Survey: klyngers engagement i Region Nordjylland');
		const outbox = await db
			.select()
			.from(outboxMessages)
			.where(eq(outboxMessages.roundId, round.id));
		expect(outbox.map((row) => row.status).sort()).toEqual(['outbox', 'sent']);
		// Tokens are stored only as hashes, and the kept messages hold no link (backups neither).
		const stored = await db.select().from(surveyInvitationTokens);
		expect(stored.some((row) => first.link.endsWith(row.tokenHash))).toBe(false);
		const tokens = [first.link, second.link].map((link) => link.split('/svar/')[1] ?? link);
		for (const row of outbox) {
			for (const token of tokens) expect(row.body).not.toContain(token);
			expect(row.body).not.toContain('/svar/');
			expect(row.body).toContain('vises kun én gang');
		}
	});
});

describe('answering through a secret link', () => {
	it('autosaves, refuses to submit an incomplete form, submits, reopens, and stops at closing', async () => {
		const analyst = await testDb().userCtx('analyst');
		const round = await createRound(analyst, {
			regionCode: '1081',
			year: 2025,
			title: 'Flow',
			sinceYear: 2022,
			clusters: ['made', 'clean']
		});
		const { ctx: made } = await respondentFor(round.id, 'made', analyst);
		const draft = toSurveyData({
			activeInRegion: true,
			presence: full.presence,
			members: { total: 80, over50: 30, under50: 40, estimate: false }
		});
		expect((await saveDraft(made, draft)).status).toBe('partial');
		await expect(submitResponse(made, draft)).rejects.toMatchObject({
			issues: expect.arrayContaining([
				{
					path: ['members', 'total'],
					message: 'Over 50 + under 50 ansatte (30 + 40) skal give medlemmer i alt (80).'
				},
				{ path: ['partners'], message: 'Spørgsmålet er ikke besvaret.' }
			])
		});
		expect((await getRoundStatus(analyst, round.id)).counts).toMatchObject({
			partial: 1,
			completed: 0
		});
		// A tampered option is refused even in a draft.
		await expect(
			saveDraft(made, { ...toSurveyData(full), partners: ['ghost'] })
		).rejects.toBeInstanceOf(ValidationError);

		expect((await submitResponse(made, toSurveyData(full))).status).toBe('completed');
		expect((await getRoundStatus(analyst, round.id)).counts).toMatchObject({
			partial: 0,
			completed: 1
		});
		await expect(saveDraft(made, toSurveyData(full))).rejects.toBeInstanceOf(ConflictError);
		await reopenOwnResponse(made);
		expect((await getRespondentForm(made)).status).toBe('partial');
		await submitResponse(made, toSurveyData(full));

		await setRoundOpen(analyst, round.id, false);
		await expect(reopenOwnResponse(made)).rejects.toBeInstanceOf(ConflictError);
		await expect(saveDraft(made, toSurveyData(full))).rejects.toMatchObject({
			name: 'ConflictError',
			message: expect.stringContaining('lukket')
		});
	});

	it('acts only on the link’s own cluster', async () => {
		const { db } = testDb();
		const analyst = await testDb().userCtx('analyst');
		const round = await createRound(analyst, {
			regionCode: '1081',
			year: 2025,
			title: 'Isolation',
			sinceYear: 2022,
			clusters: ['made', 'clean']
		});
		const { ctx: made } = await respondentFor(round.id, 'made', analyst);
		await saveDraft(made, toSurveyData({ activeInRegion: false }));
		const rows = await db
			.select()
			.from(surveyResponses)
			.where(eq(surveyResponses.roundId, round.id));
		expect(rows).toHaveLength(1);
		expect((await getRespondentForm(made)).clusterSlug).toBe('made');
		// An actor claiming another round with its invitation is refused.
		if (made.actor.kind !== 'respondent') throw new Error('expected a respondent');
		const forged: Ctx = { ...made, actor: { ...made.actor, roundId: round.id + 1000 } };
		await expect(getRespondentForm(forged)).rejects.toBeInstanceOf(ForbiddenError);
		// Staff services refuse respondents.
		await expect(getRoundStatus(made, round.id)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('tells revoked, expired and unknown links apart', async () => {
		const { db } = testDb();
		const analyst = await testDb().userCtx('analyst');
		const round = await createRound(analyst, {
			regionCode: '1081',
			year: 2025,
			title: 'Links',
			sinceYear: 2022,
			clusters: ['made', 'clean']
		});
		const { token } = await respondentFor(round.id, 'made', analyst);
		const { token: other } = await respondentFor(round.id, 'clean', analyst);
		expect(await resolveRespondent(db, 'abc')).toEqual({ ok: false, reason: 'unknown' });
		expect(await resolveRespondent(db, `${token.slice(0, -1)}a`)).toMatchObject({ ok: false });
		await db.update(surveyInvitationTokens).set({ expiresAt: new Date(Date.now() - 1000) });
		expect(await resolveRespondent(db, other)).toEqual({ ok: false, reason: 'expired' });
		const invitation = (await getRoundStatus(analyst, round.id)).invitations.find(
			(i) => i.clusterSlug === 'made'
		);
		await revokeInvitationLinks(analyst, invitation?.invitationId ?? '');
		expect(await resolveRespondent(db, token)).toEqual({ ok: false, reason: 'revoked' });
		// A new invitation after revoking works; the old link stays revoked.
		const { token: fresh } = await respondentFor(round.id, 'made', analyst);
		expect((await resolveRespondent(db, fresh)).ok).toBe(true);
		expect(await resolveRespondent(db, token)).toEqual({ ok: false, reason: 'revoked' });
	});

	it('prefills from last year’s completed answers, and keeps the version answers were given under', async () => {
		const analyst = await testDb().userCtx('analyst');
		const lastYear = await newRound(testDb(), { year: 2029, clusters: ['made'] });
		const members = { total: 64, over50: 24, under50: 40, estimate: false };
		await newResponses(testDb(), lastYear, 1, { answers: completeAnswers({ members }) });
		const round = await createRound(analyst, {
			regionCode: '1081',
			year: 2030,
			title: 'Prefill',
			sinceYear: 2028,
			clusters: ['made']
		});
		const { ctx: made } = await respondentFor(round.id, 'made', analyst);
		const form = await getRespondentForm(made);
		expect(form.prefilledFrom).toBe(lastYear.title);
		expect(form.data).toMatchObject({ activeInRegion: 'yes', membersTotal: members.total });
		await saveDraft(made, form.data);
		const texts = structuredClone(defaultTexts);
		texts.title.da = 'Ny titel for {region}';
		await updateQuestionnaire(analyst, round.id, texts);
		expect((await getRoundStatus(analyst, round.id)).version.version).toBe(2);
		// The draft was begun under version 1 and keeps it.
		expect((await getRespondentForm(made)).definition.title).toBe(
			'Klyngers engagement i Region Nordjylland'
		);
		await expect(
			updateQuestionnaire(analyst, round.id, { ...texts, title: { da: '', en: 'x' } })
		).rejects.toBeInstanceOf(ValidationError);
	});
});
