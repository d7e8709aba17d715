/** The title slide and the purpose; at the end, the dialogue and the decisions asked for. */
import type { DeckBuilder } from './model';

export function opening(b: DeckBuilder): void {
	const { meeting, say } = b;
	b.add({
		kind: 'title',
		id: 'title',
		title: meeting.title,
		subtitle: say(
			meeting.audience === 'board' ? 'deck_subtitle_board' : 'deck_subtitle_management',
			{
				// The organisation, and the region when the organisation is not simply the region.
				organisation:
					b.s.organisation === b.s.region.name
						? b.s.region.name
						: `${b.s.organisation} · ${b.s.region.name}`
			}
		),
		date: b.date(meeting.heldOn),
		demo: meeting.isDemo || b.s.survey?.round.isDemo ? say('deck_demo_label') : null
	});
	b.add({
		kind: 'bullets',
		id: 'agenda',
		title: say('deck_agenda'),
		bullets: [
			...meeting.agenda,
			...(meeting.purpose ? [say('deck_purpose', { purpose: meeting.purpose })] : [])
		],
		footer: null,
		notes: say('deck_agenda_notes', { date: b.date(b.s.takenAt) })
	});
}

export function dialogue(b: DeckBuilder): void {
	const { s, say, meeting } = b;
	b.add({
		kind: 'bullets',
		id: 'questions',
		title: say('deck_questions_title'),
		bullets: meeting.questions.length ? meeting.questions : [say('deck_questions_none')],
		footer: null,
		notes: say('deck_questions_notes')
	});
	const proposals = (s.recommendations?.rows ?? [])
		.filter((r) => r.top && !r.decision)
		.slice(0, b.board ? 3 : 5)
		.map((r) => say('deck_decision_line', { model: r.top?.name ?? '', cluster: r.name }));
	b.add({
		kind: 'bullets',
		id: 'decisions',
		title: say('deck_decisions_title'),
		bullets: proposals.length ? proposals : [say('deck_decisions_none')],
		footer: s.recommendations ? b.derivedFooter() : null,
		notes: say('deck_decisions_notes')
	});
}
