import { createElement } from '@lwc/engine-dom';
import HealthModelPreview, { DEBOUNCE_MS, MAX_ACCOUNTS } from 'c/healthModelPreview';
import getModelValidation from '@salesforce/apex/HealthModelAdminController.getModelValidation';
import getPreviewData from '@salesforce/apex/HealthModelAdminController.getPreviewData';
import { evaluateAccount, validateModel } from 'c/healthEngine';
import type { AccountSignals, HealthModel } from 'c/healthEngine';
import { changedRecordFiles } from '../metadataXml';
import { applyEdits, formatPlain, noEdits, parseBands, toEngineModel } from '../modelDraft';
import { locateProblem } from '../modelProblems';
import { scoreAccount } from '../previewScoring';
import { collectNameLabels, inputKeyOf, labelField, labelMessage } from '../problemLabels';
import {
  buildEditorRows,
  buildResultView,
  buildValidationView,
  describeWeightSum,
  MAX_LISTED_CHANGES,
  toPreviewAccounts
} from '../previewView';
import previewData from './data/preview.json';
import validationData from './data/validation.json';
import validationProblemsData from './data/validationProblems.json';

jest.mock('@salesforce/apex/HealthModelAdminController.getModelValidation', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthModelAdminController.getPreviewData', () => ({ default: jest.fn() }), {
  virtual: true
});
// The engine's own evaluateAccount, wrapped so the tests can count the evaluations.
jest.mock('c/healthEngine', () => {
  const actual = jest.requireActual<typeof import('c/healthEngine')>('c/healthEngine');
  return { ...actual, evaluateAccount: jest.fn(actual.evaluateAccount) };
});

type PreviewData = ApexTypes.HealthModelAdminController_PreviewData;
type ModelValidation = ApexTypes.HealthModelAdminController_ModelValidation;

const mockGetModelValidation = getModelValidation as unknown as jest.Mock;
const mockGetPreviewData = getPreviewData as unknown as jest.Mock;
const evaluateSpy = evaluateAccount as jest.MockedFunction<typeof evaluateAccount>;

// Apex sends null for a measure without data, which the generated type of rawValues leaves out.
const PREVIEW = previewData as unknown as PreviewData;
const VALID = validationData as ModelValidation;
const PROBLEMS = validationProblemsData as ModelValidation;
const ACCESS_MESSAGE =
  'Access denied: you cannot read the health model records (HealthModel__mdt, HealthDimension__mdt and ' +
  'HealthMeasure__mdt), so you cannot check or preview the health model. Ask your Salesforce admin to assign you ' +
  'the Success Cockpit Admin permission set.';

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until the debounced re-scoring has run. */
function afterRescore(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS + 20));
}

function storedModel(): HealthModel {
  return toEngineModel(PREVIEW.model as ApexTypes.HealthModelDefinition);
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-health-model-preview', { is: HealthModelPreview });
  document.body.appendChild(element);
  await flush();
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function allById(element: HTMLElement, id: string): HTMLElement[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []);
}

function textOf(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function cellTexts(row: HTMLElement): string[] {
  return Array.from(row.children).map((cell) => textOf(cell));
}

function input(element: HTMLElement, id: string, name?: string): HTMLElement {
  const selector = name === undefined ? `[data-id="${id}"]` : `[data-id="${id}"][data-name="${name}"]`;
  const found = element.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) {
    throw new Error(`No input ${selector} is rendered.`);
  }
  return found;
}

type ValidatableStub = HTMLElement & {
  setCustomValidity: jest.Mock | ((message: string) => void);
  reportValidity: jest.Mock | (() => boolean);
};

function change(target: HTMLElement, detail: { value?: string; checked?: boolean }): void {
  target.dispatchEvent(new CustomEvent('change', { detail }));
}

async function mountWithPreview(data: PreviewData = PREVIEW): Promise<HTMLElement> {
  mockGetModelValidation.mockResolvedValue(VALID);
  mockGetPreviewData.mockResolvedValue(data);
  return mount();
}

describe('c-health-model-preview', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner while loading', async () => {
    mockGetModelValidation.mockReturnValue(new Promise(() => undefined));

    const element = await mount();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'validation')).toBeNull();
    expect(mockGetPreviewData).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('says no problems and loads the Default model', async () => {
    const element = await mountWithPreview();

    expect(textOf(byId(element, 'validation-summary'))).toBe('No problems: 2 active models were checked.');
    expect(allById(element, 'model-heading').map(textOf)).toEqual([
      'Default (version 1): no problems',
      'Enterprise accounts (version 3): no problems'
    ]);
    expect(byId(element, 'problem-table')).toBeNull();
    const picker = byId(element, 'model-picker') as HTMLElement & { options: unknown; value: string };
    expect(picker.options).toEqual([
      { label: 'Default', value: 'Default' },
      { label: 'Enterprise accounts', value: 'Enterprise' }
    ]);
    expect(picker.value).toBe('Default');
    expect(mockGetPreviewData).toHaveBeenCalledWith({ modelName: 'Default', maxAccounts: MAX_ACCOUNTS });
    await expect(element).toBeAccessible();
  });

  it('lists every problem with its location', async () => {
    mockGetModelValidation.mockResolvedValue(PROBLEMS);
    mockGetPreviewData.mockResolvedValue(PREVIEW);

    const element = await mount();

    expect(textOf(byId(element, 'validation-summary'))).toBe(
      '2 problems in 1 of 2 active models. The health job rejects a model with problems and keeps the last good ' +
        'scores, so fix these records in Setup.'
    );
    expect(allById(element, 'model-heading').map(textOf)).toEqual([
      'Default (version 1): 2 problems',
      'Enterprise accounts (version 3): no problems'
    ]);
    const rows = allById(element, 'problem-row');
    expect(rows.map(cellTexts)).toEqual([
      [
        '',
        '',
        'Green from',
        'Default: Green from 40 must be above Yellow from 50; raise Green from or lower Yellow from.'
      ],
      [
        'Support',
        'Open P1 Cases',
        'Curve points',
        'Support / Open P1 Cases: Curve point 2 score <b>120</b> is outside 0 to 100; set a score in that range.'
      ]
    ]);
    expect(rows[1].querySelector('b')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the stored bands with no edits', async () => {
    const element = await mountWithPreview();

    expect(textOf(byId(element, 'result-summary'))).toBe('No account changes band: 6 accounts were re-scored.');
    expect(allById(element, 'band-count').map(cellTexts)).toEqual([
      ['Red', '1', '1', '0'],
      ['Yellow', '1', '1', '0'],
      ['Green', '3', '3', '0'],
      ['Insufficient data', '1', '1', '0']
    ]);
    expect(byId(element, 'changes')).toBeNull();
    const editorRows = allById(element, 'editor-row');
    const curveHelp = editorRows.map((row) => textOf(row.querySelector('.curve-help')));
    expect(curveHelp).toContain('Steps min:score over OpenHighPriorityCases in 1 day, lower is better');
    expect(editorRows.map((row) => row.dataset.name)).toEqual([
      'ProductAdoption',
      'LicenseUtilization30d',
      'Support',
      'OpenHighPriorityCases',
      'CasesCreated30d'
    ]);
    expect((input(element, 'measure-bands', 'OpenHighPriorityCases') as HTMLElement & { value: string }).value).toBe(
      '0:100;1:60;2:30;4:0'
    );
    expect((input(element, 'measure-lower', 'LicenseUtilization30d') as HTMLElement & { value: string }).value).toBe(
      '20'
    );
    expect((input(element, 'green-min') as HTMLElement & { value: string }).value).toBe('75');
    expect(
      (input(element, 'measure-critical', 'OpenHighPriorityCases') as HTMLElement & { checked: boolean }).checked
    ).toBe(true);
    expect(textOf(byId(element, 'coverage-notes'))).toContain('Approved overrides apply');
    const copy = byId(element, 'copy-metadata') as HTMLElement & { disabled: boolean };
    expect(copy.disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('moves an account to another band when a weight changes', async () => {
    const element = await mountWithPreview();

    const noteBefore = textOf(byId(element, 'weight-note'));
    change(input(element, 'dimension-weight', 'ProductAdoption'), { value: '10' });
    await afterRescore();

    expect(textOf(byId(element, 'result-summary'))).toBe('1 account changes band of 6 accounts re-scored.');
    expect(noteBefore).toMatch(/^The dimension weights add up to 100\. Weights need not add up to 100: /);
    expect(textOf(byId(element, 'weight-note'))).toMatch(
      /^The dimension weights add up to \d+, not 100, so they are normalised\. Weights need not add up to 100: /
    );
    expect(allById(element, 'band-count').map(cellTexts)).toEqual([
      ['Red', '1', '0', '−1'],
      ['Yellow', '1', '2', '+1'],
      ['Green', '3', '3', '0'],
      ['Insufficient data', '1', '1', '0']
    ]);
    const rows = allById(element, 'change-row');
    expect(rows).toHaveLength(1);
    expect(cellTexts(rows[0])).toEqual(['Initech <b>Labs</b>', 'Red → to Yellow', '41.5', '52.5']);
    expect(rows[0].querySelector('b')).toBeNull();
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/lightning/r/Account/001000000000003AAA/view');
    expect(byId(element, 'draft-problems')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('re-scores once per pause in typing', async () => {
    const element = await mountWithPreview();
    const accounts = PREVIEW.accounts?.length ?? 0;
    expect(evaluateSpy).toHaveBeenCalledTimes(accounts);
    evaluateSpy.mockClear();

    const weight = input(element, 'dimension-weight', 'ProductAdoption');
    change(weight, { value: '1' });
    change(weight, { value: '10' });
    change(input(element, 'measure-weight', 'CasesCreated30d'), { value: '40' });
    await flush();

    expect(textOf(byId(element, 'recomputing'))).toBe('Re-scoring the accounts…');
    expect(evaluateSpy).not.toHaveBeenCalled();
    await afterRescore();
    expect(evaluateSpy).toHaveBeenCalledTimes(accounts);
    expect(textOf(byId(element, 'recomputing'))).toBe('');
    expect(allById(element, 'change-row')).toHaveLength(1);
  });

  it('shows the changed records as metadata', async () => {
    const element = await mountWithPreview();
    change(input(element, 'dimension-weight', 'ProductAdoption'), { value: '10' });
    change(input(element, 'measure-critical', 'OpenHighPriorityCases'), { checked: false });
    await afterRescore();

    (byId(element, 'copy-metadata') as HTMLElement).click();
    await flush();

    const files = allById(element, 'metadata-file') as (HTMLElement & {
      label: string;
      value: string;
      readOnly: boolean;
    })[];
    expect(files.map((file) => file.label)).toEqual([
      'HealthModel.Default.md-meta.xml',
      'HealthDimension.ProductAdoption.md-meta.xml',
      'HealthMeasure.OpenHighPriorityCases.md-meta.xml'
    ]);
    expect(files.every((file) => file.readOnly)).toBe(true);
    expect(files[0].value).toContain('<field>Version__c</field>\n    <value xsi:type="xsd:double">2.0</value>');
    expect(files[1].value).toContain('<field>Weight__c</field>\n    <value xsi:type="xsd:double">10.0</value>');
    expect(files[1].value).toContain('<field>SortOrder__c</field>\n    <value xsi:type="xsd:double">10.0</value>');
    expect(files[2].value).toContain('<field>IsCritical__c</field>\n    <value xsi:type="xsd:boolean">false</value>');
    expect(files[2].value).toContain(
      '<field>Bands__c</field>\n    <value xsi:type="xsd:string">0:100;1:60;2:30;4:0</value>'
    );
    expect(textOf(byId(element, 'metadata-summary'))).toContain('3 records to deploy.');
    expect(element.shadowRoot?.querySelector('.metadata-xml CustomMetadata')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows problems of the edited model and no preview', async () => {
    const element = await mountWithPreview();
    const greenMin = input(element, 'green-min') as ValidatableStub;
    const bands = input(element, 'measure-bands', 'OpenHighPriorityCases') as ValidatableStub;
    const lower = input(element, 'measure-lower', 'CasesCreated30d') as ValidatableStub;
    for (const target of [greenMin, bands, lower]) {
      target.setCustomValidity = jest.fn();
      target.reportValidity = jest.fn();
    }

    change(greenMin, { value: '40' });
    change(bands, { value: '0:100;high' });
    await afterRescore();

    const bandsMessage =
      'Support / Open P1 Cases: curve points step 2 of "0:100;high" is "high", not min:score; write steps such as ' +
      '0:100;1:60;3:20.';
    const greenMessage = 'Default: Green from 40 must be above Yellow from 50; raise Green from or lower Yellow from.';
    const rows = allById(element, 'draft-problem-row').map(cellTexts);
    expect(rows).toEqual([
      ['Support', 'Open P1 Cases', 'Curve points', bandsMessage],
      ['', '', 'Green from', greenMessage]
    ]);
    expect(greenMin.setCustomValidity).toHaveBeenLastCalledWith(greenMessage);
    expect(bands.setCustomValidity).toHaveBeenLastCalledWith(bandsMessage);
    expect(lower.setCustomValidity).toHaveBeenLastCalledWith('');
    expect(greenMin.reportValidity).toHaveBeenCalled();
    expect(byId(element, 'result-summary')).toBeNull();
    expect(byId(element, 'band-counts')).toBeNull();
    expect((byId(element, 'copy-metadata') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('resets every edit', async () => {
    const element = await mountWithPreview();
    change(input(element, 'dimension-weight', 'ProductAdoption'), { value: '10' });
    await afterRescore();

    (byId(element, 'reset') as HTMLElement).click();
    await flush();

    expect(allById(element, 'change-row')).toHaveLength(0);
    expect((input(element, 'dimension-weight', 'ProductAdoption') as HTMLElement & { value: string }).value).toBe('50');
  });

  it('loads the chosen model', async () => {
    const element = await mountWithPreview();

    change(byId(element, 'model-picker') as HTMLElement, { value: 'Enterprise' });
    await flush();

    expect(mockGetPreviewData).toHaveBeenLastCalledWith({ modelName: 'Enterprise', maxAccounts: MAX_ACCOUNTS });
  });

  it('says so when the model has no snapshots', async () => {
    const element = await mountWithPreview({ ...PREVIEW, accounts: [] });

    expect(textOf(byId(element, 'no-accounts'))).toContain('No account has been scored with this model yet');
    expect(byId(element, 'band-counts')).toBeNull();
    expect(byId(element, 'editor')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the problems of a stored model and no editor', async () => {
    const element = await mountWithPreview({
      ...PREVIEW,
      problems: PROBLEMS.models?.[0].problems ?? []
    });

    expect(textOf(byId(element, 'stored-problems'))).toContain('The stored model has problems');
    expect(byId(element, 'editor')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says so when the model could not be read', async () => {
    const element = await mountWithPreview({ ...PREVIEW, model: null, problems: [], accounts: [] });

    expect(textOf(byId(element, 'stored-problems'))).toContain(
      'Default: the model could not be read. Fix the records that the model check lists.'
    );
    expect(byId(element, 'editor')).toBeNull();
  });

  it('shows an error when the check fails', async () => {
    mockGetModelValidation.mockRejectedValue({ body: { message: 'Checking the health models failed: timeout.' } });

    const element = await mount();

    const panel = byId(element, 'validation-error') as HTMLElement & { errors: unknown; friendlyMessage: string };
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The health models could not be checked.');
    expect(byId(element, 'model-picker')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an error when the preview data fails', async () => {
    mockGetModelValidation.mockResolvedValue(VALID);
    mockGetPreviewData.mockRejectedValue({ body: { message: 'Loading the preview data failed: timeout.' } });

    const element = await mount();

    expect(byId(element, 'preview-error')).not.toBeNull();
    expect(byId(element, 'validation-summary')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the access message to a user without the admin permission set', async () => {
    mockGetModelValidation.mockRejectedValue({ body: { message: ACCESS_MESSAGE } });

    const element = await mount();

    expect(textOf(byId(element, 'access-denied'))).toContain(ACCESS_MESSAGE);
    expect(byId(element, 'validation')).toBeNull();
    await expect(element).toBeAccessible();
  });
});

describe('health model preview rules', () => {
  it('labels problem fields and messages', () => {
    const names = collectNameLabels(storedModel());

    expect(labelField('GreenMin__c')).toBe('Green from');
    expect(labelField('Weight__c')).toBe('Weight');
    expect(labelField('Unknown__c')).toBe('Unknown__c');
    expect(labelField(null)).toBe('');
    expect(labelMessage('ProductAdoption: weight -1 is invalid.', names)).toBe(
      'Product adoption: weight -1 is invalid.'
    );
    expect(labelMessage('Support/CasesCreated30d: upperThreshold 5 must be above lowerThreshold 9.', names)).toBe(
      'Support / Cases created: Upper threshold 5 must be above Lower threshold 9.'
    );
    expect(labelMessage('Unknown/Measure: bands[0].min x is not a number.', names)).toBe(
      'Unknown/Measure: Curve point 1 min x is not a number.'
    );
  });

  it('names the input of a problem', () => {
    const problem = {
      model: 'Default',
      dimension: 'Support',
      measure: 'CasesCreated30d',
      field: 'Bands__c',
      message: ''
    };

    expect(inputKeyOf({ ...problem, dimension: null, measure: null, location: 'greenMin' })).toBe('model:greenMin');
    expect(inputKeyOf({ ...problem, measure: null, location: 'dimensions[1].weight' })).toBe(
      'dimension:Support:weight'
    );
    expect(inputKeyOf({ ...problem, location: 'dimensions[1].measures[1].bands[2].score' })).toBe(
      'measure:CasesCreated30d:bands'
    );
    expect(inputKeyOf({ ...problem, location: 'dimensions[1].measures[1].signal' })).toBeNull();
    expect(inputKeyOf({ ...problem, dimension: null, measure: null, location: 'trendDeadBand' })).toBeNull();
  });

  it('explains weights that do not add up to 100', () => {
    const rows = buildEditorRows(storedModel(), noEdits());
    const edits = noEdits();
    edits.dimensionWeights.Support = '30';
    const uneven = buildEditorRows(storedModel(), edits);
    edits.dimensionWeights.Support = 'abc';
    const invalid = buildEditorRows(storedModel(), edits);

    expect(describeWeightSum(rows)).toMatch(/^The dimension weights add up to 100\. /);
    expect(describeWeightSum(uneven)).toMatch(
      /^The dimension weights add up to 80, not 100, so they are normalised\. /
    );
    expect(describeWeightSum(invalid)).toMatch(/^Weights need not add up to 100: /);
  });
  it('scores like evaluateAccount on the facts', () => {
    const model = storedModel();
    const signals: AccountSignals = {
      accountId: '001000000000009AAA',
      accountName: 'Facts',
      attributes: {},
      licensedSeats: 10,
      usage: [{ date: '2026-03-30', activeUsers: 5, logins: 9 }],
      cases: [
        {
          id: '500000000000001AAA',
          createdDate: '2026-03-20',
          closedDate: null,
          isEscalated: false,
          priorityWeight: 3,
          isHighPriority: true
        }
      ],
      activities: null,
      hasExecutiveSponsor: false,
      hasChampion: false,
      feedback: null,
      objectives: null,
      renewalDate: null,
      daysPastDue: null
    };
    const health = evaluateAccount(model, signals, { asOf: '2026-03-31' });
    const rawValues = new Map(health.ledger.map((entry) => [entry.measure, entry.raw]));

    const preview = scoreAccount(model, { ...signals, asOf: '2026-03-31', rawValues, overrides: [] });

    expect(preview.score).toBe(health.score);
    expect(preview.band).toBe(health.band);
    expect(preview.coverage).toBe(health.coverage);
    expect(preview.isCapped).toBe(health.isCapped);
  });

  it('keeps a critical measure in the red capping the score', () => {
    const model: HealthModel = { ...storedModel(), criticalCapScore: 60 };
    const rawValues = new Map<string, number | null>([
      ['LicenseUtilization30d', 80],
      ['OpenHighPriorityCases', 4],
      ['CasesCreated30d', 0]
    ]);

    const score = scoreAccount(model, {
      accountId: 'x',
      accountName: 'x',
      asOf: '2026-03-31',
      rawValues,
      overrides: []
    });

    expect(score.isCapped).toBe(true);
    expect(score.score).toBe(60);
    expect(score.band).toBe('Yellow');
  });

  it('applies measure overrides in force on the as-of date', () => {
    const model = storedModel();
    const rawValues = new Map<string, number | null>([['LicenseUtilization30d', 20]]);
    const override = { id: 'a05', measure: 'LicenseUtilization30d', value: 100, reason: '', expiresOn: '2026-03-31' };

    const active = scoreAccount(model, {
      accountId: 'x',
      accountName: 'x',
      asOf: '2026-03-31',
      rawValues,
      overrides: [override]
    });
    const expired = scoreAccount(model, {
      accountId: 'x',
      accountName: 'x',
      asOf: '2026-04-01',
      rawValues,
      overrides: [override]
    });

    expect(active.score).toBeGreaterThan(expired.score as number);
  });

  it('reads curve points like the Apex repository', () => {
    expect(parseBands(' 0 : 100 ; 1:60; 3:+20.5;')).toEqual({
      steps: [
        { min: 0, score: 100 },
        { min: 1, score: 60 },
        { min: 3, score: 20.5 }
      ]
    });
    expect(parseBands('0:100;;1:50')).toEqual({
      error: 'step 2 of "0:100;;1:50" is an empty step, not min:score; write steps such as 0:100;1:60;3:20.'
    });
    expect(formatPlain(1e-7)).toBe('0.0000001');
  });

  it('reports inputs that are not numbers and keeps the stored value', () => {
    const edits = noEdits();
    edits.measures.CasesCreated30d = { weight: 'abc', upperThreshold: '' };
    edits.model.yellowMin = '';

    const draft = applyEdits(storedModel(), edits);

    expect(draft.inputProblems.map((problem) => [problem.field, problem.message])).toEqual([
      ['YellowMin__c', 'Default: yellow from is empty; enter a number.'],
      ['Weight__c', 'Support/CasesCreated30d: weight "abc" is not a number; enter a number.']
    ]);
    expect(draft.model.yellowMin).toBe(50);
    const cases = draft.model.dimensions[1].measures[1];
    expect(cases.weight).toBe(40);
    expect(cases.upperThreshold).toBeNull();
    expect(validateModel(draft.model)[0].location).toBe('dimensions[1].measures[1].upperThreshold');
    expect(draft.hasChanges).toBe(true);
  });

  it('locates problems like HealthModelAdminProblems', () => {
    const model = storedModel();

    expect(locateProblem(model, { location: 'dimensions[1].measures[0].bands[2].min', message: 'm' })).toEqual({
      model: 'Default',
      dimension: 'Support',
      measure: 'OpenHighPriorityCases',
      field: 'Bands__c',
      location: 'dimensions[1].measures[0].bands[2].min',
      message: 'm'
    });
    expect(locateProblem(model, { location: 'dimensions[0].measures', message: 'm' }).field).toBeNull();
    expect(locateProblem(model, { location: 'segment.values', message: 'm' }).field).toBe('SegmentValues__c');
    expect(locateProblem(model, { location: 'dimensions[9].weight', message: 'm' }).dimension).toBeNull();
  });

  it('writes every field of a changed record and escapes text', () => {
    const model = storedModel();
    const edits = noEdits();
    edits.measures.LicenseUtilization30d = { upperThreshold: '90' };
    const draft = applyEdits(model, edits).model;
    const details = {
      modelDescription: 'Scores <all> "accounts" & more',
      dimensionSortOrders: { ProductAdoption: 10 },
      measureSortOrders: { LicenseUtilization30d: 10 }
    };

    const files = changedRecordFiles(model, draft, details);

    expect(files.map((file) => file.fileName)).toEqual([
      'HealthModel.Default.md-meta.xml',
      'HealthMeasure.LicenseUtilization30d.md-meta.xml'
    ]);
    expect(files[0].xml).toContain('<value xsi:type="xsd:string">Scores &lt;all&gt; "accounts" &amp; more</value>');
    expect(files[0].xml).toContain('<field>SegmentField__c</field>\n    <value xsi:nil="true" />');
    expect(files[0].xml).toContain('<field>MinimumCoverage__c</field>\n    <value xsi:type="xsd:double">0.5</value>');
    const measure = files[1].xml;
    expect(measure.match(/<field>/g)).toHaveLength(13);
    expect(measure).toContain('<field>UpperThreshold__c</field>\n    <value xsi:type="xsd:double">90.0</value>');
    expect(measure).toContain('<field>Bands__c</field>\n    <value xsi:nil="true" />');
    expect(measure).toContain('<value xsi:type="xsd:string">Peak active users &amp; seats.</value>');
    expect(measure).toContain('<label>License utilization</label>');
    expect(changedRecordFiles(model, model, details)).toEqual([]);
  });

  it('lists at most the maximum of changed accounts, new red first', () => {
    const accounts = Array.from({ length: MAX_LISTED_CHANGES + 5 }, (_, index) => ({
      accountId: `001${String(index).padStart(15, '0')}`,
      accountName: `Account ${String(index).padStart(3, '0')}`,
      asOf: '2026-03-31',
      rawValues: new Map<string, number | null>(),
      overrides: []
    }));
    const before = accounts.map(() => ({ score: 60, band: 'Yellow' as const, isCapped: false, coverage: 1 }));
    const after = accounts.map((_, index) => ({
      score: index === 7 ? 30 : 80,
      band: index === 7 ? ('Red' as const) : ('Green' as const),
      isCapped: false,
      coverage: 1
    }));

    const view = buildResultView(accounts, before, after);

    expect(view.changes).toHaveLength(MAX_LISTED_CHANGES);
    expect(view.changes[0].accountName).toBe('Account 007');
    expect(view.changes[0].bandChange).toBe('Yellow to Red');
    expect(view.listedText).toBe(
      `The ${MAX_LISTED_CHANGES} accounts listed first are shown of ${MAX_LISTED_CHANGES + 5}; the counts include all of them.`
    );
  });

  it('summarizes records that could not be read', () => {
    const view = buildValidationView({ ...PROBLEMS, hasUnreadableRecords: true });

    expect(view.summary).toContain('Some records could not be read');
    expect(view.hasProblems).toBe(true);
    expect(toPreviewAccounts(PREVIEW)[5].overrides[0]).toEqual({
      id: 'a05000000000001AAA',
      measure: null,
      value: 90,
      reason: '',
      expiresOn: '2026-06-30'
    });
  });
});
