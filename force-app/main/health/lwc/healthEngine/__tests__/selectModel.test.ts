import { selectModel } from '../select';
import type { DimensionDefinition, HealthModel } from '../types';

/** Builds a valid model with the engine's usual limits: green 70, yellow 40, cap 39. */
function healthModel(dimensions: DimensionDefinition[], overrides: Partial<HealthModel> = {}): HealthModel {
  return {
    name: 'TestModel',
    label: 'Test model',
    version: 1,
    segment: null,
    greenMin: 70,
    yellowMin: 40,
    neutralScore: 50,
    minimumCoverage: 0.5,
    criticalCapScore: 39,
    trendWindowDays: 28,
    trendDeadBand: 1,
    dimensions,
    ...overrides
  };
}

const general = healthModel([], { name: 'General', version: 3 });
const generalNext = healthModel([], { name: 'General', version: 4 });
const enterprise = healthModel([], {
  name: 'Enterprise',
  version: 1,
  segment: { field: 'Segment__c', values: ['Enterprise', 'Strategic'] }
});
const enterpriseNext = healthModel([], {
  name: 'Enterprise',
  version: 2,
  segment: { field: 'Segment__c', values: ['Enterprise'] }
});

describe('selectModel', () => {
  it('prefers a matching segment', () => {
    expect(selectModel([general, enterprise], { Segment__c: 'Strategic' })).toBe(enterprise);
  });

  it('falls back to a model without criteria', () => {
    expect(selectModel([enterprise, general], { Segment__c: 'SMB' })).toBe(general);
    expect(selectModel([enterprise, general], {})).toBe(general);
  });

  it('prefers the highest version', () => {
    expect(selectModel([general, generalNext], {})).toBe(generalNext);
    expect(selectModel([enterpriseNext, enterprise, general], { Segment__c: 'Enterprise' })).toBe(enterpriseNext);
  });

  it('breaks version ties by name', () => {
    const alpha = healthModel([], { name: 'Alpha', version: 3 });

    expect(selectModel([general, alpha], {})).toBe(alpha);
    expect(selectModel([alpha, general], {})).toBe(alpha);
  });

  it('matches values exactly', () => {
    expect(selectModel([enterprise], { Segment__c: 'enterprise' })).toBeNull();
  });

  it('returns null without a match', () => {
    expect(selectModel([], {})).toBeNull();
    expect(selectModel([enterprise], { Industry: 'Enterprise' })).toBeNull();
  });
});
