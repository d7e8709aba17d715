export {
	addMember,
	changeOrganisation,
	createOrganisation,
	CreateOrganisationSchema,
	listOrganisations,
	OrganisationCodeSchema,
	ownOrganisation,
	removeMember,
	updateOwnSettings,
	OwnSettingsSchema,
	type OwnSettingsInput,
	UpdateOrganisationSchema,
	type CreateOrganisationInput,
	type MemberInput,
	type OrganisationView,
	type UpdateOrganisationInput
} from './organisations';
