import type { PageServerLoad } from './$types';
import { deckChartOption } from '$lib/domain/charts/deck-chart';
import { formatNumber } from '$lib/format';
import { renderSvg } from '$lib/server/charts/render';
import { runLoad } from '$lib/server/http';
import { meetingSlides } from '$lib/server/services/meeting-deck';

export const load: PageServerLoad = async ({ locals, params }) =>
	runLoad(async () => {
		const { meeting, slides, snapshot } = await meetingSlides(locals.ctx, Number(params.id));
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
	});
