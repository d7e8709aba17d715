// SurveyJS's locale modules register themselves on import and ship no typings.
declare module 'survey-core/i18n/*';

// exceljs's cell helpers, used where its streaming reader leaves a formula's date result a number.
declare module 'exceljs/lib/utils/utils.js' {
	const utils: {
		isDateFmt(format: string | undefined): boolean;
		excelToDate(serial: number, date1904?: boolean): Date;
	};
	export default utils;
}
