import { describe, expect, it } from 'vitest';
import type { Headline } from '$lib/domain/findings/findings';
import type { Locale } from '$lib/format';
import { sayHeadline } from './headlines';

const region = 'Nordjylland';
const said = (key: string, params: Headline['params'], locale: Locale) =>
	sayHeadline({ question: 'q', key, params }, locale);

type Row = [string, Headline['params'], string, string];

describe('the findings headlines for none, one and many', () => {
	const rows: Row[] = [
		[
			'findings_h_status',
			{ completed: 1, invited: 1, partial: 0 },
			'1 af 1 inviteret klynge har gennemført surveyen.',
			'1 of 1 invited cluster has completed the survey.'
		],
		[
			'findings_h_status',
			{ completed: 1, invited: 12, partial: 1 },
			'1 af 12 inviterede klynger har gennemført surveyen; 1 er i gang.',
			'1 of 12 invited clusters has completed the survey; 1 is under way.'
		],
		[
			'findings_h_status',
			{ completed: 9, invited: 1234, partial: 3 },
			'9 af 1.234 inviterede klynger har gennemført surveyen; 3 er i gang.',
			'9 of 1,234 invited clusters have completed the survey; 3 are under way.'
		],
		[
			'findings_h_presence',
			{ present: 0, ownOffice: 0, region },
			'Ingen klynger er fysisk til stede i Nordjylland med selvstændigt kontor eller samlokation med en aktør.',
			'No cluster is physically present in Nordjylland with an own office or co-located with an actor.'
		],
		[
			'findings_h_presence',
			{ present: 1, ownOffice: 1, region },
			'1 klynge er fysisk til stede i Nordjylland med selvstændigt kontor eller samlokation med én eller flere aktører – med eget kontor.',
			'1 cluster is physically present in Nordjylland with an own office or co-located with one or more actors – with its own office.'
		],
		[
			'findings_h_presence',
			{ present: 7, ownOffice: 0, region },
			'7 klynger er fysisk til stede i Nordjylland med selvstændigt kontor eller samlokation med én eller flere aktører – ingen af dem med eget kontor.',
			'7 clusters are physically present in Nordjylland with an own office or co-located with one or more actors – none with their own office.'
		],
		[
			'findings_h_presence',
			{ present: 7, ownOffice: 2, region },
			'7 klynger er fysisk til stede i Nordjylland med selvstændigt kontor eller samlokation med én eller flere aktører – heraf 2 med eget kontor.',
			'7 clusters are physically present in Nordjylland with an own office or co-located with one or more actors – 2 with their own office.'
		],
		[
			'findings_h_partners',
			{ clusters: 1, of: 1, region },
			'1 af 1 klynge har et samarbejde med én eller flere aktører i Nordjylland.',
			'1 of 1 cluster works with one or more actors in Nordjylland.'
		],
		[
			'findings_h_partners',
			{ clusters: 17, of: 27, region },
			'17 af 27 klynger har et samarbejde med én eller flere aktører i Nordjylland.',
			'17 of 27 clusters work with one or more actors in Nordjylland.'
		],
		[
			'findings_h_activities',
			{ clusters: 1, of: 27, region },
			'1 af 27 klynger har aktiviteter, projekter og værditilbud i Nordjylland.',
			'1 of 27 clusters has activities, projects and offers in Nordjylland.'
		],
		[
			'findings_h_members',
			{ clusters: 1, total: 1, over50: 0, under50: 1, estimates: 0, region },
			'1 klynge har mindst 1 medlem i Nordjylland – heraf ca. 0 med over 50 ansatte og ca. 1 med under 50 ansatte.',
			'1 cluster has at least 1 member in Nordjylland – about 0 with more than 50 employees and about 1 with fewer.'
		],
		[
			'findings_h_members',
			{ clusters: 12, total: 1740, over50: 140, under50: 1600, estimates: 1, region },
			'12 klynger har tilsammen mindst 1.740 medlemmer i Nordjylland – heraf ca. 140 med over 50 ansatte og ca. 1.600 med under 50 ansatte (1 klynge har givet et estimat).',
			'12 clusters have at least 1,740 members in Nordjylland together – about 140 with more than 50 employees and about 1,600 with fewer (1 cluster gave an estimate).'
		],
		[
			'findings_h_members',
			{ clusters: 12, total: 1740, over50: 140, under50: 1600, estimates: 3, region },
			'12 klynger har tilsammen mindst 1.740 medlemmer i Nordjylland – heraf ca. 140 med over 50 ansatte og ca. 1.600 med under 50 ansatte (3 klynger har givet et estimat).',
			'12 clusters have at least 1,740 members in Nordjylland together – about 140 with more than 50 employees and about 1,600 with fewer (3 clusters gave an estimate).'
		],
		[
			'findings_h_unique',
			{ clusters: 1, sum: 1, estimates: 0, since: '2021', region },
			'Mindst 1 unik virksomhed fra 1 klynge har deltaget i aktiviteter i Nordjylland siden 2021.',
			'At least 1 unique company from 1 cluster has taken part in activities in Nordjylland since 2021.'
		],
		[
			'findings_h_unique',
			{ clusters: 4, sum: 310, estimates: 1, since: '2021', region },
			'Mindst 310 unikke virksomheder fra 4 klynger har deltaget i aktiviteter i Nordjylland siden 2021, heraf 1 estimat. Tallene kan overlappe, fordi samme virksomhed kan deltage hos flere klynger.',
			'At least 310 unique companies from 4 clusters have taken part in activities in Nordjylland since 2021, of which 1 estimate. The figures can overlap, because a company can take part with several clusters.'
		],
		[
			'findings_h_unique',
			{ clusters: 4, sum: 310, estimates: 2, since: '2021', region },
			'Mindst 310 unikke virksomheder fra 4 klynger har deltaget i aktiviteter i Nordjylland siden 2021, heraf 2 estimater. Tallene kan overlappe, fordi samme virksomhed kan deltage hos flere klynger.',
			'At least 310 unique companies from 4 clusters have taken part in activities in Nordjylland since 2021, of which 2 estimates. The figures can overlap, because a company can take part with several clusters.'
		],
		[
			'findings_h_participants',
			{ clusters: 1, sum: 1, estimates: 0, since: '2021', region },
			'1 klynge har oplyst i alt mindst 1 deltager i Nordjylland siden 2021.',
			'1 cluster reports at least 1 participant in Nordjylland since 2021.'
		],
		[
			'findings_h_participants',
			{ clusters: 5, sum: 2500, estimates: 1, since: '2021/2022', region },
			'5 klynger har oplyst i alt mindst 2.500 deltagere i Nordjylland siden 2021/2022, heraf 1 estimat.',
			'5 clusters report at least 2,500 participants in Nordjylland since 2021/2022, of which 1 estimate.'
		],
		[
			'findings_h_agreements',
			{ without: 0, with: 12, region },
			'Alle 12 klynger har en samarbejdsaftale med en aktør i Nordjylland.',
			'All 12 clusters have a collaboration agreement with an actor in Nordjylland.'
		],
		[
			'findings_h_agreements',
			{ without: 0, with: 1, region },
			'1 klynge har en samarbejdsaftale med en aktør i Nordjylland.',
			'1 cluster has a collaboration agreement with an actor in Nordjylland.'
		],
		[
			'findings_h_agreements',
			{ without: 12, with: 0, region },
			'Ingen af de 12 klynger har en samarbejdsaftale med en aktør i Nordjylland.',
			'None of the 12 clusters has a collaboration agreement with an actor in Nordjylland.'
		],
		[
			'findings_h_agreements',
			{ without: 1, with: 11, region },
			'1 klynge har ikke en samarbejdsaftale med en aktør i Nordjylland; 11 har.',
			'1 cluster has no collaboration agreement with an actor in Nordjylland; 11 have.'
		],
		[
			'findings_h_agreements',
			{ without: 11, with: 1, region },
			'11 klynger har ikke en samarbejdsaftale med en aktør i Nordjylland; 1 har.',
			'11 clusters have no collaboration agreement with an actor in Nordjylland; 1 has.'
		],
		[
			'findings_h_municipal',
			{ agreements: 1, municipalities: 1, clusters: 1, max: 1 },
			'1 samarbejdsaftale med 1 kommune er indgået af 1 klynge.',
			'1 agreement with 1 municipality is held by 1 cluster.'
		],
		[
			'findings_h_municipal',
			{ agreements: 3, municipalities: 2, clusters: 1, max: 3 },
			'3 samarbejdsaftaler med 2 kommuner er alle indgået af 1 klynge.',
			'3 agreements with 2 municipalities are all held by 1 cluster.'
		],
		[
			'findings_h_municipal',
			{ agreements: 9, municipalities: 6, clusters: 4, max: 5 },
			'9 samarbejdsaftaler med 6 kommuner er fordelt på 4 klynger; én klynge har 5 af de 9 aftaler.',
			'9 agreements with 6 municipalities are held by 4 clusters; one cluster has 5 of the 9.'
		]
	];

	it.each(rows)('%s %j in Danish', (key, params, da) => {
		expect(said(key, params, 'da')).toBe(da);
	});
	it.each(rows)('%s %j in English', (key, params, _da, en) => {
		expect(said(key, params, 'en')).toBe(en);
	});
});
