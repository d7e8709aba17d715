/**
 * The recommender: for one cluster, which one or two collaboration models suit it best, why (in
 * facts a reader can check), which of the seven pre-agreement points are not yet met, and which
 * strategy efforts the collaboration would serve.
 *
 * Each model has rules; a rule that holds adds points and a reason. A model is a candidate only
 * when the cluster's maturity stage and presence fit what the model suits (see the catalogue).
 * The best candidate is proposed; the runner-up too when it scores at least `SECOND_AT`.
 *
 * | model | needs | points for |
 * |---|---|---|
 * | framework-agreement | present; developing/mature | (base 35) mature, 30+/50+ members, agreements with regional parties, serves 2+ efforts |
 * | joint-hub | present; theme shared with a regional hub | mature, already works with the hub, strong fit |
 * | project-partnership | runs projects/R&D applications in the region | strong fit, serves 2+ efforts, no agreement yet |
 * | co-location | no own office; developing/mature | not present at all, 20+ members, strong fit |
 * | cross-municipal | agreements with single municipalities or presence in 2+ | each municipality agreement, no region-wide agreement |
 * | network-membership | – | emerging, few members, some fit, no agreements |
 * | dialogue | – | not present, weak fit, very few members |
 */
import type { Effort } from '../strategy/strategy';
import { effectiveScore, keywordHits, type ClusterEvidence, type FitCell } from '../fit/score';
import type { ChecklistCode, CollaborationModel } from './catalogue';

/** A cluster serves an effort when its shown fit score is at least this. */
export const SERVES_AT = 50;
/** The runner-up is proposed too when it reaches this suitability. */
export const SECOND_AT = 50;

export interface Statement {
	key: string;
	params: Record<string, string | number>;
}

export interface HubInput {
	actor: string;
	name: string;
	keywords: string[];
}

export interface RecommendInput {
	evidence: ClusterEvidence;
	/** This cluster's fit cells, one per effort. */
	cells: FitCell[];
	efforts: Effort[];
	models: CollaborationModel[];
	hubs: HubInput[];
	/** Agreement parties that cover the whole region (e.g. the joint business region, the region). */
	regionWideParties: string[];
	/** Checklist points an analyst has confirmed as met for this cluster. */
	confirmed: ChecklistCode[];
	actorNames: ReadonlyMap<string, string>;
}

export interface ChecklistStatus {
	code: ChecklistCode;
	met: boolean;
	why: Statement;
}

export interface ModelOption {
	model: string;
	rank: number;
	suitability: number;
	reasons: Statement[];
	/** The model's checklist points, met or not. */
	checklist: ChecklistStatus[];
}

export interface Recommendation {
	cluster: string;
	name: string;
	/** The situation in a few checkable facts: presence, members, maturity, agreements. */
	facts: Statement[];
	options: ModelOption[];
	/** Efforts the cluster serves (shown score ≥ SERVES_AT), best first. */
	serves: { effort: string; score: number }[];
	/** Mean confidence of the cluster's fit scores (0–1). */
	confidence: number;
}

/** Every message key the recommender can emit (kept in step with the messages by a test). */
export const recommendationKeys = [
	'rec_fact_office',
	'rec_fact_colocated',
	'rec_fact_other_presence',
	'rec_fact_not_present',
	'rec_fact_members',
	'rec_fact_members_estimate',
	'rec_fact_stage_emerging',
	'rec_fact_stage_developing',
	'rec_fact_stage_mature',
	'rec_fact_stage_unknown',
	'rec_fact_agreements',
	'rec_fact_no_agreements',
	'rec_fact_no_survey',
	'rec_fact_inactive',
	'rec_why_present',
	'rec_why_mature',
	'rec_why_members_many',
	'rec_why_members_some',
	'rec_why_members_few',
	'rec_why_agreements',
	'rec_why_no_agreements',
	'rec_why_serves_several',
	'rec_why_strong_fit',
	'rec_why_some_fit',
	'rec_why_weak_fit',
	'rec_why_hub_theme',
	'rec_why_hub_partner',
	'rec_why_runs_projects',
	'rec_why_no_office',
	'rec_why_not_present',
	'rec_why_colocated',
	'rec_why_municipal_agreements',
	'rec_why_spread',
	'rec_why_no_region_wide',
	'rec_why_emerging',
	'rec_why_first_step',
	'rec_check_confirmed',
	'rec_check_core_narrative',
	'rec_check_concrete_agreement',
	'rec_check_proximity_met',
	'rec_check_proximity_unmet',
	'rec_check_projects_met',
	'rec_check_projects_unmet',
	'rec_check_roles_hub',
	'rec_check_roles',
	'rec_check_cross_met',
	'rec_check_cross_unmet',
	'rec_check_kpis'
] as const;
type Key = (typeof recommendationKeys)[number];

const say = (key: Key, params: Record<string, string | number> = {}): Statement => ({
	key,
	params
});

interface Situation {
	present: boolean;
	members: number | null;
	stage: ClusterEvidence['stage'];
	regionalAgreements: string[];
	municipalAgreements: number;
	regionWide: boolean;
	runsProjects: boolean;
	top: number;
	serves: { effort: string; score: number }[];
	hubs: HubInput[];
	hubPartners: HubInput[];
}

function situation(input: RecommendInput): Situation {
	const s = input.evidence.survey;
	const scored = input.cells
		.map((cell) => ({ effort: cell.effort, score: effectiveScore(cell) }))
		.sort((a, b) => b.score - a.score);
	const hubs = input.hubs.filter(
		(hub) => keywordHits(input.evidence.text, hub.keywords).length > 0
	);
	const ties = new Set([
		...(s?.partners ?? []),
		...(s?.agreementParties ?? []),
		...(s?.coLocatedWith ?? [])
	]);
	// Hubs are often named under "other" in the survey rather than picked from the list.
	const otherText = (s?.otherTexts ?? []).join(' ').toLowerCase();
	const worksWith = (hub: HubInput) =>
		ties.has(hub.actor) || otherText.includes(hub.name.toLowerCase());
	return {
		present: Boolean(s && (s.ownOffice || s.coLocatedWith.length > 0)),
		members: s?.members ?? null,
		stage: input.evidence.stage,
		regionalAgreements: (s?.agreementParties ?? []).filter((p) => p !== 'municipality'),
		municipalAgreements: s?.agreementMunicipalities.length ?? 0,
		regionWide: (s?.agreementParties ?? []).some((p) => input.regionWideParties.includes(p)),
		runsProjects: Boolean(
			s?.activityCodes.some(
				(code) => code === 'collaboration-projects' || code === 'rd-applications'
			)
		),
		top: scored[0]?.score ?? 0,
		serves: scored.filter((c) => c.score >= SERVES_AT),
		hubs,
		hubPartners: hubs.filter(worksWith)
	};
}

function facts(input: RecommendInput, sit: Situation): Statement[] {
	const s = input.evidence.survey;
	if (!s) return [say('rec_fact_no_survey'), stageFact(sit.stage)];
	const out: Statement[] = [];
	if (s.members === 0 && s.uniqueCompanies === 0 && !s.ownOffice && s.coLocatedWith.length === 0) {
		return [say('rec_fact_inactive', { round: s.round }), stageFact(sit.stage)];
	}
	if (s.ownOffice)
		out.push(say('rec_fact_office', { where: s.presenceMunicipalities.join(', ') || '–' }));
	else if (s.coLocatedWith.length > 0)
		out.push(say('rec_fact_colocated', { with: names(s.coLocatedWith, input.actorNames) }));
	else if (s.otherPresence) out.push(say('rec_fact_other_presence'));
	else out.push(say('rec_fact_not_present'));
	if (s.members !== null)
		out.push(
			say(s.membersEstimate ? 'rec_fact_members_estimate' : 'rec_fact_members', {
				members: s.members
			})
		);
	out.push(stageFact(sit.stage));
	const agreements = sit.regionalAgreements.length + sit.municipalAgreements;
	out.push(
		agreements > 0
			? say('rec_fact_agreements', { count: agreements })
			: say('rec_fact_no_agreements')
	);
	return out;
}

function stageFact(stage: ClusterEvidence['stage']): Statement {
	return say(stage ? (`rec_fact_stage_${stage}` as const) : 'rec_fact_stage_unknown');
}

const names = (slugs: string[], map: ReadonlyMap<string, string>) =>
	slugs.map((slug) => map.get(slug) ?? slug).join(', ');

type Rule = [holds: boolean, points: number, reason: Statement];

/** The rules per model: `null` when the model's own needs are not met. */
function rulesFor(code: string, sit: Situation, input: RecommendInput): Rule[] | null {
	const m = sit.members ?? 0;
	const established = sit.stage === 'developing' || sit.stage === 'mature';
	const fit: Rule = [sit.top >= 60, 10, say('rec_why_strong_fit', { score: sit.top })];
	switch (code) {
		case 'framework-agreement':
			if (!sit.present || !established) return null;
			return [
				[true, 35, say('rec_why_present')],
				[sit.stage === 'mature', 15, say('rec_why_mature')],
				[m >= 50, 15, say('rec_why_members_many', { members: m })],
				[m >= 30 && m < 50, 8, say('rec_why_members_some', { members: m })],
				[
					sit.regionalAgreements.length + sit.municipalAgreements > 0,
					15,
					say('rec_why_agreements', {
						count: sit.regionalAgreements.length + sit.municipalAgreements
					})
				],
				[sit.serves.length >= 2, 10, say('rec_why_serves_several', { count: sit.serves.length })]
			];
		case 'joint-hub':
			if (!sit.present || !established || sit.hubs.length === 0) return null;
			return [
				[true, 45, say('rec_why_hub_theme', { hubs: sit.hubs.map((h) => h.name).join(', ') })],
				[
					sit.hubPartners.length > 0,
					10,
					say('rec_why_hub_partner', { hubs: sit.hubPartners.map((h) => h.name).join(', ') })
				],
				[sit.stage === 'mature', 10, say('rec_why_mature')],
				fit
			];
		case 'project-partnership':
			if (!sit.runsProjects || !established) return null;
			return [
				[true, 40, say('rec_why_runs_projects')],
				[sit.top >= 60, 15, say('rec_why_strong_fit', { score: sit.top })],
				[sit.serves.length >= 2, 10, say('rec_why_serves_several', { count: sit.serves.length })],
				[
					sit.regionalAgreements.length + sit.municipalAgreements === 0,
					10,
					say('rec_why_no_agreements')
				]
			];
		case 'co-location': {
			const s = input.evidence.survey;
			if (!s || s.ownOffice || !established) return null;
			return [
				[true, 35, say('rec_why_no_office')],
				[s.coLocatedWith.length === 0, 10, say('rec_why_not_present')],
				[
					s.coLocatedWith.length > 0,
					5,
					say('rec_why_colocated', { with: names(s.coLocatedWith, input.actorNames) })
				],
				[
					m >= 20,
					15,
					say(m >= 50 ? 'rec_why_members_many' : 'rec_why_members_some', { members: m })
				],
				fit
			];
		}
		case 'cross-municipal': {
			const spread = input.evidence.survey?.presenceMunicipalities.length ?? 0;
			if (!established || (sit.municipalAgreements === 0 && spread < 2)) return null;
			return [
				// Each agreement with a single municipality beyond the first makes one shared agreement more worth it.
				[
					true,
					40 + 10 * Math.min(3, Math.max(0, sit.municipalAgreements - 1)),
					sit.municipalAgreements > 0
						? say('rec_why_municipal_agreements', { count: sit.municipalAgreements })
						: say('rec_why_spread', { count: spread })
				],
				[!sit.regionWide, 10, say('rec_why_no_region_wide')]
			];
		}
		case 'network-membership':
			return [
				[true, 30, say('rec_why_first_step')],
				[sit.stage === 'emerging', 20, say('rec_why_emerging')],
				[m < 30, 10, say('rec_why_members_few', { members: m })],
				[sit.top >= SERVES_AT, 10, say('rec_why_some_fit', { score: sit.top })],
				[
					sit.regionalAgreements.length + sit.municipalAgreements === 0,
					5,
					say('rec_why_no_agreements')
				]
			];
		case 'dialogue':
			return [
				[true, 20, say('rec_why_first_step')],
				[!sit.present, 10, say('rec_why_not_present')],
				[sit.top < SERVES_AT, 20, say('rec_why_weak_fit', { score: sit.top })],
				[m < 15, 10, say('rec_why_members_few', { members: m })]
			];
		default:
			// A user-made model has no rules yet: it is never proposed, only chosen by hand.
			return null;
	}
}

/** Whether the model suits the cluster's stage and presence, as the catalogue says. */
function suits(model: CollaborationModel, sit: Situation, evidence: ClusterEvidence): boolean {
	if (sit.stage && !model.suitsStages.includes(sit.stage)) return false;
	if (model.suitsPresence === 'present' && !sit.present) return false;
	if (model.suitsPresence === 'absent' && evidence.survey?.ownOffice) return false;
	return true;
}

export function checklistStatus(
	code: ChecklistCode,
	sit: Situation,
	input: RecommendInput
): ChecklistStatus {
	if (input.confirmed.includes(code)) return { code, met: true, why: say('rec_check_confirmed') };
	const s = input.evidence.survey;
	switch (code) {
		case 'respect-core-narrative':
			return { code, met: false, why: say('rec_check_core_narrative') };
		case 'concrete-agreement':
			return { code, met: false, why: say('rec_check_concrete_agreement') };
		case 'proximity':
			return sit.present
				? {
						code,
						met: true,
						why: say('rec_check_proximity_met', {
							where:
								s?.presenceMunicipalities.join(', ') ||
								names(s?.coLocatedWith ?? [], input.actorNames)
						})
					}
				: { code, met: false, why: say('rec_check_proximity_unmet') };
		case 'concrete-projects':
			return sit.runsProjects
				? { code, met: true, why: say('rec_check_projects_met') }
				: { code, met: false, why: say('rec_check_projects_unmet') };
		case 'role-clarity':
			return sit.hubs.length > 0
				? {
						code,
						met: false,
						why: say('rec_check_roles_hub', { hubs: sit.hubs.map((h) => h.name).join(', ') })
					}
				: { code, met: false, why: say('rec_check_roles') };
		case 'cross-municipal':
			return sit.regionWide
				? {
						code,
						met: true,
						why: say('rec_check_cross_met', {
							parties: names(
								s?.agreementParties.filter((p) => input.regionWideParties.includes(p)) ?? [],
								input.actorNames
							)
						})
					}
				: { code, met: false, why: say('rec_check_cross_unmet') };
		case 'goals-kpis':
			return { code, met: false, why: say('rec_check_kpis') };
	}
}

export function recommend(input: RecommendInput): Recommendation {
	const sit = situation(input);
	const candidates = input.models
		.filter((model) => suits(model, sit, input.evidence))
		.flatMap((model) => {
			const rules = rulesFor(model.code, sit, input);
			if (!rules) return [];
			const held = rules.filter(([holds]) => holds);
			const suitability = Math.min(
				100,
				held.reduce((sum, [, points]) => sum + points, 0)
			);
			return [{ model, suitability, reasons: held.map(([, , reason]) => reason) }];
		})
		// Equal suitability keeps the catalogue's order, so the result never depends on chance.
		.sort((a, b) => b.suitability - a.suitability);
	const chosen = candidates.filter(
		(c, index) => index === 0 || (index === 1 && c.suitability >= SECOND_AT)
	);
	const confidence =
		input.cells.length === 0
			? 0
			: Math.round(
					(100 * input.cells.reduce((sum, c) => sum + c.confidence, 0)) / input.cells.length
				) / 100;
	return {
		cluster: input.evidence.slug,
		name: input.evidence.name,
		facts: facts(input, sit),
		options: chosen.map((c, index) => ({
			model: c.model.code,
			rank: index + 1,
			suitability: c.suitability,
			reasons: c.reasons,
			checklist: c.model.checklist.map((code) => checklistStatus(code, sit, input))
		})),
		serves: sit.serves,
		confidence
	};
}
