import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getStatus from '@salesforce/apex/HealthJobController.getStatus';
import ensureScheduled from '@salesforce/apex/HealthJobController.ensureScheduled';
import { reduceErrors } from 'c/ldsUtils';
import {
  PERMISSION_DENIED_PREFIX,
  buildWarnings,
  describeFailures,
  describeLastRun,
  formatDateTime
} from './jobStatusView';
import type { JobWarning } from './jobStatusView';

type JobStatus = ApexTypes.HealthJobStatus;

/**
 * Status card of the nightly health job for admins. It shows when the job runs next, how the last batch job ended, the
 * errors of the last 7 days and the user the job runs as, with a warning for each problem. Its action schedules the job
 * again. Only users with the Recalculate Health custom permission get the status, and others see the server's message.
 */
export default class HealthJobStatus extends LightningElement {
  status?: JobStatus;
  loadError?: unknown;
  isLoading = true;
  isWorking = false;

  override connectedCallback(): void {
    // load() catches its own failures and shows them, so the promise needs no handler here.
    this.load();
  }

  get loadErrorMessages(): string[] {
    return this.loadError === undefined ? [] : reduceErrors(this.loadError);
  }

  get permissionDeniedMessage(): string {
    return this.loadErrorMessages.find((message) => message.startsWith(PERMISSION_DENIED_PREFIX)) ?? '';
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

  get isScheduled(): boolean {
    return this.status?.isScheduled === true;
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
    return describeFailures(this.status?.failuresLast7Days);
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

  async handleRefresh(): Promise<void> {
    if (this.isWorking) {
      return;
    }
    this.isWorking = true;
    await this.load();
    this.isWorking = false;
  }

  async handleEnsureScheduled(): Promise<void> {
    if (this.isWorking) {
      return;
    }
    this.isWorking = true;
    try {
      const status = await ensureScheduled();
      this.status = status;
      this.loadError = undefined;
      const nextRun = formatDateTime(status.nextRun);
      const when = nextRun ? ` It runs next on ${nextRun}` : ' It runs daily at 02:00';
      this.showToast(
        'Health job scheduled',
        `${when.trim()} as ${status.runAsUserName ?? 'you'}. Any earlier schedule was replaced.`,
        'success'
      );
    } catch (error: unknown) {
      this.showToast('The health job was not scheduled', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
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
  }

  private showToast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
