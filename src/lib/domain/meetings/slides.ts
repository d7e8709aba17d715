/**
 * The slide model: a meeting's snapshot turned into a list of typed slides, following the source
 * document's own deck (title and purpose, the landscape, business models, the survey findings,
 * fit and recommended collaboration models, agreements, dialogue). Pure: the PowerPoint writer,
 * the printable HTML deck and the golden tests all read this list.
 *
 * The board gets the short deck (about a dozen slides), management the full one.
 */
import type { DeckSnapshot } from './snapshot';
import { agreements } from './slides/agreements';
import { fitAndModels } from './slides/fit';
import { businessModels, landscape } from './slides/landscape';
import { DeckBuilder, type DeckMeeting, type Say, type Slide } from './slides/model';
import { dialogue, opening } from './slides/opening';
import { survey } from './slides/survey';

export {
	audiences,
	type Audience,
	type DeckChart,
	type DeckMeeting,
	type Say,
	type Slide,
	type TableCell,
	type Tone
} from './slides/model';

export function buildSlides(snapshot: DeckSnapshot, meeting: DeckMeeting, say: Say): Slide[] {
	const b = new DeckBuilder(snapshot, meeting, say);
	opening(b);
	landscape(b);
	businessModels(b);
	survey(b);
	fitAndModels(b);
	agreements(b);
	dialogue(b);
	return b.slides;
}
