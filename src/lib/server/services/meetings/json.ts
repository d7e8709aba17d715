/** A meeting as the API and `meetings list --json` show it. */
import type { Ctx } from '../context';
import { getMeeting, meetingItem, meetingSlides } from './read';

export async function getMeetingJson(ctx: Ctx, id: number) {
	const [detail, { slides }] = await Promise.all([getMeeting(ctx, id), meetingSlides(ctx, id)]);
	const { meeting } = detail;
	return {
		...meetingItem(meeting),
		purpose: meeting.purpose,
		agenda: meeting.agenda,
		snapshotTakenAt: detail.snapshot.takenAt.toISOString(),
		questions: detail.questions.map((q) => q.text),
		outcomes: detail.outcomes.map((o) => ({
			kind: o.kind,
			text: o.text,
			dueOn: o.dueOn,
			done: o.done,
			agreementId: o.agreementId
		})),
		slides: slides.map((s) => ({ id: s.id, kind: s.kind, title: s.title }))
	};
}
