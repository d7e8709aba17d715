/**
 * Survey findings: SQL counts → `domain/findings` (one JSON document) → the page's charts, the
 * API and the deck. Numbers come only from completed responses; partial ones are counted apart.
 */
import { NotFoundError } from '$lib/domain/errors';
import { buildFindings, headlines, type Findings } from '$lib/domain/findings/findings';
import {
	choiceCounts,
	otherTexts,
	questionCounts,
	statusCounts,
	sums,
	type OtherText
} from '../../db/queries/findings/aggregates';
import { findPreviousRound, findRound, listRoundsWithCounts } from '../../db/queries/survey/rounds';
import { m } from '../../i18n';
import { requireRole } from '../access';
import type { Ctx } from '../context';
import { loadRegionSurvey, type SurveyLabels } from '../survey';

async function computeFindings(
	ctx: Ctx,
	roundId: number
): Promise<{ findings: Findings; labels: SurveyLabels; others: OtherText[] }> {
	const round = Number.isInteger(roundId) ? await findRound(ctx.db, roundId) : undefined;
	if (!round)
		throw new NotFoundError(
			m.survey_round_not_found({ id: String(roundId) }, { locale: ctx.locale })
		);
	const [
		status,
		questions,
		coLocatedWith,
		presenceMunicipalities,
		partners,
		activities,
		parties,
		agreementMunicipalities,
		totals,
		others,
		region
	] = await Promise.all([
		statusCounts(ctx.db, roundId),
		questionCounts(ctx.db, roundId),
		choiceCounts(ctx.db, roundId, 'presenceCoLocatedWith'),
		choiceCounts(ctx.db, roundId, 'presenceMunicipalities'),
		choiceCounts(ctx.db, roundId, 'partnersActors'),
		choiceCounts(ctx.db, roundId, 'activitiesCodes'),
		choiceCounts(ctx.db, roundId, 'agreementsParties'),
		choiceCounts(ctx.db, roundId, 'agreementsMunicipalities'),
		sums(ctx.db, roundId),
		otherTexts(ctx.db, roundId),
		loadRegionSurvey(ctx.db, round.regionCode, round.year, ctx.locale)
	]);
	const { labels } = region;
	const findings = buildFindings({
		round: {
			id: round.id,
			title: round.title,
			regionCode: round.regionCode,
			regionName: round.regionName,
			year: round.year,
			sinceYear: round.sinceYear,
			status: round.status,
			isDemo: round.isDemo
		},
		status,
		questions,
		choices: {
			coLocatedWith,
			presenceMunicipalities,
			partners,
			activities,
			parties,
			agreementMunicipalities
		},
		sums: totals,
		options: {
			coLocationActors: labels.coLocationActors.map((a) => a.slug),
			partnerActors: labels.partnerActors.map((a) => a.slug),
			activityCodes: labels.activityList.map((a) => a.code),
			agreementParties: labels.agreementParties.map((a) => a.slug),
			municipalities: labels.municipalityList.map((mu) => mu.code)
		}
	});
	return { findings, labels, others };
}

/** The findings document (API, CLI and deck). */
export async function getFindings(ctx: Ctx, roundId: number): Promise<Findings> {
	requireRole(ctx, 'viewer');
	return (await computeFindings(ctx, roundId)).findings;
}

export { computeFindings };

/** The round a findings page opens on: the newest with answers, else the newest. */
export async function defaultFindingsRound(ctx: Ctx): Promise<number | null> {
	const rounds = await listRoundsWithCounts(ctx.db);
	return (rounds.find((r) => r.completed > 0) ?? rounds[0])?.id ?? null;
}

export async function previousFindings(ctx: Ctx, findings: Findings): Promise<Findings | null> {
	const previous = await findPreviousRound(
		ctx.db,
		findings.round.regionCode,
		findings.round.year,
		findings.round.isDemo
	);
	return previous ? (await computeFindings(ctx, previous.id)).findings : null;
}

export { headlines };
