import { createElement } from '@lwc/engine-dom';
import LoginSourceSettings from 'c/loginSourceSettings';
import getLoginSourceSettings from '@salesforce/apex/CockpitSettingsController.getLoginSourceSettings';
import saveLoginSourceSettings from '@salesforce/apex/CockpitSettingsController.saveLoginSourceSettings';
import getDeploymentStatus from '@salesforce/apex/CockpitSettingsController.getDeploymentStatus';
import { MAX_POLLS, POLL_INTERVAL_MS } from '../loginSourceSettings';
import { errorsByField, splitValues, toForm, toPayload, updateRule } from '../settingsForm';
import settingsData from './data/settings.json';
import settingsEmpty from './data/settingsEmpty.json';

jest.mock('@salesforce/apex/CockpitSettingsController.getLoginSourceSettings', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/CockpitSettingsController.saveLoginSourceSettings', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/CockpitSettingsController.getDeploymentStatus', () => ({ default: jest.fn() }), {
  virtual: true
});

type Settings = ApexTypes.CockpitSettingsController_LoginSourceSettings;

interface Toast {
  title: string;
  message: string;
  variant: string;
}

interface InputElement extends HTMLElement {
  value: string;
  checked: boolean;
  readOnly: boolean;
  setCustomValidity: (message: string) => void;
  reportValidity: () => boolean;
}

const mockGet = getLoginSourceSettings as unknown as jest.Mock;
const mockSave = saveLoginSourceSettings as unknown as jest.Mock;
const mockStatus = getDeploymentStatus as unknown as jest.Mock;

const SETTINGS = settingsData as Settings;
const EMPTY = settingsEmpty as Settings;
const DEPLOYMENT_ID = '0Af5g00000AbCdEAAV';
const DENIED =
  'Access denied: you need the Control Health Jobs custom permission to view the login-source settings. Ask your ' +
  'Salesforce admin to assign you the Success Cockpit Admin permission set.';

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-login-source-settings', { is: LoginSourceSettings });
  document.body.appendChild(element);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function allById(element: HTMLElement, id: string): HTMLElement[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []);
}

function input(element: HTMLElement, validates: string): InputElement {
  const found = element.shadowRoot?.querySelector<InputElement>(`[data-validates="${validates}"]`);
  if (!found) {
    throw new Error(`No input reports errors for ${validates}.`);
  }
  return found;
}

function textOf(node: HTMLElement | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function type(target: InputElement, value: string): void {
  target.value = value;
  target.dispatchEvent(new CustomEvent('change'));
}

function collectToasts(element: HTMLElement): Toast[] {
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
  return toasts;
}

function sentSettings(): Settings {
  return (mockSave.mock.calls[0][0] as { settings: Settings }).settings;
}

describe('c-login-source-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner while loading', async () => {
    mockGet.mockReturnValue(new Promise(() => undefined));

    const element = await mount();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'save')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the stored settings, rules and problems', async () => {
    mockGet.mockResolvedValue(SETTINGS);

    const element = await mount();

    expect(input(element, 'loginTypes').value).toBe('Application\nChatter Communities External User');
    expect(input(element, 'loginStatusSuccess').value).toBe('Success');
    expect(input(element, 'integrationUsernames').value).toBe('etl@example.com');
    expect(input(element, 'scopeField').value).toBe('Type');
    expect(input(element, 'scopeValues').value).toBe('Customer - Direct\nCustomer - Channel');
    expect(input(element, 'isLoginRollupEnabled').checked).toBe(true);
    expect(input(element, 'scoringBatchSize').value).toBe('200');
    expect(allById(element, 'problem').map(textOf)).toEqual([SETTINGS.problems?.[0]]);
    expect(textOf(byId(element, 'known-login-types')?.querySelector('summary') ?? null)).toBe(
      'Login types you can enter (4)'
    );
    const rules = allById(element, 'rule');
    expect(rules).toHaveLength(1);
    expect(textOf(rules[0].querySelector('legend'))).toBe('Rule 1: Finance team');
    expect(input(element, 'attributionRules.0.name').readOnly).toBe(true);
    expect(input(element, 'attributionRules.0.sortOrder').value).toBe('10');
    expect(textOf(byId(element, 'rule-account-name'))).toBe('Acme <b>Corp</b>');
    expect(byId(element, 'rule-account-name')?.querySelector('b')).toBeNull();
    expect(byId(element, 'remove-rule')).toBeNull();
    expect(byId(element, 'no-record')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows empty settings without rules or a record', async () => {
    mockGet.mockResolvedValue(EMPTY);

    const element = await mount();

    expect(textOf(byId(element, 'no-rules'))).toContain('No rule yet.');
    expect(textOf(byId(element, 'no-record'))).toContain('Saving creates the record.');
    expect(byId(element, 'problems')).toBeNull();
    expect(input(element, 'isLoginRollupEnabled').checked).toBe(false);
    expect(input(element, 'scopeField').value).toBe('');
    await expect(element).toBeAccessible();
  });

  it('shows the Apex message when permission is missing', async () => {
    mockGet.mockRejectedValue({ body: { message: DENIED } });

    const element = await mount();

    expect(textOf(byId(element, 'permission-denied'))).toContain(DENIED);
    expect(byId(element, 'save')).toBeNull();
    expect(byId(element, 'load-error')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when loading fails', async () => {
    mockGet.mockRejectedValue({ body: { message: 'Reading the login-source settings failed: timed out.' } });

    const element = await mount();

    const panel = byId(element, 'load-error') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe('The login-source settings could not be loaded.');
    expect(byId(element, 'permission-denied')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('saves an edited login type and reloads after the deployment', async () => {
    jest.useFakeTimers();
    const saved = { ...SETTINGS, loginTypes: ['Application', 'Chatter Communities External User', 'SAML Site SSO'] };
    mockGet.mockResolvedValueOnce(SETTINGS).mockResolvedValueOnce(saved);
    mockSave.mockResolvedValue({ isValid: true, deploymentId: DEPLOYMENT_ID, fieldErrors: [] });
    mockStatus
      .mockResolvedValueOnce({ deploymentId: DEPLOYMENT_ID, status: 'InProgress', message: null, finishedAt: null })
      .mockResolvedValueOnce({
        deploymentId: DEPLOYMENT_ID,
        status: 'Succeeded',
        message: 'Deployment succeeded.',
        finishedAt: '2026-04-01T10:00:00.000Z'
      });
    const element = createElement('c-login-source-settings', { is: LoginSourceSettings });
    document.body.appendChild(element);
    await jest.advanceTimersByTimeAsync(0);
    const toasts = collectToasts(element);

    type(input(element, 'loginTypes'), 'Application\nChatter Communities External User\nSAML Site SSO');
    byId(element, 'save')?.click();
    await jest.advanceTimersByTimeAsync(0);

    expect(sentSettings().loginTypes).toEqual(['Application', 'Chatter Communities External User', 'SAML Site SSO']);
    expect(sentSettings().attributionRules?.[0]).toMatchObject({ name: 'Finance', isNew: false, sortOrder: 10 });
    expect(textOf(byId(element, 'deploying'))).toContain(`Deploying the settings (deployment ${DEPLOYMENT_ID})`);
    expect((byId(element, 'save') as HTMLElement & { disabled: boolean }).disabled).toBe(true);

    await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(mockStatus).toHaveBeenCalledTimes(1);
    expect(byId(element, 'deploying')).not.toBeNull();

    await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(mockStatus).toHaveBeenCalledWith({ deploymentId: DEPLOYMENT_ID });
    expect(mockGet).toHaveBeenCalledTimes(2);
    expect(byId(element, 'deployment-result')?.dataset.state).toBe('succeeded');
    expect(textOf(byId(element, 'deployment-result'))).toContain(`Saved. Deployment ${DEPLOYMENT_ID} succeeded`);
    expect(input(element, 'loginTypes').value).toBe('Application\nChatter Communities External User\nSAML Site SSO');
    expect(toasts.map((toast) => toast.variant)).toEqual(['success']);
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });

  it('shows the server errors on their fields', async () => {
    mockGet.mockResolvedValue(SETTINGS);
    mockSave.mockResolvedValue({
      isValid: false,
      deploymentId: null,
      fieldErrors: [
        { field: 'loginTypes', message: '"Carrier Pigeon" is not a LoginHistory login type.' },
        { field: 'attributionRules.0.accountId', message: 'Rule 1: account 0015g00000AcMeAAAA does not exist.' }
      ]
    });
    const element = await mount();
    const loginTypes = input(element, 'loginTypes');
    const accountId = input(element, 'attributionRules.0.accountId');
    const scopeField = input(element, 'scopeField');
    const validity = { loginTypes: jest.fn(), accountId: jest.fn(), scopeField: jest.fn() };
    loginTypes.setCustomValidity = validity.loginTypes;
    accountId.setCustomValidity = validity.accountId;
    scopeField.setCustomValidity = validity.scopeField;

    type(loginTypes, 'Application\nCarrier Pigeon');
    byId(element, 'save')?.click();
    await flush();

    expect(validity.loginTypes).toHaveBeenCalledWith('"Carrier Pigeon" is not a LoginHistory login type.');
    expect(validity.accountId).toHaveBeenCalledWith('Rule 1: account 0015g00000AcMeAAAA does not exist.');
    expect(validity.scopeField).toHaveBeenCalledWith('');
    expect(textOf(byId(element, 'error-summary'))).toContain('Fix these 2 problems:');
    expect(allById(element, 'error-summary-item').map((item) => item.dataset.field)).toEqual([
      'loginTypes',
      'attributionRules.0.accountId'
    ]);
    expect(byId(element, 'deploying')).toBeNull();
    expect(mockStatus).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('focuses the summary after a rejected save', async () => {
    mockGet.mockResolvedValue(SETTINGS);
    mockSave.mockResolvedValue({
      isValid: false,
      deploymentId: null,
      fieldErrors: [{ field: 'loginTypes', message: '"Carrier Pigeon" is not a LoginHistory login type.' }]
    });
    const element = await mount();

    type(input(element, 'loginTypes'), 'Application\nCarrier Pigeon');
    byId(element, 'save')?.click();
    await flush();

    const summary = byId(element, 'error-summary');
    expect(summary?.getAttribute('tabindex')).toBe('-1');
    expect(summary?.getAttribute('role')).toBe('alert');
    expect(element.shadowRoot?.activeElement).toBe(summary);
  });

  it('shows section titles as headings', async () => {
    mockGet.mockResolvedValue(SETTINGS);
    const element = await mount();

    const headings = Array.from(element.shadowRoot?.querySelectorAll('fieldset > legend > h3') ?? []).map(
      (heading) => heading.textContent
    );
    expect(headings).toEqual([
      'Logins that count',
      'Integration users, never counted',
      'Scored accounts',
      'Back-fill and batch sizes'
    ]);
  });

  it('keeps a number it cannot send', async () => {
    mockGet.mockResolvedValue(SETTINGS);
    const element = await mount();

    type(input(element, 'rollupBatchSize'), '1.5');
    byId(element, 'save')?.click();
    await flush();

    expect(mockSave).not.toHaveBeenCalled();
    expect(textOf(byId(element, 'error-summary'))).toContain(
      'Roll-up batch size "1.5" is not a whole number. Enter digits only.'
    );
  });

  it('reports a failed deployment', async () => {
    jest.useFakeTimers();
    mockGet.mockResolvedValue(SETTINGS);
    mockSave.mockResolvedValue({ isValid: true, deploymentId: DEPLOYMENT_ID, fieldErrors: [] });
    mockStatus.mockResolvedValue({
      deploymentId: DEPLOYMENT_ID,
      status: 'Failed',
      message: 'Deployment 0Af ended with status Failed: UsageAttributionRule__mdt.Finance: bad value.',
      finishedAt: '2026-04-01T10:00:00.000Z'
    });
    const element = createElement('c-login-source-settings', { is: LoginSourceSettings });
    document.body.appendChild(element);
    await jest.advanceTimersByTimeAsync(0);
    const toasts = collectToasts(element);

    byId(element, 'save')?.click();
    await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS);

    expect(byId(element, 'deployment-result')?.dataset.state).toBe('failed');
    expect(textOf(byId(element, 'deployment-result'))).toContain('The settings were not saved. Deployment 0Af ended');
    expect(toasts).toEqual([
      {
        title: 'The login-source settings were not saved',
        message: 'Deployment 0Af ended with status Failed: UsageAttributionRule__mdt.Finance: bad value.',
        variant: 'error'
      }
    ]);
    expect(mockGet).toHaveBeenCalledTimes(1);
    expect((byId(element, 'save') as HTMLElement & { disabled: boolean }).disabled).toBe(false);
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });

  it('stops waiting for a deployment after the last check', async () => {
    jest.useFakeTimers();
    mockGet.mockResolvedValue(SETTINGS);
    mockSave.mockResolvedValue({ isValid: true, deploymentId: DEPLOYMENT_ID, fieldErrors: [] });
    mockStatus.mockResolvedValue({
      deploymentId: DEPLOYMENT_ID,
      status: 'InProgress',
      message: null,
      finishedAt: null
    });
    const element = createElement('c-login-source-settings', { is: LoginSourceSettings });
    document.body.appendChild(element);
    await jest.advanceTimersByTimeAsync(0);

    byId(element, 'save')?.click();
    await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS * (MAX_POLLS + 5));

    expect(mockStatus).toHaveBeenCalledTimes(MAX_POLLS);
    expect(byId(element, 'deployment-result')?.dataset.state).toBe('timedOut');
    expect(textOf(byId(element, 'deployment-result'))).toContain('has not finished after 2 minutes');
  });

  it('reports a refused save in a toast', async () => {
    mockGet.mockResolvedValue(SETTINGS);
    mockSave.mockRejectedValue({ body: { message: DENIED } });
    const element = await mount();
    const toasts = collectToasts(element);

    byId(element, 'save')?.click();
    await flush();

    expect(toasts).toEqual([{ title: 'The login-source settings were not saved', message: DENIED, variant: 'error' }]);
    expect(byId(element, 'deploying')).toBeNull();
  });

  it('adds, fills and removes a new rule', async () => {
    mockGet.mockResolvedValue(SETTINGS);
    mockSave.mockResolvedValue({ isValid: false, deploymentId: null, fieldErrors: [] });
    const element = await mount();

    byId(element, 'add-rule')?.click();
    await flush();
    type(input(element, 'attributionRules.1.name'), 'EmeaSupport');
    type(input(element, 'attributionRules.1.accountId'), '0015g00000GlObXAAA');
    type(input(element, 'attributionRules.1.sortOrder'), '20');
    type(input(element, 'attributionRules.1.roleName'), ' EMEA Support ');
    await flush();
    const legends = allById(element, 'rule').map((rule) => textOf(rule.querySelector('legend')));
    const nameIsEditable = input(element, 'attributionRules.1.name').readOnly !== true;
    byId(element, 'save')?.click();
    await flush();
    const sentRule = sentSettings().attributionRules?.[1];
    byId(element, 'remove-rule')?.click();
    await flush();

    expect(legends).toEqual(['Rule 1: Finance team', 'New rule 2']);
    expect(nameIsEditable).toBe(true);
    expect(sentRule).toEqual({
      name: 'EmeaSupport',
      label: null,
      isNew: true,
      accountId: '0015g00000GlObXAAA',
      accountName: null,
      profileName: null,
      roleName: 'EMEA Support',
      department: null,
      sortOrder: 20
    });
    expect(allById(element, 'rule')).toHaveLength(1);
  });

  it('discards changes', async () => {
    mockGet.mockResolvedValue(SETTINGS);
    const element = await mount();

    type(input(element, 'loginStatusSuccess'), 'Succeeded');
    byId(element, 'add-rule')?.click();
    await flush();
    byId(element, 'discard')?.click();
    await flush();

    expect(input(element, 'loginStatusSuccess').value).toBe('Success');
    expect(allById(element, 'rule')).toHaveLength(1);
  });

  it('reloads the settings', async () => {
    mockGet.mockResolvedValueOnce(SETTINGS).mockResolvedValueOnce(EMPTY);
    const element = await mount();

    byId(element, 'reload')?.click();
    await flush();

    expect(mockGet).toHaveBeenCalledTimes(2);
    expect(byId(element, 'no-rules')).not.toBeNull();
  });
});

describe('settingsForm', () => {
  it('splits list text at lines and semicolons', () => {
    expect(splitValues(' Application \n\nPartner Portal;SAML Site SSO\r\n')).toEqual([
      'Application',
      'Partner Portal',
      'SAML Site SSO'
    ]);
    expect(splitValues('')).toEqual([]);
  });

  it('sends read-only values back unchanged', () => {
    const form = toForm(SETTINGS);

    const result = toPayload({ ...form, scopeField: '  ', loginBackfillDays: '' }, SETTINGS);

    expect(result.errors).toEqual({});
    expect(result.settings?.scopeField).toBeNull();
    expect(result.settings?.loginBackfillDays).toBeNull();
    expect(result.settings?.knownLoginTypes).toEqual(SETTINGS.knownLoginTypes);
    expect(result.settings?.problems).toEqual(SETTINGS.problems);
  });

  it('rejects a sort order that is not whole', () => {
    const form = toForm(SETTINGS);

    const result = toPayload(
      { ...form, rules: updateRule(form.rules, form.rules[0].key, 'sortOrder', 'ten') },
      SETTINGS
    );

    expect(result.settings).toBeNull();
    expect(result.errors['attributionRules.0.sortOrder']).toBe(
      'Rule 1: sort order "ten" is not a whole number. Enter digits, or leave it blank.'
    );
  });

  it('joins two errors of one field', () => {
    expect(
      errorsByField([
        { field: 'loginTypes', message: 'First.' },
        { field: 'loginTypes', message: 'Second.' },
        { field: null, message: null }
      ])
    ).toEqual({ loginTypes: 'First. Second.', settings: 'This value is invalid.' });
  });
});
