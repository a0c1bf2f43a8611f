import type { AdoptionFeature } from 'c/adoptionEngine';
import { computeFactHistory, computeMonthFacts, factMonthOf, MAX_HISTORY_MONTHS, MAX_STORED_PERCENT } from '../facts';
import type { AccountAdoptionInput, AdoptionUser, FeatureUsageRow } from '../facts';

function feature(key: string, overrides: Partial<AdoptionFeature> = {}): AdoptionFeature {
  return {
    key,
    label: key,
    productCode: 'HLP-DESK',
    valueStatement: null,
    valueRank: 3,
    measureType: 'Telemetry',
    sourceObject: null,
    permissionSetName: null,
    entitlementSource: 'LicensedSeats',
    licenseName: null,
    targetPercent: 60,
    enablementAction: null,
    availableSince: null,
    isActive: true,
    ...overrides
  };
}

function usage(month: string, active: number, overrides: Partial<FeatureUsageRow> = {}): FeatureUsageRow {
  return {
    featureKey: 'Sla',
    segmentType: 'All',
    segment: 'All',
    month,
    assigned: 10,
    active,
    tried: active + 1,
    ...overrides
  };
}

function input(overrides: Partial<AccountAdoptionInput> = {}): AccountAdoptionInput {
  return {
    licensedSeats: 20,
    usage: [],
    entitlements: [],
    users: null,
    hasUserLicenses: false,
    permissionSetLicenseHolders: null,
    ...overrides
  };
}

function user(userId: string, overrides: Partial<AdoptionUser> = {}): AdoptionUser {
  return {
    userId,
    isPortal: true,
    profileName: 'Customer Community User',
    roleName: null,
    department: null,
    licenseName: 'Customer Community',
    ...overrides
  };
}

describe('factMonthOf', () => {
  it('returns the month of the day before', () => {
    expect(factMonthOf('2026-11-30')).toBe('2026-11-01');
    expect(factMonthOf('2026-12-01')).toBe('2026-11-01');
  });
});

describe('computeMonthFacts', () => {
  it('computes percent and trend over three months', () => {
    const rows = [usage('2026-09-01', 12), usage('2026-10-01', 10), usage('2026-11-01', 6)];

    const [fact] = computeMonthFacts([feature('Sla')], input({ usage: rows }), '2026-11-15');

    expect(fact).toEqual({
      featureKey: 'Sla',
      segmentType: 'All',
      segment: 'All',
      month: '2026-11-01',
      entitledUsers: 20,
      assignedUsers: 10,
      activeUsers: 6,
      triedUsers: 7,
      adoptionPercent: 30,
      trend: 'Declining',
      trendSlope: -15
    });
  });

  it('keeps a fact with entitled users but no usage row', () => {
    const [fact] = computeMonthFacts([feature('Sla')], input(), '2026-11-01');

    expect(fact?.entitledUsers).toBe(20);
    expect(fact?.activeUsers).toBeNull();
    expect(fact?.adoptionPercent).toBeNull();
    expect(fact?.trend).toBe('Insufficient');
  });

  it('writes no fact without usage and without entitled users', () => {
    expect(computeMonthFacts([feature('Sla')], input({ licensedSeats: 0 }), '2026-11-01')).toEqual([]);
    expect(computeMonthFacts([feature('Sla')], input({ licensedSeats: null }), '2026-11-01')).toEqual([]);
  });

  it('gives licensed seats to the whole account only', () => {
    const rows = [usage('2026-11-01', 4, { segmentType: 'Role', segment: 'Agent' })];

    const facts = computeMonthFacts([feature('Sla')], input({ usage: rows }), '2026-11-01');

    expect(facts.map((fact) => [fact.segmentType, fact.segment, fact.entitledUsers, fact.adoptionPercent])).toEqual([
      ['All', 'All', 20, null],
      ['Role', 'Agent', null, null]
    ]);
  });

  it('sums the entitlement records active in the month, by segment', () => {
    const records = feature('Chains', { entitlementSource: 'EntitlementRecord' });
    const entitlements = [
      {
        featureKey: 'Chains',
        segmentType: 'All' as const,
        segment: 'All',
        entitled: 8,
        startDate: '2026-01-01',
        endDate: null
      },
      {
        featureKey: 'Chains',
        segmentType: 'All' as const,
        segment: 'All',
        entitled: 4,
        startDate: '2026-10-01',
        endDate: '2026-10-31'
      },
      {
        featureKey: 'Chains',
        segmentType: 'Department' as const,
        segment: 'Finance',
        entitled: 3,
        startDate: '2026-01-01',
        endDate: null
      },
      {
        featureKey: 'Chains',
        segmentType: 'All' as const,
        segment: 'All',
        entitled: 50,
        startDate: null,
        endDate: null
      },
      {
        featureKey: 'Other',
        segmentType: 'All' as const,
        segment: 'All',
        entitled: 9,
        startDate: '2026-01-01',
        endDate: null
      }
    ];

    const october = computeMonthFacts([records], input({ entitlements }), '2026-10-01');
    const november = computeMonthFacts([records], input({ entitlements }), '2026-11-01');

    expect(october.map((fact) => [fact.segment, fact.entitledUsers])).toEqual([
      ['All', 12],
      ['Finance', 3]
    ]);
    expect(november.map((fact) => [fact.segment, fact.entitledUsers])).toEqual([
      ['All', 8],
      ['Finance', 3]
    ]);
  });

  it('uses each month its own entitlement in the trend', () => {
    const records = feature('Chains', { entitlementSource: 'EntitlementRecord' });
    const entitlements = [
      {
        featureKey: 'Chains',
        segmentType: 'All' as const,
        segment: 'All',
        entitled: 10,
        startDate: '2026-09-01',
        endDate: '2026-09-30'
      },
      {
        featureKey: 'Chains',
        segmentType: 'All' as const,
        segment: 'All',
        entitled: 20,
        startDate: '2026-10-01',
        endDate: null
      }
    ];
    const rows = [usage('2026-09-01', 5, { featureKey: 'Chains' }), usage('2026-10-01', 10, { featureKey: 'Chains' })];

    const [fact] = computeMonthFacts([records], input({ usage: rows, entitlements }), '2026-10-01');

    expect(fact?.adoptionPercent).toBe(50);
    expect(fact?.trend).toBe('Stable');
    expect(fact?.trendSlope).toBe(0);
  });

  it('counts user license holders of the segment', () => {
    const licensed = feature('Portal', { entitlementSource: 'UserLicense', licenseName: 'customer community' });
    const users = [
      user('u1'),
      user('u2', { profileName: 'Customer Community Plus User', licenseName: 'Customer Community Plus' }),
      user('u3')
    ];
    const rows = [usage('2026-11-01', 1, { featureKey: 'Portal', assigned: 2 })];

    const facts = computeMonthFacts([licensed], input({ usage: rows, users, hasUserLicenses: true }), '2026-11-01');

    expect(facts.map((fact) => [fact.segment, fact.entitledUsers, fact.adoptionPercent])).toEqual([['All', 2, 50]]);
  });

  it('counts the members of a profile segment but no business unit', () => {
    const licensed = feature('Portal', { entitlementSource: 'UserLicense', licenseName: 'Customer Community' });
    const users = [user('u1'), user('u2', { profileName: 'Partner User' })];
    const rows = [
      usage('2026-11-01', 1, { featureKey: 'Portal', segmentType: 'Profile', segment: 'customer community user' }),
      usage('2026-11-01', 1, { featureKey: 'Portal', segmentType: 'BusinessUnit', segment: 'EMEA' })
    ];

    const facts = computeMonthFacts([licensed], input({ usage: rows, users, hasUserLicenses: true }), '2026-11-01');

    expect(facts.map((fact) => [fact.segmentType, fact.entitledUsers])).toEqual([
      ['All', 2],
      ['BusinessUnit', null],
      ['Profile', 1]
    ]);
  });

  it('slices internal users by role and department, portal users by profile only', () => {
    const licensed = feature('Portal', { entitlementSource: 'UserLicense', licenseName: 'Salesforce' });
    const users = [
      user('internal', { isPortal: false, roleName: 'Agent', department: 'Support', licenseName: 'Salesforce' }),
      user('portal', { roleName: 'Agent', department: 'Support', licenseName: 'Salesforce' })
    ];
    const rows = [
      usage('2026-11-01', 1, { featureKey: 'Portal', segmentType: 'Role', segment: 'Agent' }),
      usage('2026-11-01', 1, { featureKey: 'Portal', segmentType: 'Department', segment: 'Support' })
    ];

    const facts = computeMonthFacts([licensed], input({ usage: rows, users, hasUserLicenses: true }), '2026-11-01');

    expect(facts.map((fact) => [fact.segmentType, fact.entitledUsers])).toEqual([
      ['All', 2],
      ['Department', 1],
      ['Role', 1]
    ]);
  });

  it('leaves license entitlements unknown without the license data', () => {
    const licensed = feature('Portal', { entitlementSource: 'UserLicense', licenseName: 'Customer Community' });
    const rows = [usage('2026-11-01', 1, { featureKey: 'Portal' })];

    const facts = computeMonthFacts([licensed], input({ usage: rows, users: [user('u1')] }), '2026-11-01');

    expect(facts.map((fact) => [fact.entitledUsers, fact.adoptionPercent])).toEqual([[null, null]]);
  });

  it('counts permission set license holders among the account users', () => {
    const licensed = feature('Designer', {
      entitlementSource: 'PermissionSetLicense',
      licenseName: 'HelplineAutomation'
    });
    const holders = new Map([['helplineautomation', new Set(['u1', 'outsider'])]]);
    const rows = [usage('2026-11-01', 1, { featureKey: 'Designer' })];

    const facts = computeMonthFacts(
      [licensed],
      input({ usage: rows, users: [user('u1'), user('u2')], permissionSetLicenseHolders: holders }),
      '2026-11-01'
    );

    expect(facts.map((fact) => [fact.entitledUsers, fact.adoptionPercent])).toEqual([[1, 100]]);
  });

  it('counts no holder of a license nobody holds', () => {
    const licensed = feature('Designer', { entitlementSource: 'PermissionSetLicense', licenseName: 'Unknown' });
    const rows = [usage('2026-11-01', 1, { featureKey: 'Designer' })];

    const facts = computeMonthFacts(
      [licensed],
      input({ usage: rows, users: [user('u1')], permissionSetLicenseHolders: new Map() }),
      '2026-11-01'
    );

    expect(facts.map((fact) => [fact.entitledUsers, fact.adoptionPercent])).toEqual([[0, null]]);
  });

  it('stores a percent above 9999.9 as 9999.9', () => {
    const rows = [usage('2026-11-01', 2000, { assigned: 2000, tried: 2000 })];

    const [fact] = computeMonthFacts([feature('Sla')], input({ licensedSeats: 1, usage: rows }), '2026-11-01');

    expect(fact?.adoptionPercent).toBe(MAX_STORED_PERCENT);
  });

  it('ignores usage of features not given and outside the trend window', () => {
    const rows = [
      usage('2026-07-01', 4, { segmentType: 'Role', segment: 'Agent' }),
      usage('2026-11-01', 4, { featureKey: 'Old' })
    ];

    const facts = computeMonthFacts([feature('Sla')], input({ usage: rows }), '2026-11-01');

    expect(facts.map((fact) => [fact.featureKey, fact.segment])).toEqual([['Sla', 'All']]);
  });

  it('orders features as given and segments after All by type and name', () => {
    const rows = [
      usage('2026-11-01', 1, { featureKey: 'B', segmentType: 'Role', segment: 'b' }),
      usage('2026-11-01', 1, { featureKey: 'B', segmentType: 'Department', segment: 'z' }),
      usage('2026-11-01', 1, { featureKey: 'A' })
    ];

    const facts = computeMonthFacts([feature('B'), feature('A')], input({ usage: rows }), '2026-11-01');

    expect(facts.map((fact) => `${fact.featureKey}:${fact.segmentType}:${fact.segment}`)).toEqual([
      'B:All:All',
      'B:Department:z',
      'B:Role:b',
      'A:All:All'
    ]);
  });
});

describe('computeFactHistory', () => {
  it('computes every month from the first month of data', () => {
    const rows = [usage('2026-09-01', 12), usage('2026-11-01', 6)];

    const facts = computeFactHistory([feature('Sla')], input({ usage: rows }), '2026-11-01');

    expect(facts.map((fact) => [fact.month, fact.adoptionPercent])).toEqual([
      ['2026-09-01', 60],
      ['2026-10-01', null],
      ['2026-11-01', 30]
    ]);
  });

  it('starts at most MAX_HISTORY_MONTHS months back', () => {
    const rows = [usage('2020-01-01', 5)];

    const facts = computeFactHistory([feature('Sla')], input({ usage: rows }), '2026-11-01');

    expect(facts).toHaveLength(MAX_HISTORY_MONTHS + 1);
    expect(facts[0]?.month).toBe('2024-11-01');
  });

  it('returns nothing for an account without data or without features', () => {
    expect(computeFactHistory([feature('Sla')], input(), '2026-11-01')).toEqual([]);
    expect(computeFactHistory([], input({ usage: [usage('2026-11-01', 1)] }), '2026-11-01')).toEqual([]);
  });
});
