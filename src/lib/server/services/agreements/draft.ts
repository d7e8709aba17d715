/**
 * An agreement drafted from an accepted (or changed) recommendation: the cluster, the chosen
 * model, the efforts the cluster serves, the municipalities where it is present (all of the
 * region's for a cross-municipal agreement), the region-wide party, a period of the model's
 * typical length from next New Year, and the model's checklist points as notes to fill in.
 */
import type { AgreementInput } from '$lib/domain/agreements/agreement';
import { addDays, addMonths } from '$lib/domain/agreements/dates';
import { NotFoundError } from '$lib/domain/errors';
import { findDecision } from '../../db/queries/strategy/decisions';
import { m } from '../../i18n';
import { requireRole } from '../access';
import { agreementOptions } from './options';
import type { Ctx } from '../context';
import { recommendationView, runRecommendations } from '../collaboration';

export interface AgreementDraft {
	regionCode: string;
	decisionId: number;
	values: Partial<AgreementInput>;
}

export async function agreementDraftFromDecision(
	ctx: Ctx,
	decisionId: number,
	now = new Date()
): Promise<AgreementDraft> {
	requireRole(ctx, 'analyst');
	const decision = Number.isInteger(decisionId)
		? await findDecision(ctx.db, decisionId)
		: undefined;
	if (!decision || !decision.chosenModel) {
		throw new NotFoundError(m.agreement_no_decision({}, { locale: ctx.locale }));
	}
	const [run, { options }] = await Promise.all([
		runRecommendations(ctx, decision.regionCode),
		agreementOptions(ctx, decision.regionCode)
	]);
	const model = run.models.get(decision.chosenModel);
	const rec = run.recommendations.find((r) => r.cluster === decision.clusterSlug);
	const evidence = run.inputs.evidence.find((e) => e.slug === decision.clusterSlug);
	const view = rec ? recommendationView(ctx, run, rec) : null;
	const option = view?.options.find((o) => o.model === decision.chosenModel) ?? view?.options[0];
	const byName = new Map(options.municipalities.map((mu) => [mu.name, mu.code]));
	const present = (evidence?.survey?.presenceMunicipalities ?? []).flatMap(
		(name) => byName.get(name) ?? []
	);
	const startsOn = `${now.getUTCFullYear() + 1}-01-01`;
	const months = model?.typicalMonths ?? 24;
	return {
		regionCode: decision.regionCode,
		decisionId: decision.id,
		values: {
			title: `${model?.texts[ctx.locale].name ?? decision.chosenModel} – ${evidence?.name ?? decision.clusterSlug}`,
			cluster: decision.clusterSlug,
			modelCode: decision.chosenModel,
			parties: run.inputs.regionWideParties.slice(0, 1),
			efforts: rec?.serves.map((s) => s.effort) ?? [],
			municipalities:
				decision.chosenModel === 'cross-municipal'
					? options.municipalities.map((mu) => mu.code)
					: present,
			startsOn,
			endsOn: addDays(addMonths(startsOn, months), -1),
			status: 'draft',
			checklist: Object.fromEntries(
				(model?.checklist ?? []).map((code) => [
					code,
					option?.checklist.find((c) => c.code === code)?.why ?? ''
				])
			),
			notes: decision.note
		}
	};
}
