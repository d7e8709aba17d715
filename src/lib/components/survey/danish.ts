/**
 * Corrections to SurveyJS's Danish strings: about half of them are machine-translated and some are
 * wrong ("Forpremiere" for preview, "Ingen" for No). Only strings our form can show are listed.
 */
export const danishOverrides: Record<string, string> = {
	pagePrevText: 'Tilbage',
	pageNextText: 'Næste',
	completeText: 'Indsend',
	previewText: 'Se svarene',
	editText: 'Ret',
	otherItemText: 'Andet',
	noneItemText: 'Ingen',
	requiredError: 'Besvar venligst spørgsmålet.',
	numericError: 'Skriv et tal.',
	minError: 'Værdien må ikke være mindre end {0}.',
	maxError: 'Værdien må ikke være større end {0}.',
	stepError: 'Skriv et helt tal.',
	textMaxLength: 'Skriv højst {0} tegn.',
	otherRequiredError: 'Beskriv venligst „andet“.',
	savingData: 'Indsender svarene …',
	savingDataError: 'Svarene kunne ikke indsendes.',
	savingDataSuccess: 'Svarene er indsendt.',
	saveAgainButton: 'Prøv igen',
	booleanCheckedLabel: 'Ja',
	booleanUncheckedLabel: 'Nej',
	modalCancelButtonText: 'Annullér',
	modalApplyButtonText: 'Anvend',
	cancel: 'Annullér',
	loadingPage: 'Indlæser …',
	loadingData: 'Indlæser …',
	progressbar: 'Fremskridt',
	progressText: 'Side {0} af {1}',
	completingSurvey: 'Tak for jeres svar!'
};
