export {
	addMember,
	changeOrganisation,
	createOrganisation,
	CreateOrganisationSchema,
	listOrganisations,
	OrganisationCodeSchema,
	removeMember,
	UpdateOrganisationSchema,
	type CreateOrganisationInput,
	type MemberInput,
	type OrganisationView,
	type UpdateOrganisationInput
} from './organisations';
