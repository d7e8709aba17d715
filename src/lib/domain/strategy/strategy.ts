/**
 * A regional strategy as Klyngeradar uses it: a vision and a list of efforts (indsatser), each
 * described by the business/technology areas and activity categories it relates to and by
 * keywords, plus the weights the fit model uses for this version.
 */
import { z } from 'zod';

const Text = z.object({ da: z.string().trim().min(1).max(500), en: z.string().trim().max(500) });

export const EffortSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[a-z0-9-]{2,60}$/),
	title: Text,
	description: z.string().trim().max(4000).default(''),
	/** Business/technology areas, as the landscape names them (a cluster's area). */
	areas: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
	activityCategories: z.array(z.string()).max(12).default([]),
	keywords: z.array(z.string().trim().toLowerCase().min(2).max(60)).max(40).default([])
});
export type Effort = z.infer<typeof EffortSchema>;

/**
 * A regional initiative or hub (an actor such as Green Hub Denmark) that can boost the
 * collaboration with clusters on its themes — and needs a clear role split with them.
 */
export const HubSchema = z.object({
	actor: z.string().trim().min(1).max(100),
	keywords: z.array(z.string().trim().toLowerCase().min(2).max(60)).min(1).max(40)
});
export type Hub = z.infer<typeof HubSchema>;

export const criteria = ['thematic', 'presence', 'reach', 'ties', 'maturity'] as const;
export type Criterion = (typeof criteria)[number];

export const WeightsSchema = z.object(
	Object.fromEntries(criteria.map((c) => [c, z.number().min(0).max(100)])) as Record<
		Criterion,
		z.ZodNumber
	>
);
export type Weights = z.infer<typeof WeightsSchema>;

export const defaultWeights: Weights = {
	thematic: 40,
	presence: 20,
	reach: 20,
	ties: 10,
	maturity: 10
};

export const StrategyContentSchema = z
	.object({
		vision: z.string().trim().min(1).max(4000),
		efforts: z.array(EffortSchema).max(30),
		hubs: z.array(HubSchema).max(20).default([]),
		weights: WeightsSchema.default(defaultWeights)
	})
	.superRefine((value, ctx) => {
		const seen = new Set<string>();
		value.efforts.forEach((effort, index) => {
			if (seen.has(effort.code))
				ctx.addIssue({
					code: 'custom',
					path: ['efforts', index, 'code'],
					params: { i18n: 'strategy_duplicate_effort' }
				});
			seen.add(effort.code);
		});
		const hubs = new Set<string>();
		value.hubs.forEach((hub, index) => {
			if (hubs.has(hub.actor))
				ctx.addIssue({
					code: 'custom',
					path: ['hubs', index, 'actor'],
					params: { i18n: 'strategy_duplicate_hub' }
				});
			hubs.add(hub.actor);
		});
		if (Object.values(value.weights).every((w) => w === 0)) {
			ctx.addIssue({ code: 'custom', path: ['weights'], params: { i18n: 'fit_weights_all_zero' } });
		}
	});
export type StrategyContent = z.infer<typeof StrategyContentSchema>;

/**
 * What each stand-in effort of the example strategy relates to. The reference data gives only the
 * efforts' names (DEB's 2019 cross-cutting priorities); these descriptions are Klyngeradar's and
 * are marked as an example until a user edits the strategy.
 */
export const exampleEffortDetails: Record<
	string,
	{ areas: string[]; activityCategories: string[]; keywords: string[]; description: string }
> = {
	digitalisation: {
		areas: [
			'Digitale teknologier',
			'Robotteknologi, automation og droner',
			'Produktion / avanceret produktion'
		],
		activityCategories: ['transformation', 'innovation-projects', 'knowledge-dissemination'],
		keywords: [
			'digital',
			'teknologi',
			'robot',
			'automation',
			'data',
			'fintech',
			'software',
			'ikt',
			'produktion',
			'manufacturing'
		],
		description:
			'Virksomhedernes brug af digitale og nye teknologier, fra automation og robotter til data.'
	},
	'qualified-labour': {
		areas: [],
		activityCategories: ['competence-development', 'qualified-workforce'],
		keywords: ['kompetence', 'uddannelse', 'arbejdskraft', 'rekruttering', 'talent'],
		description: 'Adgang til kvalificeret arbejdskraft og kompetenceudvikling i virksomhederne.'
	},
	'green-circular': {
		areas: ['Energiteknologi', 'Miljøteknologi', 'Fødevarer og bioressourcer', 'Byggeri og anlæg'],
		activityCategories: ['transformation', 'innovation-projects'],
		keywords: [
			'grøn',
			'energi',
			'miljø',
			'cirkulær',
			'klima',
			'vand',
			'bæredygtig',
			'byggeri',
			'fødevare',
			'bioressource'
		],
		description: 'Grøn og cirkulær omstilling – energi, miljø, byggeri og fødevarer.'
	},
	'clusters-innovation': {
		areas: [],
		activityCategories: [
			'innovation-projects',
			'matchmaking',
			'knowledge-dissemination',
			'partnership-formation'
		],
		keywords: ['innovation', 'samarbejde', 'forskning', 'viden', 'klynge'],
		description: 'Innovationssamarbejder mellem virksomheder og videninstitutioner gennem klynger.'
	},
	'entrepreneurship-growth': {
		areas: ['Finansiel teknologi'],
		activityCategories: ['entrepreneurship', 'access-to-finance'],
		keywords: ['iværksætter', 'startup', 'vækst', 'kapital', 'finansiering', 'fintech'],
		description: 'Flere iværksættere og virksomheder med vækstambitioner.'
	},
	internationalisation: {
		areas: [],
		activityCategories: ['internationalisation'],
		keywords: ['international', 'eksport', 'global', 'marked'],
		description: 'Adgang til internationale markeder, videnhubs og værdikæder.'
	}
};

/** The example's regional initiatives: the hubs the source document names (Green Hub Denmark, Hydrogen Valley). */
export const exampleHubs: Hub[] = [
	{
		actor: 'green-hub-denmark',
		keywords: ['energi', 'grøn', 'miljø', 'klima', 'vand', 'cirkulær', 'bæredygtig']
	},
	{ actor: 'hydrogen-valley', keywords: ['energi', 'brint', 'power-to-x', 'ptx'] }
];
