/**
 * Input validation at every boundary goes through `parseInput`: a zod schema, the input, and the
 * caller's language. Failures become a ValidationError whose issues name the field and say what
 * is wrong in Danish or English.
 */
import { z } from 'zod';
import { ValidationError, type FieldIssue } from '$lib/domain/errors';
import type { Locale } from '$lib/format';
import { RegionCodeSchema } from '$lib/domain/regions';
import { m, messageByKey } from './i18n';

type RawIssue = z.core.$ZodRawIssue;

function describeOrigin(issue: { origin?: string }): 'string' | 'number' | 'array' | 'other' {
	if (issue.origin === 'string') return 'string';
	if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
		return 'number';
	if (issue.origin === 'array' || issue.origin === 'set') return 'array';
	return 'other';
}

function formatLimit(value: unknown, locale: Locale): string {
	if (typeof value === 'number' || typeof value === 'bigint') {
		return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB').format(value);
	}
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value);
}

/** A zod error map that speaks the user's language, with our own wording for the common cases. */
export function errorMapFor(locale: Locale): (issue: RawIssue) => string | undefined {
	const fallback = (locale === 'da' ? z.locales.da() : z.locales.en()).localeError;
	const o = { locale };
	return (issue) => {
		switch (issue.code) {
			case 'custom': {
				const params = (issue.params ?? {}) as Record<string, unknown>;
				const key = typeof params.i18n === 'string' ? params.i18n : undefined;
				const text = key ? messageByKey(key, params, locale) : undefined;
				if (text) return text;
				break;
			}
			case 'invalid_type':
				if (issue.input === undefined || issue.input === null || issue.input === '') {
					return m.validation_required({}, o);
				}
				if (issue.expected === 'number' || issue.expected === 'int')
					return m.validation_number({}, o);
				if (issue.expected === 'boolean') return m.validation_boolean({}, o);
				if (issue.expected === 'array') return m.validation_list({}, o);
				if (issue.expected === 'object') return m.validation_object({}, o);
				if (issue.expected === 'string') return m.validation_text({}, o);
				break;
			case 'too_small': {
				const min = formatLimit(issue.minimum, locale);
				const kind = describeOrigin(issue);
				if (kind === 'string') {
					return issue.minimum === 1
						? m.validation_required({}, o)
						: m.validation_min_length({ min }, o);
				}
				if (kind === 'number') return m.validation_min_number({ min }, o);
				if (kind === 'array') return m.validation_min_items({ min }, o);
				break;
			}
			case 'too_big': {
				const max = formatLimit(issue.maximum, locale);
				const kind = describeOrigin(issue);
				if (kind === 'string') return m.validation_max_length({ max }, o);
				if (kind === 'number') return m.validation_max_number({ max }, o);
				if (kind === 'array') return m.validation_max_items({ max }, o);
				break;
			}
			case 'invalid_format':
				if (issue.format === 'email') return m.validation_email({}, o);
				if (issue.format === 'url') return m.validation_url({}, o);
				if (issue.format === 'date') return m.validation_date({}, o);
				return m.validation_format({}, o);
			case 'invalid_value':
				return m.validation_one_of(
					{ options: issue.values.map((value) => String(value)).join(', ') },
					o
				);
			case 'unrecognized_keys':
				return m.validation_unknown_keys({ keys: issue.keys.join(', ') }, o);
			case 'not_multiple_of':
				if (issue.divisor === 1) return m.validation_integer({}, o);
				break;
		}
		return fallback(issue as never)?.toString();
	};
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
	return error.issues.map((issue) => ({
		path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
		message: issue.message
	}));
}

/**
 * Parses input with a schema or throws a ValidationError in the caller's language.
 *
 * @example const body = parseInput(CreateUserSchema, await request.json(), locale);
 */
export function parseInput<S extends z.ZodType>(
	schema: S,
	input: unknown,
	locale: Locale
): z.output<S> {
	const result = schema.safeParse(input, { error: errorMapFor(locale) });
	if (!result.success) {
		throw new ValidationError(m.validation_failed({}, { locale }), toFieldIssues(result.error));
	}
	return result.data;
}

/** `parseInput` for async schemas (refinements that query the database). */
export async function parseInputAsync<S extends z.ZodType>(
	schema: S,
	input: unknown,
	locale: Locale
): Promise<z.output<S>> {
	const result = await schema.safeParseAsync(input, { error: errorMapFor(locale) });
	if (!result.success) {
		throw new ValidationError(m.validation_failed({}, { locale }), toFieldIssues(result.error));
	}
	return result.data;
}

/** A year between 2000 and 2100, with a message that does not print it as "2.000". */
export const yearSchema = z
	.number()
	.int()
	.refine((value) => value >= 2000 && value <= 2100, { params: { i18n: 'validation_year' } });

/** A region code from a route or query, or a ValidationError naming `region`. */
export function regionOrThrow(ctx: { locale: Locale }, regionCode: string): string {
	return parseInput(z.object({ region: RegionCodeSchema }), { region: regionCode }, ctx.locale)
		.region;
}
