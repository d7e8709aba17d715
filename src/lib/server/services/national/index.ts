export {
	getNationalMatrix,
	nationalCoverage,
	nationalMap,
	roundPublication,
	setRoundPublished,
	type CoverageRow,
	type NationalCoverage,
	type RoundPublication
} from './national';
