#!/usr/bin/env node
// Checks that every locale has exactly the keys of the Danish source file, with the same
// {placeholders}, and that no message is empty. A message with plural variants is a list of
// { declarations, selectors, match }; its placeholders are its inputs and those of every variant.
// Exits 1 with the list of problems.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../messages/', import.meta.url).pathname;
const source = 'da';

/**
 * @typedef {{ declarations?: string[], selectors?: string[], match: Record<string, string> }} Variants
 * @param {string} locale
 * @returns {Record<string, string | Variants[]>}
 */
const load = (locale) => {
	const messages = JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8'));
	delete messages.$schema;
	return messages;
};

/** The texts a message can say: itself, or each of its variants. @param {unknown} message */
const texts = (message) => {
	if (typeof message === 'string') return [message];
	if (!Array.isArray(message)) return [];
	return message.flatMap((v) => Object.values(v?.match ?? {})).filter((t) => typeof t === 'string');
};

/** @param {unknown} message */
const placeholders = (message) => {
	const names = new Set(
		texts(message).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
	);
	if (Array.isArray(message)) {
		for (const line of message.flatMap((v) => v?.declarations ?? [])) {
			const input = /^input (\w+)$/.exec(line);
			if (input) names.add(input[1]);
		}
	}
	return [...names].sort().join(',');
};

const base = load(source);
/** @type {string[]} */
const problems = [];
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
	const locale = file.replace(/\.json$/, '');
	const messages = load(locale);
	for (const [key, message] of Object.entries(messages)) {
		const said = texts(message);
		if (said.length === 0 || said.some((text) => text.trim() === ''))
			problems.push(`${locale}: "${key}" is empty`);
		// Paraglide copies messages into JSDoc comments, where "@" starts a tag and breaks the file.
		else if (said.some((text) => text.includes('@')))
			problems.push(`${locale}: "${key}" contains "@"; use a {placeholder}`);
	}
	if (locale === source) continue;
	for (const [key, text] of Object.entries(base)) {
		const translated = messages[key];
		if (translated === undefined) problems.push(`${locale}: missing "${key}"`);
		else if (placeholders(text) !== placeholders(translated)) {
			problems.push(
				`${locale}: "${key}" has placeholders {${placeholders(translated)}}, ${source} has {${placeholders(text)}}`
			);
		}
	}
	for (const key of Object.keys(messages)) {
		if (!(key in base)) problems.push(`${locale}: "${key}" is not in ${source}.json`);
	}
}
if (problems.length > 0) {
	console.error(`Message check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(`Messages OK: ${Object.keys(base).length} keys in every locale.`);
