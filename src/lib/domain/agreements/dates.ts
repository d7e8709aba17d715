/**
 * Calendar dates as ISO strings (`2027-03-31`): what agreements and KPIs are dated in. Arithmetic
 * runs in UTC so a date never shifts with the server's time zone.
 */
import { z } from 'zod';

export type IsoDate = string;

export const IsoDateSchema = z.iso.date();

export function toDate(iso: IsoDate): Date {
	return new Date(`${iso}T00:00:00Z`);
}

export function isoOf(date: Date): IsoDate {
	return date.toISOString().slice(0, 10);
}

/** The same day `months` later; the 31st becomes the month's last day when it has fewer. */
export function addMonths(iso: IsoDate, months: number): IsoDate {
	const d = toDate(iso);
	const day = d.getUTCDate();
	const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
	const last = new Date(
		Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
	).getUTCDate();
	target.setUTCDate(Math.min(day, last));
	return isoOf(target);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
	const d = toDate(iso);
	d.setUTCDate(d.getUTCDate() + days);
	return isoOf(d);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}
