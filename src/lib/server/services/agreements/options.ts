/**
 * What a region offers an agreement to choose from (clusters, models, actors, municipalities,
 * efforts, staff, checklist), for the forms and for the rules that check a saved agreement, and
 * how a party is named. Read from the other areas' leaves only.
 */
import type { AgreementContext } from '$lib/domain/agreements/agreement';
import type { AgreementOptions } from '$lib/domain/agreements/view';
import { checklistCodes } from '$lib/domain/collaboration/catalogue';
import { NotFoundError } from '$lib/domain/errors';
import { checklistLabel } from '$lib/labels/collaboration';
import { listActorsOfRegion, listMunicipalities } from '../../db/queries/reference/geography';
import { listUsers } from '../../db/queries/users/users';
import { m } from '../../i18n';
import { regionOrThrow } from '../../validation';
import { loadCatalogue } from '../collaboration';
import type { Ctx } from '../context';
import { getRegions, loadClusters } from '../landscape';
import { currentStrategy } from '../strategy';

/** What the region offers to choose from, and the same as sets for the rules. */
export async function agreementOptions(
	ctx: Ctx,
	regionCode: string
): Promise<{ options: AgreementOptions; context: AgreementContext }> {
	const code = regionOrThrow(ctx, regionCode);
	const [regions, clusters, models, actors, municipalities, strategy, users] = await Promise.all([
		getRegions(ctx),
		loadClusters(ctx.db),
		loadCatalogue(ctx.db),
		listActorsOfRegion(ctx.db, code),
		listMunicipalities(ctx.db),
		currentStrategy(ctx, code),
		listUsers(ctx.db)
	]);
	const region = regions.find((r) => r.code === code);
	if (!region) throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
	const inRegion = municipalities.filter((mu) => mu.regionCode === code);
	const staff = users.filter((u) => u.role !== 'viewer' && !u.disabledAt);
	const options: AgreementOptions = {
		region: { code, name: region.name },
		clusters: clusters.map((c) => ({ slug: c.slug, name: c.shortName || c.name })),
		models: models.map((model) => ({ code: model.code, name: model.texts[ctx.locale].name })),
		actors: actors.map((a) => ({ slug: a.slug, name: a.name })),
		municipalities: inRegion.map((mu) => ({ code: mu.code, name: mu.name })),
		efforts: (strategy?.version.efforts ?? []).map((e) => ({
			code: e.code,
			title: e.title[ctx.locale] || e.title.da
		})),
		users: staff.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` })),
		checklist: checklistCodes.map((c) => ({ code: c, label: checklistLabel(c, ctx.locale) }))
	};
	return {
		options,
		context: {
			regionCode: code,
			clusters: new Set(clusters.map((c) => c.slug)),
			actors: new Set(actors.map((a) => a.slug)),
			municipalities: new Set(inRegion.map((mu) => mu.code)),
			efforts: new Set(options.efforts.map((e) => e.code)),
			models: new Set(models.map((model) => model.code)),
			users: new Set(staff.map((u) => u.id))
		}
	};
}

export function partyLabel(
	party: string,
	options: Pick<AgreementOptions, 'actors' | 'municipalities'>
): string {
	if (party.startsWith('municipality:')) {
		const code = party.slice('municipality:'.length);
		return options.municipalities.find((mu) => mu.code === code)?.name ?? code;
	}
	return options.actors.find((a) => a.slug === party)?.name ?? party;
}
