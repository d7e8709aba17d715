/** Rounds and interview quotes as lists show them. */

export interface QuoteListRow {
	id: number;
	interviewId: number;
	text: string;
	questionKey: string | null;
	clusterSlug: string | null;
	clusterName: string | null;
	heldOn: string;
	roundId: number;
	roundTitle: string;
	isDemo: boolean;
}

export interface RoundListRow {
	id: number;
	regionCode: string;
	regionName: string;
	year: number;
	title: string;
	status: 'open' | 'closed';
	isDemo: boolean;
	invited: number;
	completed: number;
	partial: number;
	createdAt: Date;
}
