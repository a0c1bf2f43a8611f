import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { objectiveProgress, successPlanFileName } from 'c/planEngine';
import type { ObjectiveRecord } from 'c/planEngine';
import { formatNumber } from 'c/healthEngine';
import { launchChromium } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openRoute, RENDER_TIMEOUT_MS, waitForApexResponse } from '../pageTools';

type PlanView = ApexTypes.SuccessPlanController_PlanView;
type ObjectiveView = ApexTypes.SuccessPlanController_ObjectiveView;
type CountdownView = ApexTypes.RenewalCountdownController_CountdownView;
type CheckpointView = ApexTypes.RenewalCountdownController_CheckpointView;

const PLAN = '[data-component="successPlan"]';
const COUNTDOWN = '[data-component="renewalCountdown"]';
/** Label of each call in the call form's radio group, by the call. */
const CALL_LABELS: Record<string, string> = { Commit: 'Commit', AtRisk: 'At risk', Upside: 'Upside' };
/** A call more than one band away from each health band. */
const DISAGREEING_CALLS: Record<string, string> = { Green: 'AtRisk', Yellow: 'Upside', Red: 'Commit' };

// Each case loads the Account page and waits for saves and reloads, which takes longer than Jest's default 5 s.
jest.setTimeout(120_000);

/** Accounts of the demo org that the cases use, chosen from what the cockpit serves. */
interface Candidates {
  /** An Active plan with a milestone that completed itself and an objective with a baseline and a target. */
  plan: { view: PlanView; objective: ObjectiveView };
  /** No open plan, and the user may create one. */
  noPlan: PlanView;
  /**
   * A 180- or 90-day checkpoint that is Due or Overdue without a call, a health band to disagree with, and no
   * disagreement yet.
   */
  call: { view: CountdownView; checkpoint: CheckpointView; call: string };
}

async function apex<T>(server: CockpitServer, method: string, params: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${server.url}api/apex/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params)
  });
  if (!response.ok) {
    throw new Error(`${method} failed with ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

function isMeasurable(objective: ObjectiveView): boolean {
  return objective.baseline !== null && objective.target !== null && objective.baseline !== objective.target;
}

function openCheckpoint(view: CountdownView): CheckpointView | undefined {
  return view.checkpoints?.find(
    (checkpoint) =>
      checkpoint.requiresCall === true &&
      (checkpoint.state === 'Due' || checkpoint.state === 'Overdue') &&
      checkpoint.call === null
  );
}

/** Reads every account's plan and countdown from the server and picks one account per case. */
async function findCandidates(server: CockpitServer): Promise<Candidates> {
  const list = (await (await fetch(`${server.url}api/cockpit/accounts`)).json()) as { rows: { accountId: string }[] };
  let plan: Candidates['plan'] | null = null;
  let noPlan: PlanView | null = null;
  let call: Candidates['call'] | null = null;
  for (const { accountId } of list.rows) {
    const view = await apex<PlanView>(server, 'SuccessPlanController.getPlan', { accountId });
    const objective = view.plan?.objectives?.find(isMeasurable);
    const hasAutomatic = view.plan?.milestones?.some((milestone) => milestone.state === 'AutoCompleted') === true;
    if (plan === null && view.plan?.status === 'Active' && hasAutomatic && objective && view.canEdit) {
      plan = { view, objective };
    }
    if (noPlan === null && view.plan === null && view.canCreate) {
      noPlan = view;
    }
    if (call === null) {
      const countdown = await apex<CountdownView>(server, 'RenewalCountdownController.getCountdown', { accountId });
      const checkpoint = openCheckpoint(countdown);
      const disagreeing = DISAGREEING_CALLS[countdown.dataBand ?? ''];
      // Without an earlier disagreement, the banner that appears after saving comes from this call.
      const isCandidate =
        checkpoint !== undefined &&
        disagreeing !== undefined &&
        (countdown.daysToRenewal ?? Infinity) <= 180 &&
        countdown.canRecordCall === true &&
        countdown.hasDisagreement === false;
      if (isCandidate) {
        call = { view: countdown, checkpoint: checkpoint as CheckpointView, call: disagreeing };
      }
    }
  }
  if (plan === null || noPlan === null || call === null) {
    throw new Error(
      'The demo org lacks an account for a case: ' +
        `${plan === null ? 'an Active plan with an automatic completion and a measurable objective; ' : ''}` +
        `${noPlan === null ? 'an account without an open plan; ' : ''}` +
        `${call === null ? 'a Due 180- or 90-day checkpoint without a call, with a health band. ' : ''}` +
        'Regenerate it with npm run demo:data.'
    );
  }
  return { plan, noPlan, call };
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim().replace(/\s+/g, ' ');
}

function toRecord(objective: ObjectiveView, currentValue: number): ObjectiveRecord {
  return {
    id: objective.id ?? '',
    outcome: objective.outcome ?? '',
    successMetric: objective.successMetric,
    unit: objective.unit,
    baseline: objective.baseline,
    target: objective.target,
    currentValue,
    dueDate: objective.dueDate,
    status: (objective.status ?? 'NotStarted') as ObjectiveRecord['status'],
    capability: objective.capability,
    sortOrder: null
  };
}

describe('Success plan and renewal countdown', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let candidates: Candidates;

  beforeAll(async () => {
    server = await startCockpit({ user: 'csm' });
    candidates = await findCandidates(server);
    chrome = await launchChromium();
    page = await chrome.context.newPage();
  }, DEFAULT_STARTUP_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  function accountRoute(accountId: string | null): string {
    return `#/account/${accountId ?? ''}`;
  }

  it('shows objectives and an automatic milestone', async () => {
    const { view } = candidates.plan;
    const automatic = view.plan?.milestones?.find((milestone) => milestone.state === 'AutoCompleted');

    await openRoute(page, server.url, accountRoute(view.accountId), `${PLAN} [data-id="plan-name"]`);

    expect(await text(page, `${PLAN} [data-id="plan-name"]`)).toBe(view.plan?.name);
    const outcomes = await page.locator(`${PLAN} [data-id="objective"] [data-id="outcome"]`).allInnerTexts();
    expect(outcomes.map((outcome) => outcome.trim())).toEqual(view.plan?.objectives?.map((entry) => entry.outcome));
    const row = page.locator(`${PLAN} [data-id="milestone"]`).filter({ hasText: automatic?.name ?? '' });
    expect(await row.locator('[data-id="milestone-state"]').first().innerText()).toContain(
      `Completed automatically on ${automatic?.completedDate}`
    );
  });

  it('changes progress when the current value changes', async () => {
    const { view, objective } = candidates.plan;
    const baseline = objective.baseline as number;
    const target = objective.target as number;
    // A value a quarter of the way, or three quarters when the objective is there already.
    const quarter = baseline + (target - baseline) / 4;
    const newValue =
      Math.round((objective.currentValue === quarter ? baseline + ((target - baseline) * 3) / 4 : quarter) * 100) / 100;
    const expected = objectiveProgress(toRecord(objective, newValue));
    await openRoute(page, server.url, accountRoute(view.accountId), `${PLAN} [data-id="plan-name"]`);
    const row = page.locator(`${PLAN} [data-id="objective"]`).filter({ hasText: objective.outcome ?? '' });

    await row.locator(`[data-id="edit-objective"] button`).click();
    await row.getByLabel('Current value').fill(String(newValue));
    const saved = waitForApexResponse(page, 'SuccessPlanController.updateObjective');
    await row.locator('[data-id="submit-objective"] button').click();
    expect((await saved).status()).toBe(200);

    const progress = `${formatNumber(expected as number)}% of the way to target`;
    await row.locator('[data-id="values"]', { hasText: progress }).waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page.reload();
    await page.locator(`${PLAN} [data-id="plan-name"]`).waitFor({ timeout: RENDER_TIMEOUT_MS });
    expect(await row.locator('[data-id="values"]').innerText()).toContain(progress);
  });

  it('flags a disagreeing renewal call', async () => {
    const { view, checkpoint, call } = candidates.call;
    await openRoute(page, server.url, accountRoute(view.accountId), `${COUNTDOWN} [data-id="checkpoints"]`);
    // Rows follow the order of the checkpoints; the call button leaves the row once its form is open.
    const item = page.locator(`${COUNTDOWN} [data-id="checkpoint"]`).nth(view.checkpoints?.indexOf(checkpoint) ?? -1);

    await item.locator(`[data-action="call"] button`).click();
    const form = item.locator('[data-id="call-form"]');
    await form.locator('label', { hasText: `${CALL_LABELS[call]}:` }).click();
    await form.getByLabel('Note').fill(`The sponsor's signal differs from the data; recorded by the browser test.`);
    const saved = waitForApexResponse(page, 'RenewalCountdownController.recordCall');
    await form.locator('[data-id="submit-call"] button').click();
    const response = await saved;

    expect(response.status()).toBe(200);
    expect(((await response.json()) as ApexTypes.RenewalCountdownController_CallResult).isDisagreement).toBe(true);
    await page
      .locator(`${COUNTDOWN} [data-id="disagreement-banner"]`)
      .waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
    await item.locator('[data-id="call-disagreement"]').waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
    expect(await item.locator('[data-id="call-value"]').innerText()).toContain(CALL_LABELS[call]);
  });

  it('exports the plan as Markdown', async () => {
    const { view } = candidates.plan;
    await openRoute(page, server.url, accountRoute(view.accountId), `${PLAN} [data-id="plan-name"]`);

    const download = page.waitForEvent('download', { timeout: RENDER_TIMEOUT_MS });
    await page.locator(`${PLAN} [data-id="export"] button`).click();
    const file = await download;

    expect(file.suggestedFilename()).toBe(successPlanFileName(view.accountName ?? ''));
    const content = readFileSync((await file.path()) as string, 'utf8');
    expect(content).toContain(view.plan?.name ?? '');
  });

  it('creates a plan from a template', async () => {
    const view = candidates.noPlan;
    await openRoute(page, server.url, accountRoute(view.accountId), `${PLAN} [data-id="create-form"]`);
    const form = page.locator(`${PLAN} [data-id="create-form"]`);

    await form.getByRole('combobox', { name: 'Template' }).click();
    const option = form.getByRole('option').first();
    const templateLabel = (await option.innerText()).trim();
    await option.click();
    const created = waitForApexResponse(page, 'SuccessPlanController.createFromTemplate');
    await form.locator('[data-id="submit-create"] button').click();

    expect((await created).status()).toBe(200);
    await page.locator(`${PLAN} [data-id="plan-name"]`).waitFor({ timeout: RENDER_TIMEOUT_MS });
    expect(await text(page, `${PLAN} [data-id="plan-name"]`)).toContain(view.accountName ?? '');
    expect(await text(page, `${PLAN} [data-id="status"]`)).toBe('Active');
    expect(templateLabel).not.toBe('');
  });
});
