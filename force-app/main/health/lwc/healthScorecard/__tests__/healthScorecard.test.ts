import { createElement } from '@lwc/engine-dom';
import HealthScorecard from 'c/healthScorecard';
import { refreshApex } from '@salesforce/apex';
import getScorecard from '@salesforce/apex/HealthScorecardController.getScorecard';
import requestOverride from '@salesforce/apex/HealthScorecardController.requestOverride';
import recalculate from '@salesforce/apex/HealthScorecardController.recalculate';
import {
  addDays,
  buildDimensionRows,
  buildTrendChart,
  buildWaterfall,
  describeTrend,
  formatScore,
  formatSigned,
  localToday,
  validateOverrideForm
} from '../scorecardView';
import scorecardData from './data/scorecard.json';
import scorecardEmpty from './data/scorecardEmpty.json';
import scorecardInsufficient from './data/scorecardInsufficient.json';

jest.mock(
  '@salesforce/apex/HealthScorecardController.getScorecard',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/HealthScorecardController.requestOverride', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthScorecardController.recalculate', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type Scorecard = ApexTypes.HealthScorecardController_Scorecard;

interface ApexWireAdapterMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown> | null;
}

interface Toast {
  title: string;
  message: string;
  variant: string;
}

const getScorecardAdapter = getScorecard as unknown as ApexWireAdapterMock;
const mockRequestOverride = requestOverride as unknown as jest.Mock;
const mockRecalculate = recalculate as unknown as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';
const SCORED = scorecardData as Scorecard;
const EMPTY = scorecardEmpty as Scorecard;
const INSUFFICIENT = scorecardInsufficient as Scorecard;

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function withChanges(changes: Partial<Scorecard>): Scorecard {
  return { ...SCORED, ...changes };
}

function mount(): HTMLElement {
  const element = createElement('c-health-scorecard', { is: HealthScorecard });
  (element as HTMLElement & { recordId: string }).recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: Scorecard): Promise<HTMLElement> {
  const element = mount();
  getScorecardAdapter.emit(data);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function allById(element: HTMLElement, id: string): HTMLElement[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []);
}

function field(element: HTMLElement, name: string): HTMLElement & Record<string, unknown> {
  const input = element.shadowRoot?.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!input) {
    throw new Error(`No form field ${name}. Open the override form first.`);
  }
  return input as HTMLElement & Record<string, unknown>;
}

function change(element: HTMLElement, name: string, value: string): void {
  field(element, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function collectToasts(element: HTMLElement): Toast[] {
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
  return toasts;
}

async function openOverrideForm(element: HTMLElement): Promise<void> {
  byId(element, 'request-override')?.click();
  await flush();
}

async function fillValidForm(element: HTMLElement, expiresOn: string): Promise<void> {
  change(element, 'measure', 'OpenHighPriorityCases');
  change(element, 'value', '60');
  change(element, 'reason', '  Two of the cases are duplicates.  ');
  change(element, 'expiresOn', expiresOn);
  await flush();
}

describe('c-health-scorecard', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner while loading', async () => {
    const element = mount();
    await flush();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'header')).toBeNull();
    expect(getScorecardAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    await expect(element).toBeAccessible();
  });

  it('shows score, band, coverage and trend', async () => {
    const element = await mountWith(SCORED);

    expect(byId(element, 'loading')).toBeNull();
    expect(byId(element, 'score')?.textContent).toBe('58.5');
    const band = byId(element, 'band') as HTMLElement & { label: string };
    expect(band.label).toBe('Red');
    expect(band.className).toContain('slds-theme_error');
    expect((byId(element, 'coverage') as HTMLElement & { label: string }).label).toBe('Coverage 62%');
    expect(byId(element, 'insufficient')).toBeNull();
    expect(byId(element, 'capped')?.textContent).toBe(
      'Capped at 58.5 (71.3 without the cap) because Open high-priority cases is critical and in the red.'
    );
    expect(byId(element, 'trend-text')?.textContent).toBe('Declining: -2.5 points a week.');
    expect(byId(element, 'as-of')?.textContent).toBe('Scored on 2026-03-31 by health model Default version 3.');
    await expect(element).toBeAccessible();
  });

  it('shows dimension bars', async () => {
    const element = await mountWith(SCORED);

    const rows = allById(element, 'dimension');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('Product Adoption');
    expect(rows[0].textContent).toContain('66.7, weight 30%');
    const bar = rows[0].querySelector<HTMLElement>('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('66.7');
    expect(bar?.getAttribute('aria-label')).toBe('Product Adoption');
    expect(rows[0].querySelector<HTMLElement>('.slds-progress-bar__value')?.style.width).toBe('66.7%');
    expect(rows[2].textContent).toContain('Not scored');
    expect(rows[2].querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext')).toBe('Not scored');
  });

  it('draws the trend line with a model-change marker', async () => {
    const element = await mountWith(SCORED);

    const svg = element.shadowRoot?.querySelector('svg.trend-chart');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe(
      'Health score from 70 on 2026-03-01 to 58.5 on 2026-03-31, 4 scores, lowest 58.5, highest 70. ' +
        'The model changed once.'
    );
    expect(svg?.querySelectorAll('circle')).toHaveLength(4);
    expect(svg?.querySelectorAll('circle.trend-point_model-change')).toHaveLength(1);
    expect(svg?.querySelectorAll('line.trend-version-marker')).toHaveLength(1);
    expect(svg?.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(4);
    const tableRows = byId(element, 'trend-table')?.querySelectorAll('tbody tr');
    expect(tableRows).toHaveLength(4);
    expect(tableRows?.[3].textContent).toContain('The model changed to Default v3.');
  });

  it('orders the waterfall by largest move', async () => {
    const element = await mountWith(SCORED);

    const rows = allById(element, 'waterfall-row');
    expect(rows.map((row) => row.querySelector('.waterfall-label')?.textContent)).toEqual([
      'Open high-priority cases',
      'License utilization',
      'Active days',
      'Critical cap, overall override and rounding'
    ]);
    expect(rows.map((row) => row.querySelector('.waterfall-change')?.textContent)).toEqual([
      '-6 points',
      '-1.5 points',
      '+0.5 points',
      '+1.5 points'
    ]);
    expect(rows[0].className).toContain('waterfall-row_down');
    expect(rows[2].className).toContain('waterfall-row_up');
    expect(byId(element, 'waterfall-intro')?.textContent).toBe('From 64 to 58.5, largest changes first.');
    expect(byId(element, 'model-change')?.textContent).toContain('changed from version 2 to 3');
  });

  it('explains a first score without a waterfall', async () => {
    const element = await mountWith(
      withChanges({ previousAsOf: null, previousScore: null, previousModelVersion: null })
    );

    expect(allById(element, 'waterfall-row')).toHaveLength(0);
    expect(byId(element, 'waterfall-intro')?.textContent).toBe(
      'This is the first stored score, so there is no earlier score to compare with.'
    );
    expect(byId(element, 'model-change')).toBeNull();
  });

  it('shows top reason, top lever and overrides as text', async () => {
    const element = await mountWith(SCORED);

    expect(byId(element, 'top-reason')?.textContent).toBe(
      'Support pulls the score down most: 3 open high-priority cases.'
    );
    expect(byId(element, 'top-lever')?.textContent).toContain(
      'Raising NPS (180 days) to 100 would add 12.4 points to the score.'
    );
    const overrides = allById(element, 'override');
    expect(overrides).toHaveLength(1);
    expect(overrides[0].textContent).toContain('Overall score: 70');
    expect(overrides[0].textContent).toContain('Approved, expires on 2026-04-30');
    expect(overrides[0].textContent).toContain('Renewal signed <b>last week</b>');
    expect(overrides[0].querySelector('b')).toBeNull();
  });

  it('shows insufficient data instead of a band', async () => {
    const element = await mountWith(INSUFFICIENT);

    expect(byId(element, 'band')).toBeNull();
    expect(byId(element, 'insufficient')?.textContent).toBe('Insufficient data: only 30% of the model had data');
    expect((byId(element, 'coverage') as HTMLElement & { label: string }).label).toBe('Coverage 30%');
    expect(byId(element, 'no-trend')).not.toBeNull();
    expect(byId(element, 'request-override')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the empty state without a snapshot', async () => {
    const element = await mountWith(EMPTY);

    expect(byId(element, 'empty')?.textContent).toContain('The nightly health job has not scored this account yet.');
    expect(byId(element, 'empty')?.textContent).toContain('Select Recalculate now');
    expect(byId(element, 'header')).toBeNull();
    expect(byId(element, 'recalculate')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when loading fails', async () => {
    const element = mount();
    getScorecardAdapter.error({ message: 'Loading the health scorecard of account 001 failed: Timed out.' });
    await flush();

    const panel = byId(element, 'load-error') as HTMLElement & { errors: unknown; friendlyMessage: string };
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The health score could not be loaded.');
    expect((panel.errors as { body: { message: string } }).body.message).toContain('Timed out');
    expect(byId(element, 'access-denied')).toBeNull();
    expect(byId(element, 'loading')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the Apex message when access is denied', async () => {
    const message =
      'Access denied: you cannot read Health Snapshot and Health Contribution records. Ask your admin to assign ' +
      'you the Success Cockpit User permission set.';
    const element = mount();
    getScorecardAdapter.error({ message });
    await flush();

    expect(byId(element, 'access-denied')?.textContent).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    expect(byId(element, 'request-override')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('hides Recalculate without the permission', async () => {
    const element = await mountWith(SCORED);

    expect(byId(element, 'recalculate')).toBeNull();
    expect(byId(element, 'request-override')).not.toBeNull();
  });

  it('recalculates, shows the new score and refreshes', async () => {
    const fresh = withChanges({
      score: 72,
      band: 'Yellow',
      permissions: { canRecalculate: true, canRequestOverride: true }
    });
    mockRecalculate.mockResolvedValue(fresh);
    const element = await mountWith(withChanges({ permissions: { canRecalculate: true, canRequestOverride: true } }));
    const toasts = collectToasts(element);

    byId(element, 'recalculate')?.click();
    await flush();

    expect(mockRecalculate).toHaveBeenCalledWith({ accountId: ACCOUNT_ID });
    expect(byId(element, 'score')?.textContent).toBe('72');
    expect(toasts).toEqual([
      { title: 'Health score recalculated', message: 'New score 72 (Yellow).', variant: 'success' }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('reports a failed recalculation in a toast', async () => {
    mockRecalculate.mockRejectedValue({
      body: { message: 'You need the Recalculate Health permission to recalculate health scores. Ask your admin.' }
    });
    const element = await mountWith(withChanges({ permissions: { canRecalculate: true, canRequestOverride: true } }));
    const toasts = collectToasts(element);

    byId(element, 'recalculate')?.click();
    await flush();

    expect(toasts).toHaveLength(1);
    expect(toasts[0].variant).toBe('error');
    expect(toasts[0].message).toContain('You need the Recalculate Health permission');
    expect(byId(element, 'score')?.textContent).toBe('58.5');
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('blocks an override request with missing fields', async () => {
    const element = await mountWith(SCORED);
    await openOverrideForm(element);
    const reason = field(element, 'reason');
    const setCustomValidity = jest.fn();
    reason.setCustomValidity = setCustomValidity;

    byId(element, 'submit-override')?.click();
    await flush();

    expect(mockRequestOverride).not.toHaveBeenCalled();
    const errors = byId(element, 'form-errors')?.textContent ?? '';
    expect(errors).toContain('Enter the score to use, from 0 to 100.');
    expect(errors).toContain('Explain why the calculated score is wrong for this account');
    expect(errors).toContain('Choose the last day the override applies');
    expect(setCustomValidity).toHaveBeenCalledWith(expect.stringContaining('Explain why the calculated score'));
    await expect(element).toBeAccessible();
  });

  it('rejects an expiry beyond 180 days', async () => {
    const element = await mountWith(SCORED);
    await openOverrideForm(element);
    await fillValidForm(element, addDays(localToday(), 181));

    byId(element, 'submit-override')?.click();
    await flush();

    expect(mockRequestOverride).not.toHaveBeenCalled();
    expect(byId(element, 'form-errors')?.textContent).toContain('Overrides last at most 180 days.');
  });

  it('offers the overall score and the measures', async () => {
    const element = await mountWith(SCORED);
    await openOverrideForm(element);

    expect(field(element, 'measure').options).toEqual([
      { label: 'Overall score', value: '' },
      { label: 'License utilization', value: 'LicenseUtilization30d' },
      { label: 'Open high-priority cases', value: 'OpenHighPriorityCases' }
    ]);
    expect(field(element, 'expiresOn').min).toBe(addDays(localToday(), 1));
    expect(field(element, 'expiresOn').max).toBe(addDays(localToday(), 180));
  });

  it('submits a valid override request', async () => {
    mockRequestOverride.mockResolvedValue('a03000000000009AAA');
    const element = await mountWith(SCORED);
    const toasts = collectToasts(element);
    const expiresOn = addDays(localToday(), 30);
    await openOverrideForm(element);
    await fillValidForm(element, expiresOn);

    byId(element, 'submit-override')?.click();
    await flush();

    expect(mockRequestOverride).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      measure: 'OpenHighPriorityCases',
      value: 60,
      reason: 'Two of the cases are duplicates.',
      expiresOn
    });
    expect(toasts).toHaveLength(1);
    expect(toasts[0].variant).toBe('success');
    expect(toasts[0].message).toContain(`Open high-priority cases to 60 until ${expiresOn}`);
    expect(byId(element, 'override-form')).toBeNull();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('keeps the form open when the server rejects the request', async () => {
    mockRequestOverride.mockRejectedValue({
      body: { message: 'Measure OpenHighPriorityCases is not a scored measure of health model Default version 4.' }
    });
    const element = await mountWith(SCORED);
    const toasts = collectToasts(element);
    await openOverrideForm(element);
    await fillValidForm(element, addDays(localToday(), 30));

    byId(element, 'submit-override')?.click();
    await flush();

    expect(toasts).toHaveLength(1);
    expect(toasts[0].variant).toBe('error');
    expect(toasts[0].message).toBe(
      'Measure OpenHighPriorityCases is not a scored measure of health model Default version 4.'
    );
    expect(byId(element, 'override-form')).not.toBeNull();
    expect(mockRefreshApex).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('closes the form on cancel', async () => {
    const element = await mountWith(SCORED);
    await openOverrideForm(element);
    expect(byId(element, 'request-override')).toBeNull();

    byId(element, 'cancel-override')?.click();
    await flush();

    expect(byId(element, 'override-form')).toBeNull();
    expect(byId(element, 'request-override')).not.toBeNull();
    expect(mockRequestOverride).not.toHaveBeenCalled();
  });
});

describe('scorecardView', () => {
  it('formats scores and changes', () => {
    expect(formatScore(58.46)).toBe('58.5');
    expect(formatScore(64)).toBe('64');
    expect(formatScore(null)).toBe('n/a');
    expect(formatSigned(1.25)).toBe('+1.3');
    expect(formatSigned(-3)).toBe('-3');
    expect(formatSigned(0.04)).toBe('0');
  });

  it('shows a weight that is not whole with one decimal', () => {
    const rows = buildDimensionRows([
      { name: 'Support', label: 'Support', score: 100, weight: 0.045, coverage: 1 },
      { name: 'Sentiment', label: 'Sentiment', score: 50, weight: 0.3, coverage: 1 }
    ] as ApexTypes.HealthScorecardController_DimensionScore[]);

    expect(rows.map((row) => row.weightText)).toEqual(['weight 4.5%', 'weight 30%']);
  });

  it('describes an unknown trend', () => {
    expect(describeTrend('Unknown', null)).toBe('Trend unknown: fewer than two scores in the trend window.');
    expect(describeTrend('Improving', 1.5)).toBe('Improving: +1.5 points a week.');
  });

  it('lays out trend points by date and score', () => {
    const chart = buildTrendChart([
      { asOf: '2026-01-01', score: 100, modelName: 'Default', modelVersion: 1 },
      { asOf: '2026-01-03', score: 0, modelName: 'Default', modelVersion: 1 },
      { asOf: '2026-01-05', score: 50, modelName: 'Default', modelVersion: 1 }
    ]);

    // x runs from 6 to 294 over the four days; y from 6 (score 100) to 94 (score 0).
    expect(chart?.polyline).toBe('6,6 150,94 294,50');
    expect(chart?.versionMarkers).toEqual([]);
  });

  it('needs two scores for a trend line', () => {
    expect(buildTrendChart([{ asOf: '2026-01-01', score: 70, modelName: 'Default', modelVersion: 1 }])).toBeNull();
    expect(buildTrendChart(null)).toBeNull();
  });

  it('marks a model name change', () => {
    const chart = buildTrendChart([
      { asOf: '2026-01-01', score: 60, modelName: 'Default', modelVersion: 1 },
      { asOf: '2026-01-02', score: 60, modelName: 'Enterprise', modelVersion: 1 }
    ]);

    expect(chart?.versionMarkers).toHaveLength(1);
    expect(chart?.points[1].note).toBe('The model changed to Enterprise v1.');
  });

  it('floats waterfall bars from the running score', () => {
    const ledger = SCORED.ledger ?? [];

    const waterfall = buildWaterfall(ledger, 64, 58.5);

    // 64 - 6 = 58: the first bar spans 58..64.
    expect(waterfall?.rows[0].barStyle).toBe('left: 58%; width: 6%;');
    // 58 - 1.5 = 56.5, then + 0.5 = 57, then the rest + 1.5 = 58.5.
    expect(waterfall?.rows[2].barStyle).toBe('left: 56.5%; width: 0.5%;');
    expect(waterfall?.rows[3].barStyle).toBe('left: 57%; width: 1.5%;');
    expect(buildWaterfall(ledger, null, 58.5)).toBeNull();
  });

  it('omits the rest row when measures explain the move', () => {
    const waterfall = buildWaterfall(SCORED.ledger ?? [], 64, 57);

    expect(waterfall?.rows.map((row) => row.key)).toEqual([
      'measure-OpenHighPriorityCases',
      'measure-LicenseUtilization30d',
      'measure-ActiveDayShare30d'
    ]);
  });

  it('checks the expiry window of an override', () => {
    const valid = { measure: '', value: '50', reason: 'Renewal signed', expiresOn: '2026-04-01' };

    expect(validateOverrideForm(valid, '2026-03-31')).toEqual({});
    expect(validateOverrideForm({ ...valid, expiresOn: '2026-09-27' }, '2026-03-31')).toEqual({});
    expect(validateOverrideForm({ ...valid, expiresOn: '2026-03-31' }, '2026-03-31').expiresOn).toBe(
      'Choose a date after today, from 2026-04-01 to 2026-09-27.'
    );
    expect(validateOverrideForm({ ...valid, expiresOn: '2026-09-28' }, '2026-03-31').expiresOn).toBe(
      'Overrides last at most 180 days. Choose a date up to 2026-09-27.'
    );
  });

  it('checks the value range of an override', () => {
    const valid = { measure: 'Nps180d', value: '0', reason: 'Renewal signed', expiresOn: '2026-04-01' };

    expect(validateOverrideForm(valid, '2026-03-31')).toEqual({});
    expect(validateOverrideForm({ ...valid, value: '100' }, '2026-03-31')).toEqual({});
    expect(validateOverrideForm({ ...valid, value: '100.5' }, '2026-03-31').value).toBe(
      '100.5 is not a score from 0 to 100. Enter a score from 0 to 100.'
    );
    expect(validateOverrideForm({ ...valid, value: '-1' }, '2026-03-31').value).toContain('is not a score');
    expect(validateOverrideForm({ ...valid, reason: '   ' }, '2026-03-31').reason).toContain('Explain why');
  });
});
