import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswersSchema, type Answers } from './answers';
import { answerFields, type AnswerField } from './fields';
import { defaultTexts } from './questionnaire';
import { buildSurveyDefinition, type FormOptions } from './surveyjs';

const fields = Object.entries(answerFields) as [
	AnswerField,
	readonly [string] | readonly [string, string]
][];
const isLeaf = (path: readonly string[]) =>
	!fields.some(
		([, other]) => other.length > path.length && path.every((part, i) => other[i] === part)
	);

function unwrap(schema: z.ZodType): z.ZodType {
	return schema instanceof z.ZodOptional || schema instanceof z.ZodNullable
		? unwrap(schema.unwrap() as z.ZodType)
		: schema;
}

/** Every path the answer schema has, sections and their leaves, read from its shape. */
function schemaPaths(schema: z.ZodType, prefix: string[] = []): string[][] {
	const inner = unwrap(schema);
	if (!(inner instanceof z.ZodObject)) return [];
	return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, value]) => [
		[...prefix, key],
		...schemaPaths(value, [...prefix, key])
	]);
}

/** Every answer given, so each leaf has a value to take. */
const full: Answers = {
	activeInRegion: true,
	presence: { ownOffice: true, coLocatedWith: ['aau'], other: 'Lab', municipalities: ['851'] },
	partners: { actors: ['ucn'], other: 'Nordsøen Oceanarium' },
	members: { total: 80, over50: 30, under50: 50, estimate: true },
	uniqueCompanies: { count: 420, sinceYear: 2021, estimate: true },
	participants: { count: 1500, sinceYear: 2020, estimate: false },
	activities: { codes: ['projects'], other: 'Hackathon' },
	agreements: { parties: ['municipality'], other: 'Green Hub', municipalities: ['851'] }
};

function valueAt(value: unknown, path: readonly string[]): unknown {
	return path.reduce<unknown>(
		(node, key) => (node as Record<string, unknown> | undefined)?.[key],
		value
	);
}

describe('the answer fields', () => {
	it('name exactly the paths of the answer schema, each once', () => {
		const named = fields.map(([, path]) => path.join('.'));
		expect(new Set(named).size).toBe(named.length);
		expect([...named].sort()).toEqual(
			schemaPaths(AnswersSchema)
				.map((path) => path.join('.'))
				.sort()
		);
	});

	it('build an answer set the schema accepts from their leaves alone', () => {
		const built: Record<string, unknown> = {};
		for (const [field, path] of fields.filter(([, p]) => isLeaf(p))) {
			const value = valueAt(full, path);
			expect(value, field).toBeDefined();
			const [section, key] = path;
			built[section] = key === undefined ? value : { ...(built[section] as object), [key]: value };
		}
		expect(AnswersSchema.parse(built)).toEqual(full);
	});
});

const options: FormOptions = {
	locale: 'en',
	regionName: 'Region Nordjylland',
	sinceYear: 2021,
	roundYear: 2023,
	coLocationActors: [{ slug: 'aau', name: 'Aalborg Universitet' }],
	partnerActors: [{ slug: 'ucn', name: 'UCN' }],
	agreementParties: [{ slug: 'brn', name: 'Business Region North Denmark' }],
	municipalities: [{ code: '851', name: 'Aalborg' }],
	activities: [{ code: 'projects', label: 'Projects' }],
	labels: { yes: 'Yes', noPresence: 'No presence', noPartners: 'No partners' }
};

type Element = { type: string; name: string; elements?: Element[] } & Record<string, unknown>;

function questions(elements: Element[]): Element[] {
	return elements.flatMap((e) => (e.type === 'panel' ? questions(e.elements ?? []) : [e]));
}

describe('the SurveyJS definition', () => {
	const definition = buildSurveyDefinition(defaultTexts, options) as {
		pages: { visibleIf?: string; elements: Element[] }[];
	};
	const asked = questions(definition.pages.flatMap((page) => page.elements));
	const known = new Set<string>(Object.keys(answerFields));

	it('names every question by an answer field, each once', () => {
		const names = asked.map((q) => q.name);
		expect(names.length).toBeGreaterThan(0);
		expect(names.filter((name) => !known.has(name))).toEqual([]);
		expect(new Set(names).size).toBe(names.length);
	});

	it('refers only to asked questions in its conditions and checks', () => {
		const names = new Set(asked.map((q) => q.name));
		const referenced = [...JSON.stringify(definition).matchAll(/\{(\w+)\}/g)].map(
			([, name]) => name ?? ''
		);
		expect(referenced.length).toBeGreaterThan(0);
		expect(referenced.filter((name) => !names.has(name))).toEqual([]);
	});
});
