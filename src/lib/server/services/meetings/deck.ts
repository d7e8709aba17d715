/**
 * A meeting's deck, always from its snapshot: the slide model (for the printable HTML deck and
 * the tests), the .pptx, and the PDF through LibreOffice when it is installed.
 */
import { readFileSync } from 'node:fs';
import { compareSnapshots } from '$lib/domain/meetings/snapshot';
import { UnavailableError } from '$lib/domain/errors';
import { deckChartOption } from '$lib/domain/charts/deck-chart';
import { formatNumber } from '$lib/format';
import { renderSvg } from '../../charts/render';
import { getConfig } from '../../config';
import { m } from '../../i18n';
import { writePptx } from '../../pptx/deck';
import { findSoffice, pptxToPdf } from '../../pptx/pdf';
import { requireRole } from '../access';
import type { Ctx } from '../context';
import { takeSnapshot } from './snapshot';
import { meetingOrThrow, meetingSlides, sayIn, snapshotOf } from './read';
import type { MeetingListRow } from '../../db/queries/meetings/meetings';

export const deckFormats = ['pptx', 'pdf'] as const;
export type DeckFormat = (typeof deckFormats)[number];

const MEDIA_TYPES: Record<DeckFormat, string> = {
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	pdf: 'application/pdf'
};

function logoDataUrl(): string | null {
	const file = getConfig().deck.logoFile;
	return file ? `data:image/png;base64,${readFileSync(file).toString('base64')}` : null;
}

/** The deck as printable HTML: the slides, and each chart as the SVG the pages would draw. */
export async function meetingPrintable(ctx: Ctx, id: number) {
	const { meeting, slides, snapshot } = await meetingSlides(ctx, id);
	const charts: Record<string, string> = {};
	for (const slide of slides) {
		if (slide.kind !== 'chart') continue;
		charts[slide.id] = await renderSvg(
			deckChartOption(slide.chart, (v) => formatNumber(v, meeting.locale)),
			{ width: 1000, height: 400 }
		);
	}
	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			locale: meeting.locale,
			isDemo: meeting.isDemo
		},
		organisation: snapshot.organisation,
		slides,
		charts
	};
}

/** A file name like `bestyrelse-2026-12-10-nordjylland.pptx`. */
function filename(meeting: MeetingListRow, format: DeckFormat): string {
	const audience = m[
		meeting.audience === 'board' ? 'meeting_file_board' : 'meeting_file_management'
	]({}, { locale: meeting.locale });
	const region = meeting.regionName
		.toLowerCase()
		.normalize('NFKD')
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${audience}-${meeting.heldOn}-${region}.${format}`;
}

export async function meetingDeck(
	ctx: Ctx,
	id: number,
	format: DeckFormat
): Promise<{ filename: string; mediaType: string; body: Buffer }> {
	const { meeting, slides, snapshot } = await meetingSlides(ctx, id);
	const soffice =
		format === 'pdf' ? findSoffice(getConfig().tools.soffice, getConfig().tools.searchPath) : null;
	if (format === 'pdf' && !soffice)
		throw new UnavailableError(m.meeting_pdf_unavailable({}, { locale: ctx.locale }));
	const pptx = await writePptx(slides, {
		organisation: snapshot.organisation,
		logoDataUrl: logoDataUrl(),
		demoLabel: meeting.isDemo ? sayIn(meeting.locale)('deck_demo_label') : null,
		title: meeting.title,
		locale: meeting.locale
	});
	const body = soffice ? await pptxToPdf(soffice, pptx) : pptx;
	return { filename: filename(meeting, format), mediaType: MEDIA_TYPES[format], body };
}

/** Whether PDFs can be made here; the page offers the printable deck when not. */
export function pdfAvailable(): boolean {
	return findSoffice(getConfig().tools.soffice, getConfig().tools.searchPath) !== null;
}

/**
 * What changed between the meeting's snapshot and today's data (`against` = null), or the
 * snapshot of another meeting (typically the previous board meeting).
 */
export async function compareMeeting(
	ctx: Ctx,
	id: number,
	against: number | null,
	now = new Date()
) {
	requireRole(ctx, 'viewer');
	const meeting = await meetingOrThrow(ctx, id);
	const { data: mine } = await snapshotOf(ctx, id);
	if (against === null) {
		const today = await takeSnapshot(ctx, meeting.regionCode, meeting.roundId, meeting.locale, now);
		return {
			meeting,
			other: null,
			...compareSnapshots(mine, today),
			beforeAt: mine.takenAt,
			afterAt: today.takenAt
		};
	}
	const other = await meetingOrThrow(ctx, against);
	const { data: theirs } = await snapshotOf(ctx, against);
	// The older snapshot is "before", whichever meeting was asked for first.
	const [before, after] = theirs.takenAt <= mine.takenAt ? [theirs, mine] : [mine, theirs];
	return {
		meeting,
		other,
		...compareSnapshots(before, after),
		beforeAt: before.takenAt,
		afterAt: after.takenAt
	};
}
