/**
 * The Human Trafficking Case Data Standard fields that lawgap accepts into its case statistics store, and the
 * ones it refuses. Field names, types and picklist values are those of HTCDS v2.0 by IOM
 * (https://github.com/UNMigration/HTCDS), licensed under CC BY 4.0 (http://creativecommons.org/licenses/by/4.0/);
 * this is our own module implementing that standard, and IOM does not endorse it.
 *
 * Policy: only the analytic, categorical fields of the standard are accepted (gender, trafficking status, type of
 * exploitation, methods of control, age when trafficked, the referral date for its year…). Every other field of
 * the standard is REJECTED: names, contact details, addresses, birthdate, identity numbers, lookups to people and
 * organisations, long text and narrative, and the remaining quasi-identifiers. A file may carry a rejected column
 * (the standard's spreadsheet template has them all) only if every cell in it is empty; one non-empty cell refuses
 * the whole file, naming the column and never echoing the value. A column outside the standard is refused too,
 * except `ext_PersonRef`, our one extension: a pseudonymous person reference from the organisation's own case
 * system, used only to bound each person's contributions and stored only as a keyed hash.
 */

/** The HTCDS field types of the fields we accept. */
export type HtcdsFieldType = 'Picklist' | 'Multiselect Picklist' | 'Number' | 'Date' | 'Text';

/** One accepted field: its HTCDS name and type, and its picklist values when it has them. */
export interface HtcdsField {
  name: string;
  type: HtcdsFieldType;
  values?: readonly string[];
  /** The standard says "Use ISO 3166 country codes": values are ISO 3166-1 alpha-2 codes. */
  iso3166?: true;
}

/** Why a field of the standard is refused. */
export type RejectReason = 'direct identifier' | 'free text' | 'not accepted for statistics';

/** The column naming a person pseudonymously (our extension, not part of HTCDS). */
export const personRefColumn = 'ext_PersonRef';

/** The HTCDS fields accepted into the statistics store. */
export const acceptedFields: readonly HtcdsField[] = [
  {
    name: 'prs_Gender',
    type: 'Picklist',
    values: [
      'Feminine',
      'Masculine',
      'TransgenderFeminine',
      'TransgenderMasculine',
      'NonConforming',
      'NonSpecifiedUnknown',
    ],
  },
  {
    name: 'vic_TraffickingStatus',
    type: 'Picklist',
    values: ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'],
  },
  {
    name: 'vic_TraffickingStatusDecisionMakingOrg',
    type: 'Picklist',
    values: ['Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'],
  },
  {
    name: 'vic_RelationshipToTrafficker',
    type: 'Picklist',
    // "Unaquainted" is spelt as in the standard.
    values: ['Familial', 'Acquainted', 'Unaquainted'],
  },
  { name: 'vic_AgeWhenTrafficked', type: 'Number' },
  {
    name: 'vic_MethodOfRecruitment',
    type: 'Multiselect Picklist',
    values: [
      'AtAPlaceOfBusiness',
      'AtAnEducationalInstitution',
      'AtWork',
      'ThroughOnlineSocialNetworks',
      'ThroughAnOnlineAdvertisement',
      'ThroughATelevisionAdvert',
      'ThroughANewspaperAdvert',
      'ThroughFamilyOrFamilyEvents',
      'ThroughFriendsOrSocialEvents',
      'Other',
    ],
  },
  {
    name: 'vic_MethodsOfControl',
    type: 'Multiselect Picklist',
    values: [
      'PhysicalThreats',
      'ThreatsLawEnforcement',
      'ThreatensChildrenFamily',
      'DebtBondage',
      'FalsePromises',
      'PhysicalAbuse',
      'SexualAbuse',
      'TakesEarnings',
      'RestrictsFinancialAccess',
      'RestrictsMedicalCare',
      'WithholdsNecessities',
      'PsychologicalAbuse',
      'PsychoactiveSubstance',
      'ExcessiveWorkingHours',
      'WithholdsDocuments',
      'Other',
    ],
  },
  {
    name: 'vic_TypeOfExploitation',
    type: 'Multiselect Picklist',
    values: [
      'ForcedLabour',
      'SexualExploitation',
      'ChildLabour',
      'ForcedMarriage',
      'Servitude',
      'ForcedMilitaryByNonStateActors',
      'OrganRemoval',
      'ForcedBegging',
      'ForcedAdoption',
      'Surrogacy',
      'Other',
    ],
  },
  {
    name: 'vic_ForcedLabourIndustry',
    type: 'Picklist',
    values: [
      'A_AgricultureForestryAndFishing',
      'B_MiningAndQuarrying',
      'C_Manufacturing',
      'D_ElectricityGasSteamAndAirConditioningSupply',
      'E_WaterSupplySewerageWasteManagement',
      'F_Construction',
      'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
      'H_TransportationAndStorage',
      'I_AccommodationAndFoodServiceActivities',
      'J_InformationAndCommunication',
      'K_FinancialAndInsuranceActivities',
      'L_RealEstateActivities',
      'M_ProfessionalScientificAndTechnicalActivities',
      'N_AdministrativeAndSupportServiceActivities',
      'O_PublicAdministrationAndDefence',
      'P_Education',
      'Q_HumanHealthAndSocialWorkActivities',
      'R_ArtsEntertainmentAndRecreation',
      'S_OtherServiceActivities',
      'T_ActivitiesOfHouseholdsAsEmployers',
      'U_ActivitiesOfExtraterritorialOrganizations',
    ],
  },
  {
    name: 'vic_TypeOfSexExploitation',
    type: 'Multiselect Picklist',
    values: ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'],
  },
  { name: 'cas_Status', type: 'Picklist', values: ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] },
  { name: 'cas_IncomingReferralDate', type: 'Date' },
  {
    name: 'cas_ReasonForIncomingReferral',
    type: 'Picklist',
    values: ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'],
  },
  // The country fields: ISO 3166-1 alpha-2 codes, validated against the built-in list. Published only broken
  // down into countries the releaser names (the rest is `Other`), so a category never comes from the data.
  { name: 'prs_Citizenship', type: 'Multiselect Picklist', iso3166: true },
  { name: 'hte_Country', type: 'Text', iso3166: true },
];

const directIdentifiers = [
  'org_Name',
  'org_ShippingCity',
  'org_ShippingCountry',
  'org_ShippingState',
  'org_ShippingStreet',
  'org_ShippingPostalCode',
  'org_ShippingLongitude',
  'org_ShippingLatitude',
  'org_Phone',
  'prs_Salutation',
  'prs_FirstName',
  'prs_MiddleName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_IdentityNumber',
  'prs_Title',
  'prs_Email',
  'prs_HomePhone',
  'prs_MobilePhone',
  'prs_MailingCity',
  'prs_MailingCountry',
  'prs_MailingState',
  'prs_MailingStreet',
  'prs_MailingPostalCode',
  'prs_MailingLongitude',
  'prs_MailingLatitude',
  'vic_LocationOfRecruitment',
  'vic_LocationOfExploitation',
  'cas_CaseOwner',
  'cas_ReferringOrganisation',
  'cas_ReferringPrimaryCaseWorker',
  'cas_ReferredOrganisation',
  'cas_ReferredPrimaryCaseWorker',
  'hte_Longitude',
  'hte_Latitude',
  'hte_City',
  'hte_State',
  'hte_Street',
  'hte_PostalCode',
];

const freeText = [
  'vic_DetailsOfVulnerabilities',
  'per_RoleDetails',
  'cas_ReasonForCaseClosure',
  'cas_IncomingReferralDetails',
  'cas_OutgoingReferralDetails',
  'cco_CaseComment',
  'hte_Description',
  'spl_Objectives',
  'spl_ActionPlan',
];

const notAccepted = [
  'org_Type',
  'prs_Deceased',
  'prs_MaritalStatus',
  'prs_NumberOfChildren',
  'prs_PrimaryLanguage',
  'prs_SecondaryLanguage',
  'prs_HighestLevelOfEducation',
  'vic_AgreementToManagePersonalData',
  'vic_RecruitmentWebsitesAndApps',
  'vic_ExploitationWebsitesAndApps',
  'vic_Vulnerabilities',
  'per_RoleInProcess',
  'cas_ReasonForOutgoingReferral',
  'cas_OutgoingReferralDate',
  'hte_Date',
  'hte_Type',
  'spl_PlannedEndDate',
  'spl_ActualEndDate',
  'spl_Type',
  'con_Consent',
];

/** Every refused field of the standard and why; a non-empty cell in any of them refuses the file. */
export const rejectedFields: ReadonlyMap<string, RejectReason> = new Map<string, RejectReason>([
  ...directIdentifiers.map((name) => [name, 'direct identifier'] as const),
  ...freeText.map((name) => [name, 'free text'] as const),
  ...notAccepted.map((name) => [name, 'not accepted for statistics'] as const),
]);

/** The accepted field of that name, or undefined. */
export function acceptedField(name: string): HtcdsField | undefined {
  return acceptedFields.find((f) => f.name === name);
}
