/**
 * The cockpit user settings. No org means no real user, so the server acts as one of these users, chosen with
 * `npm start -- --user <key>`, and the Apex adapter checks the same permissions that the Apex classes check.
 */

/** A cockpit user: what the permission sets of the package would grant in an org. */
export interface CockpitUser {
  key: string;
  /** Shown in the page header and the terminal. */
  label: string;
  name: string;
  /** Synthetic User Id, the value of `@salesforce/user/Id`. */
  id: string;
  /** Package permission sets the user stands for. */
  permissionSets: string[];
  /** Custom permissions, by API name (FeatureManagement.checkPermission). */
  customPermissions: string[];
  /** Read access to HealthSnapshot__c, HealthContribution__c and Risk__c. */
  canReadHealth: boolean;
  /** Create access to ScoreOverride__c. */
  canCreateOverrides: boolean;
  /** Create and edit access to Risk__c, RiskEscalation__c and Task. */
  canEditRisks: boolean;
  /** Read access to SuccessPlan__c, SuccessObjective__c, SuccessMilestone__c and RenewalCheckpoint__c. */
  canReadPlans: boolean;
  /** Create and edit access to SuccessPlan__c, SuccessObjective__c and SuccessMilestone__c. */
  canEditPlans: boolean;
  /** Edit access to RenewalCheckpoint__c and create access to Task, which recording a renewal call needs. */
  canRecordRenewalCalls: boolean;
  /** Read access to BusinessReview__c. */
  canReadReviews: boolean;
  /**
   * Create and edit access to BusinessReview__c, and create access to Task and ContentVersion, which action items
   * and saved decks need.
   */
  canEditReviews: boolean;
  /** Read access to AdoptionFact__c, AdoptionPlaybook__c, PlaybookBarrier__c, BusinessTrigger__c and Product2. */
  canReadAdoption: boolean;
  /** Create access to AdoptionPlaybook__c, PlaybookBarrier__c and Task, and edit access to AdoptionPlaybook__c. */
  canEditPlaybooks: boolean;
  /** Create access to BusinessTrigger__c. */
  canRecordTriggers: boolean;
  /** Create access to Opportunity with its expansion fields, which a hand-off needs. */
  canHandOff: boolean;
}

/** Custom permission that allows recalculating health and viewing the health job. */
export const RECALCULATE_HEALTH = 'RecalculateHealth';

/** Custom permission that allows starting, scheduling and unscheduling the health job and changing its settings. */
export const CONTROL_HEALTH_JOBS = 'ControlHealthJobs';

/** Custom permission that allows approving override requests. */
export const APPROVE_HEALTH_OVERRIDE = 'ApproveHealthOverride';

/** Key of the default user: a CSM with the RecalculateHealth permission. */
export const DEFAULT_USER_KEY = 'csm';

/** The users the cockpit can act as, by key. */
export const COCKPIT_USERS: Readonly<Record<string, CockpitUser>> = {
  csm: {
    key: 'csm',
    label: 'a CSM with the Recalculate Health permission',
    name: 'Casey Morgan (CSM)',
    id: '005Dp000000CKP1IAG',
    permissionSets: ['SuccessCockpitUser'],
    customPermissions: [RECALCULATE_HEALTH],
    canReadHealth: true,
    canCreateOverrides: true,
    canEditRisks: true,
    canReadPlans: true,
    canEditPlans: true,
    canRecordRenewalCalls: true,
    canReadReviews: true,
    canEditReviews: true,
    canReadAdoption: true,
    canEditPlaybooks: true,
    canRecordTriggers: true,
    canHandOff: true
  },
  'csm-basic': {
    key: 'csm-basic',
    label: 'a CSM without the Recalculate Health permission',
    name: 'Riley Chen (CSM)',
    id: '005Dp000000CKP2IAG',
    permissionSets: ['SuccessCockpitUser'],
    customPermissions: [],
    canReadHealth: true,
    canCreateOverrides: true,
    canEditRisks: true,
    canReadPlans: true,
    canEditPlans: true,
    canRecordRenewalCalls: true,
    canReadReviews: true,
    canEditReviews: true,
    canReadAdoption: true,
    canEditPlaybooks: true,
    canRecordTriggers: true,
    canHandOff: true
  },
  manager: {
    key: 'manager',
    label: 'a CS manager',
    name: 'Morgan Patel (CS manager)',
    id: '005Dp000000CKP3IAG',
    permissionSets: ['SuccessCockpitManager'],
    customPermissions: [RECALCULATE_HEALTH, APPROVE_HEALTH_OVERRIDE],
    canReadHealth: true,
    canCreateOverrides: true,
    canEditRisks: true,
    canReadPlans: true,
    canEditPlans: true,
    canRecordRenewalCalls: true,
    canReadReviews: true,
    canEditReviews: true,
    canReadAdoption: true,
    canEditPlaybooks: false,
    canRecordTriggers: false,
    canHandOff: false
  },
  admin: {
    key: 'admin',
    label: 'a Salesforce admin',
    name: 'Alex Kim (admin)',
    id: '005Dp000000CKP4IAG',
    permissionSets: ['SuccessCockpitAdmin'],
    customPermissions: [RECALCULATE_HEALTH, APPROVE_HEALTH_OVERRIDE, CONTROL_HEALTH_JOBS],
    canReadHealth: true,
    canCreateOverrides: true,
    canEditRisks: true,
    canReadPlans: true,
    canEditPlans: true,
    canRecordRenewalCalls: true,
    canReadReviews: true,
    canEditReviews: true,
    canReadAdoption: true,
    canEditPlaybooks: true,
    canRecordTriggers: true,
    canHandOff: true
  },
  'no-access': {
    key: 'no-access',
    label: 'a user without the Success Cockpit permission sets',
    name: 'Sam Doe',
    id: '005Dp000000CKP5IAG',
    permissionSets: [],
    customPermissions: [],
    canReadHealth: false,
    canCreateOverrides: false,
    canEditRisks: false,
    canReadPlans: false,
    canEditPlans: false,
    canRecordRenewalCalls: false,
    canReadReviews: false,
    canEditReviews: false,
    canReadAdoption: false,
    canEditPlaybooks: false,
    canRecordTriggers: false,
    canHandOff: false
  }
};

/** Returns true when the user has a custom permission. */
export function hasCustomPermission(user: CockpitUser, permission: string): boolean {
  return user.customPermissions.includes(permission);
}
