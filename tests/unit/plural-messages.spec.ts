/** The deck and fit sentences with a count, said with one and with many, in both languages. */
import { describe, expect, it } from 'vitest';
import { messageByKey } from '../../src/lib/server/i18n';

type Row = [string, Record<string, string | number>, string, string];

const rows: Row[] = [
	[
		'deck_landscape_count',
		{ clusters: 1 },
		'1 national klynge er aktiv i registret',
		'1 national cluster is active in the register'
	],
	[
		'deck_landscape_count',
		{ clusters: 13 },
		'13 nationale klynger er aktive i registret',
		'13 national clusters are active in the register'
	],
	['deck_landscape_programme', { name: 'P', clusters: 1 }, 'P: 1 klynge', 'P: 1 cluster'],
	['deck_landscape_programme', { name: 'P', clusters: 0 }, 'P: 0 klynger', 'P: 0 clusters'],
	[
		'deck_history_headline',
		{ periods: 1, first: 2014 },
		'1 periode siden 2014',
		'1 period since 2014'
	],
	[
		'deck_history_headline',
		{ periods: 4, first: 2014 },
		'4 perioder siden 2014',
		'4 periods since 2014'
	],
	[
		'deck_stages_headline',
		{ mature: 1, known: 1 },
		'1 af 1 klynge med kendt stadie er moden',
		'1 of 1 cluster with a known stage is mature'
	],
	[
		'deck_stages_headline',
		{ mature: 0, known: 12 },
		'0 af 12 klynger med kendt stadie er modne',
		'0 of 12 clusters with a known stage are mature'
	],
	[
		'deck_q_without_agreements',
		{ count: 1, region: 'Fyn' },
		'Hvordan engagerer vi den 1 klynge i Fyn, som ikke har en aftale?',
		'How do we engage the 1 cluster in Fyn that has no agreement?'
	],
	[
		'deck_q_without_agreements',
		{ count: 5, region: 'Fyn' },
		'Hvordan engagerer vi de 5 klynger i Fyn, som ikke har en aftale?',
		'How do we engage the 5 clusters in Fyn that have no agreement?'
	],
	[
		'deck_q_presence',
		{ count: 1, region: 'Fyn' },
		'Skal vi arbejde for fysisk tilstedeværelse for den 1 klynge uden kontor eller fast plads i Fyn?',
		'Should we work for physical presence for the 1 cluster without an office or a desk in Fyn?'
	],
	[
		'deck_q_cross_municipal',
		{ agreements: 2, municipalities: 2 },
		'2 kommunale aftaler fordelt på 2 kommuner: skal de samles i tværkommunale aftaler?',
		'2 municipal agreements across 2 municipalities: should they become cross-municipal agreements?'
	],
	[
		'fit_ev_colocated',
		{ count: 1, where: 'AAU', round: 'R' },
		'Co-location hos 1 regional aktør (AAU) ifølge R.',
		'Co-located with 1 regional actor (AAU) according to R.'
	],
	[
		'fit_ev_colocated',
		{ count: 2, where: 'AAU, UCN', round: 'R' },
		'Co-location hos 2 regionale aktører (AAU, UCN) ifølge R.',
		'Co-located with 2 regional actors (AAU, UCN) according to R.'
	],
	[
		'fit_provenance_survey',
		{ title: 'T', n: 1, N: 1, date: 'D' },
		'survey „T“ (1 af 1 klynge gennemført, seneste svar D)',
		'the survey “T” (1 of 1 cluster completed, last answer D)'
	],
	[
		'fit_provenance_register',
		{ lists: 1, clusters: 1, date: 'D' },
		', virksomhedsregistret (1 liste for 1 af klyngerne, seneste import D)',
		', the company register (1 list for 1 of the clusters, latest import D)'
	],
	[
		'fit_provenance_register',
		{ lists: 3, clusters: 2, date: 'D' },
		', virksomhedsregistret (3 lister for 2 af klyngerne, seneste import D)',
		', the company register (3 lists for 2 of the clusters, latest import D)'
	]
];

describe('sentences with a count', () => {
	it.each(rows)('%s %j in Danish', (key, params, da) => {
		expect(messageByKey(key, params, 'da')).toBe(da);
	});
	it.each(rows)('%s %j in English', (key, params, _da, en) => {
		expect(messageByKey(key, params, 'en')).toBe(en);
	});
});
