/**
 * Turns the curated reference file `clusters-2021-2024.json` (and what is known of 2025–2028)
 * into Klyngeradar's cluster model. The file was written by researchers for people: figures come
 * with notes ("about 40 staff in 2020"), uncertain facts as prose ("probably …"), and unknowns as
 * "not verified". The rules here are explicit so the seed can be checked and tested.
 */
import { z } from 'zod';
import type { Metric, Qualifier, Unit } from './types';

const RawOfficeSchema = z.object({ label: z.string(), municipalityCode: z.string().nullable() });

export const RawClusterSchema = z.looseObject({
	id: z.string().regex(/^[a-z0-9-]+$/),
	officialName: z.string(),
	shortName: z.string(),
	area: z.string(),
	emerging: z.union([z.boolean(), z.string()]),
	emergingNote: z.string().optional(),
	status2024: z.string(),
	hqCity: z.string().optional(),
	hqNote: z.string().optional(),
	website: z.string().optional(),
	offices: z.array(RawOfficeSchema),
	northJutlandPresence: z.string().optional(),
	formed: z.string().optional(),
	focus: z.string().optional(),
	figures: z.record(z.string(), z.unknown()),
	funding: z.record(z.string(), z.unknown()).optional(),
	chairType: z.string().nullable().optional(),
	boardSize: z.number().nullable().optional(),
	boardNote: z.string().optional(),
	source: z.string(),
	sources: z.array(z.string())
});
export type RawCluster = z.infer<typeof RawClusterSchema>;

export const RawClustersFileSchema = z.object({
	_meta: z.looseObject({ designationSource: z.string() }),
	clusters: z.array(RawClusterSchema)
});

export interface SeedFigure {
	metric: Metric;
	year: number | null;
	value: number;
	unit: Unit;
	qualifier: Qualifier;
	note: string | null;
}

export interface SeedOffice {
	label: string;
	municipalityCode: string | null;
	isHq: boolean;
	fromYear: number | null;
}

export interface SeedCluster {
	slug: string;
	name: string;
	shortName: string;
	area: string;
	emerging: boolean | null;
	emergingUncertain: boolean;
	emergingNote: string | null;
	status: 'active' | 'closed';
	closedYear: number | null;
	statusNote: string | null;
	website: string | null;
	formed: string | null;
	focus: string | null;
	notes: string | null;
	sources: string[];
	offices: SeedOffice[];
	figures: SeedFigure[];
}

const notVerified = /not verified|not found/i;

/** The first four-digit year 2000–2099 in a text, or null. */
export function yearIn(text: string | undefined | null): number | null {
	const match = text ? /\b(20\d\d)\b/.exec(text) : null;
	return match ? Number(match[1]) : null;
}

function qualifierOf(note: string | undefined): Qualifier {
	if (!note) return 'exact';
	if (/\b(about|approximately|ca\.?|around)\b/i.test(note)) return 'approx';
	if (/\b(more than|over|at least)\b/i.test(note)) return 'at-least';
	return 'exact';
}

/** "250+" → 250 at least; 400 → 400; anything else → null. */
function numberOf(value: unknown): { value: number; qualifier?: Qualifier } | null {
	if (typeof value === 'number' && Number.isFinite(value)) return { value };
	if (typeof value === 'string') {
		const match = /^(\d[\d,.]*)\s*\+$/.exec(value.trim());
		if (match?.[1]) return { value: Number(match[1].replace(/[,.]/g, '')), qualifier: 'at-least' };
	}
	return null;
}

function emergingOf(
	raw: RawCluster
): Pick<SeedCluster, 'emerging' | 'emergingUncertain' | 'emergingNote'> {
	if (typeof raw.emerging === 'boolean') {
		return {
			emerging: raw.emerging,
			emergingUncertain: false,
			emergingNote: raw.emergingNote ?? null
		};
	}
	// "probably (…)" / "likely (…)": the sources suggest it without saying so.
	if (/^(probably|likely)\b/i.test(raw.emerging)) {
		return { emerging: true, emergingUncertain: true, emergingNote: raw.emerging };
	}
	return { emerging: null, emergingUncertain: true, emergingNote: raw.emerging };
}

function statusOf(raw: RawCluster): Pick<SeedCluster, 'status' | 'closedYear' | 'statusNote'> {
	if (/^closed/i.test(raw.status2024)) {
		return {
			status: 'closed',
			closedYear: yearIn(raw.status2024),
			statusNote: raw.status2024.replace(/^closed\s*-\s*/i, '')
		};
	}
	return { status: 'active', closedYear: null, statusNote: null };
}

function websiteOf(raw: RawCluster): { website: string | null; note: string | null } {
	if (!raw.website || (notVerified.test(raw.website) && !/^https?:/.test(raw.website)))
		return { website: null, note: null };
	const url = /^(https?:\/\/\S+)/.exec(raw.website)?.[1] ?? null;
	const rest = url ? raw.website.slice(url.length).trim() : raw.website;
	return { website: url, note: rest ? `Website ${rest}` : null };
}

function municipalityByCity(city: string, names: Map<string, string>): string | null {
	const first = city.split(/[\s,(/]/)[0]?.trim() ?? '';
	const aliases: Record<string, string> = { Copenhagen: 'København' };
	return names.get((aliases[first] ?? first).toLowerCase()) ?? null;
}

function officesOf(
	raw: RawCluster,
	municipalityNames: Map<string, string>
): { offices: SeedOffice[]; notes: string[] } {
	const notes: string[] = [];
	const offices: SeedOffice[] = [];
	for (const office of raw.offices) {
		if (office.municipalityCode === null && /not verified|in total/i.test(office.label)) {
			if (!notVerified.test(office.label)) notes.push(`Kontorer: ${office.label}`);
			continue;
		}
		offices.push({
			label: office.label,
			municipalityCode: office.municipalityCode,
			isHq: /\bHQ\b/.test(office.label),
			fromYear: /\bfrom\b|\(\s*20\d\d\s*\)/i.test(office.label) ? yearIn(office.label) : null
		});
	}
	const hqCity = raw.hqCity;
	if (!offices.some((office) => office.isHq) && hqCity && !notVerified.test(hqCity)) {
		const city = hqCity.split(/[\s(/]/)[0] ?? '';
		const match = offices.find((office) => office.label.split(/[\s(]/)[0] === city);
		if (match) match.isHq = true;
		else if (!hqCity.includes('/')) {
			const code = municipalityByCity(hqCity, municipalityNames);
			if (code)
				offices.unshift({
					label: `${city} (HQ)`,
					municipalityCode: code,
					isHq: true,
					fromYear: null
				});
		}
	}
	if (raw.hqNote) notes.push(`Hovedsæde: ${raw.hqNote}`);
	return { offices, notes };
}

function figure(
	metric: Metric,
	year: number | null,
	value: number,
	unit: Unit,
	note: string | null,
	qualifier: Qualifier = 'exact'
): SeedFigure {
	return { metric, year, value, unit, qualifier, note };
}

function figuresOf(raw: RawCluster): { figures: SeedFigure[]; notes: string[] } {
	const figures: SeedFigure[] = [];
	const notes: string[] = [];
	const f = raw.figures;
	const counted: [string, Metric][] = [
		['employees', 'employees'],
		['members', 'members']
	];
	for (const [key, metric] of counted) {
		const parsed = numberOf(f[key]);
		if (!parsed) continue;
		const note = typeof f[`${key}Note`] === 'string' ? (f[`${key}Note`] as string) : null;
		figures.push(
			figure(
				metric,
				yearIn(note),
				parsed.value,
				'count',
				note,
				parsed.qualifier ?? qualifierOf(note ?? undefined)
			)
		);
	}
	const portfolio = numberOf(f.projectPortfolioDKK);
	if (portfolio) figures.push(figure('project_portfolio', null, portfolio.value, 'dkk', null));
	if (typeof f.eventParticipants2023 === 'string') {
		const match = /([\d,.]+)/.exec(f.eventParticipants2023);
		if (match?.[1]) {
			figures.push(
				figure(
					'participants',
					2023,
					Number(match[1].replace(/[,.]/g, '')),
					'count',
					`Deltagere i arrangementer 2023: ${f.eventParticipants2023}`,
					qualifierOf(f.eventParticipants2023)
				)
			);
		}
	}
	if (typeof raw.boardSize === 'number') {
		figures.push(
			figure('board_size', yearIn(raw.boardNote), raw.boardSize, 'count', raw.boardNote ?? null)
		);
	}
	if (raw.chairType && !notVerified.test(raw.chairType)) {
		if (/^industry( \(|$)/i.test(raw.chairType)) {
			figures.push(
				figure('chair_from_business', null, 1, 'boolean', `Forperson: ${raw.chairType}`)
			);
		} else {
			notes.push(`Forperson: ${raw.chairType}`);
		}
	}
	const funding = raw.funding ?? {};
	for (const [key, value] of Object.entries(funding)) {
		if (key.endsWith('Note') || key === 'note') continue;
		const amount = numberOf(value);
		const note =
			typeof funding[`${key}Note`] === 'string' ? (funding[`${key}Note`] as string) : null;
		if (!amount) {
			notes.push(`Finansiering: ${String(value)}`);
			continue;
		}
		const period = /(\d{4})_(\d{4})/.exec(key);
		const label = period ? `${key.replace(/\d{4}_\d{4}DKK$/, '')} ${period[1]}–${period[2]}` : key;
		figures.push(
			figure(
				'funding_public_grant',
				period ? Number(period[1]) : yearIn(note),
				amount.value,
				'dkk',
				[label, note].filter(Boolean).join(': ')
			)
		);
	}
	if (typeof funding.note === 'string') notes.push(`Finansiering: ${funding.note}`);
	for (const [key, value] of Object.entries(f)) {
		if (
			[
				'employees',
				'employeesNote',
				'members',
				'membersNote',
				'projectPortfolioDKK',
				'eventParticipants2023',
				'participatingCompanies',
				'budget'
			].includes(key)
		)
			continue;
		if (value === null || key.endsWith('Note')) continue;
		if (key === 'annualGrantDKK' || key === 'startupSupportDKK') {
			const amount = numberOf(value);
			const note =
				typeof f[`${key.replace(/DKK$/, '')}Note`] === 'string'
					? (f[`${key.replace(/DKK$/, '')}Note`] as string)
					: null;
			if (amount) {
				const metric: Metric = key === 'annualGrantDKK' ? 'funding_public_grant' : 'funding_other';
				figures.push(figure(metric, yearIn(note), amount.value, 'dkk', note));
				continue;
			}
		}
		const note = typeof f[`${key}Note`] === 'string' ? ` (${f[`${key}Note`] as string})` : '';
		notes.push(`${key}: ${String(value)}${note}`);
	}
	return { figures, notes };
}

/** Maps one raw reference cluster to the seed model. */
export function seedClusterFromReference(
	raw: RawCluster,
	municipalityNames: Map<string, string>
): SeedCluster {
	const { offices, notes: officeNotes } = officesOf(raw, municipalityNames);
	const { figures, notes: figureNotes } = figuresOf(raw);
	const { website, note: websiteNote } = websiteOf(raw);
	const presence =
		raw.northJutlandPresence && !notVerified.test(raw.northJutlandPresence)
			? [`Nordjylland: ${raw.northJutlandPresence}`]
			: [];
	const extra = Object.entries(raw)
		.filter(([key]) => ['partners', 'labels', 'other', 'designationEvidence'].includes(key))
		.map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
	const notes = [
		...presence,
		...officeNotes,
		...figureNotes,
		...extra,
		...(websiteNote ? [websiteNote] : [])
	];
	return {
		slug: raw.id,
		name: raw.officialName,
		shortName: raw.shortName,
		area: raw.area,
		...emergingOf(raw),
		...statusOf(raw),
		website,
		formed: raw.formed ?? null,
		focus: raw.focus ?? null,
		notes: notes.length > 0 ? notes.join('\n') : null,
		sources: [...new Set([raw.source, ...raw.sources])],
		offices,
		figures
	};
}
