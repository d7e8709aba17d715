// SurveyJS's locale modules register themselves on import and ship no typings.
declare module 'survey-core/i18n/*';
