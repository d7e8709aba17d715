/**
 * A stable code for something new named by its Danish title (an effort, a collaboration model):
 * `grøn omstilling` → `groen-omstilling`, with `-2`, `-3` … when the code is taken.
 */
export function codeFromTitle(title: string, taken: string[], fallback = 'indsats'): string {
	const base =
		title
			.toLowerCase()
			.replace(/æ/g, 'ae')
			.replace(/ø/g, 'oe')
			.replace(/å/g, 'aa')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 50) || fallback;
	let code = base;
	for (let n = 2; taken.includes(code); n++) code = `${base}-${n}`;
	return code;
}
