import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getStatus from '@salesforce/apex/HealthJobController.getStatus';
import ensureScheduled from '@salesforce/apex/HealthJobController.ensureScheduled';
import runNow from '@salesforce/apex/HealthJobController.runNow';
import unschedule from '@salesforce/apex/HealthJobController.unschedule';
import { reduceErrors } from 'c/ldsUtils';
import {
  ACCESS_DENIED_PREFIX,
  buildErrorRows,
  buildRunRows,
  buildWarnings,
  describeErrorCount,
  describeFailures,
  describeLastRun,
  describeStartedRun,
  formatDateTime,
  hasActiveJob
} from './jobStatusView';
import type { ErrorRow, JobWarning, RunRow } from './jobStatusView';

type JobStatus = ApexTypes.HealthJobStatus;
type ToastVariant = 'success' | 'warning' | 'error';

/** Milliseconds between two status requests while a batch job of the health job is queued or processing. */
export const POLL_INTERVAL_MS = 3000;

/**
 * Status card of the nightly health job for admins. It shows when the job runs next, whether a run is in progress,
 * the latest batch job of each job class with its chunks, the errors of the last run with their record Ids, the errors
 * of the last 7 days and the user the job runs as, with a warning for each problem. Users with the Control Health Jobs
 * custom permission start a run now, schedule the job again or unschedule it before a package upgrade; others see the
 * state only. Users with neither Control Health Jobs nor Recalculate Health see the server's message.
 */
export default class HealthJobStatus extends LightningElement {
  status?: JobStatus;
  loadError?: unknown;
  isLoading = true;
  isWorking = false;
  isConfirmingUnschedule = false;
  /**
   * Space between a formatted date or a name and the text after it. The LWC compiler drops whitespace before a tag,
   * so the space must come from bound text.
   */
  readonly textSeparator = ' ';
  readonly nextRunLabel = 'Scheduled daily. Next run: ';
  /** Selector of the element to focus after the next render, so keyboard users stay where the action moved them. */
  private focusOnRender: string | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private isAttached = false;

  override connectedCallback(): void {
    this.isAttached = true;
    // load() catches its own failures and shows them, so the promise needs no handler here.
    this.load();
  }

  override disconnectedCallback(): void {
    this.isAttached = false;
    this.stopPolling();
  }

  override renderedCallback(): void {
    if (this.focusOnRender === null) {
      return;
    }
    const target = this.template?.querySelector<HTMLElement>(this.focusOnRender);
    this.focusOnRender = null;
    target?.focus();
  }

  get loadErrorMessages(): string[] {
    return this.loadError === undefined ? [] : reduceErrors(this.loadError);
  }

  get permissionDeniedMessage(): string {
    return this.loadErrorMessages.find((message) => message.startsWith(ACCESS_DENIED_PREFIX)) ?? '';
  }

  get isPermissionDenied(): boolean {
    return this.permissionDeniedMessage !== '';
  }

  get hasLoadError(): boolean {
    return this.loadError !== undefined && !this.isPermissionDenied;
  }

  get hasStatus(): boolean {
    return this.status !== undefined;
  }

  get canControl(): boolean {
    return this.status?.canControl === true;
  }

  get isViewOnly(): boolean {
    return this.hasStatus && !this.canControl;
  }

  get isRunning(): boolean {
    return this.status?.isRunning === true;
  }

  get isRunNowDisabled(): boolean {
    return this.isWorking || this.isRunning;
  }

  get isScheduled(): boolean {
    return this.status?.isScheduled === true;
  }

  get showUnschedule(): boolean {
    return this.canControl && this.isScheduled;
  }

  get nextRun(): string | null {
    return this.status?.nextRun ?? null;
  }

  get hasLastRun(): boolean {
    return Boolean(this.status?.lastRun);
  }

  get lastRun(): string | null {
    return this.status?.lastRun ?? null;
  }

  get lastRunText(): string {
    return this.status ? describeLastRun(this.status) : '';
  }

  get lastRunMessage(): string {
    return this.status?.lastRunMessage ?? '';
  }

  get failuresText(): string {
    return describeFailures(this.status?.failuresLast7Days, this.status?.canReadLog !== false);
  }

  get runAsUserName(): string {
    return this.status?.runAsUserName ?? '';
  }

  get hasRunAsUser(): boolean {
    return this.runAsUserName !== '';
  }

  get runAsFallbackText(): string {
    return this.isScheduled
      ? 'Unknown: the user who scheduled the job was not found'
      : 'Nobody: the job is not scheduled';
  }

  get runAsBadgeLabel(): string {
    return this.status?.isRunAsUserActive === false ? 'Inactive' : 'Active';
  }

  get runAsBadgeClass(): string {
    return this.status?.isRunAsUserActive === false ? 'slds-theme_error' : 'slds-theme_success';
  }

  get warnings(): JobWarning[] {
    return this.status ? buildWarnings(this.status) : [];
  }

  get hasWarnings(): boolean {
    return this.warnings.length > 0;
  }

  get runRows(): RunRow[] {
    return this.status ? buildRunRows(this.status) : [];
  }

  get hasRuns(): boolean {
    return this.runRows.length > 0;
  }

  get errorRows(): ErrorRow[] {
    return this.status ? buildErrorRows(this.status) : [];
  }

  get hasErrorRows(): boolean {
    return this.errorRows.length > 0;
  }

  get errorCaption(): string {
    return this.status ? describeErrorCount(this.status) : '';
  }

  get showErrorSection(): boolean {
    return this.status?.canReadLog !== false && this.hasRuns;
  }

  async handleRefresh(): Promise<void> {
    if (this.isWorking) {
      return;
    }
    this.isWorking = true;
    await this.load();
    this.isWorking = false;
  }

  async handleRunNow(): Promise<void> {
    await this.perform(runNow, 'The health job was not started', (status) => [
      'Health job started',
      describeStartedRun(status)
    ]);
  }

  async handleEnsureScheduled(): Promise<void> {
    await this.perform(ensureScheduled, 'The health job was not scheduled', (status) => {
      const nextRun = formatDateTime(status.nextRun);
      const when = nextRun ? `It runs next on ${nextRun}` : 'It runs daily at 02:00';
      return [
        'Health job scheduled',
        `${when} as ${status.runAsUserName ?? 'you'}. Any earlier schedule was replaced.`
      ];
    });
  }

  handleUnscheduleRequest(): void {
    this.isConfirmingUnschedule = true;
    this.focusOnRender = '[data-id="unschedule-cancel"]';
  }

  handleUnscheduleCancel(): void {
    this.isConfirmingUnschedule = false;
    this.focusOnRender = '[data-id="unschedule"]';
  }

  async handleUnscheduleConfirm(): Promise<void> {
    this.isConfirmingUnschedule = false;
    await this.perform(unschedule, 'The health job was not unscheduled', (status) => [
      'Health job unscheduled',
      status.isRunning
        ? 'No run is scheduled any more. A run is still in progress; wait until it has finished before you upgrade.'
        : 'No run is scheduled any more, so you can upgrade the package. Select Ensure scheduled afterwards.'
    ]);
  }

  private async perform(
    action: () => Promise<JobStatus>,
    failureTitle: string,
    describeSuccess: (status: JobStatus) => [string, string]
  ): Promise<void> {
    if (this.isWorking) {
      return;
    }
    this.isWorking = true;
    try {
      const status = await action();
      this.status = status;
      this.loadError = undefined;
      const [title, message] = describeSuccess(status);
      this.showToast(title, message, 'success');
    } catch (error: unknown) {
      this.showToast(failureTitle, reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
    this.schedulePoll();
  }

  private async load(): Promise<void> {
    try {
      this.status = await getStatus();
      this.loadError = undefined;
    } catch (error: unknown) {
      this.status = undefined;
      this.loadError = error;
    } finally {
      this.isLoading = false;
    }
    this.schedulePoll();
  }

  /**
   * Requests the status again after POLL_INTERVAL_MS while a batch job is queued or processing, so the card follows a
   * run without Refresh. Polling stops when no job is active, when a request fails or when the card is removed.
   */
  private schedulePoll(): void {
    this.stopPolling();
    if (!this.isAttached || !hasActiveJob(this.status)) {
      return;
    }
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- the job's state is checked at an interval
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      if (!this.isWorking) {
        // load() catches its own failures and schedules the next request itself.
        this.load();
      }
    }, POLL_INTERVAL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) {
      clearTimeout(this.pollTimer);
      this.pollTimer = null;
    }
  }

  private showToast(title: string, message: string, variant: ToastVariant): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
