/**
 * The local Apex adapter: one handler per @AuraEnabled method of the package, which returns the shapes the Apex
 * classes return, computed from the reference engine and the change store.
 *
 * Each handler's type comes from the generated declaration of its `@salesforce/apex/<Class>.<method>` module
 * (types/apex.generated.d.ts), so `npm run check:types` fails when a handler returns something that differs from
 * the Apex return type. The adapter test fails when an @AuraEnabled method has no handler here.
 */
import type getPortfolioMethod from '@salesforce/apex/HealthPortfolioController.getPortfolio';
import type getJobStatusMethod from '@salesforce/apex/HealthJobController.getStatus';
import type ensureScheduledMethod from '@salesforce/apex/HealthJobController.ensureScheduled';
import type runNowMethod from '@salesforce/apex/HealthJobController.runNow';
import type unscheduleMethod from '@salesforce/apex/HealthJobController.unschedule';
import type getDeploymentStatusMethod from '@salesforce/apex/CockpitSettingsController.getDeploymentStatus';
import type getLoginSourceSettingsMethod from '@salesforce/apex/CockpitSettingsController.getLoginSourceSettings';
import type saveLoginSourceSettingsMethod from '@salesforce/apex/CockpitSettingsController.saveLoginSourceSettings';
import type getModelValidationMethod from '@salesforce/apex/HealthModelAdminController.getModelValidation';
import type getPreviewDataMethod from '@salesforce/apex/HealthModelAdminController.getPreviewData';
import type getScorecardMethod from '@salesforce/apex/HealthScorecardController.getScorecard';
import type recalculateMethod from '@salesforce/apex/HealthScorecardController.recalculate';
import type requestOverrideMethod from '@salesforce/apex/HealthScorecardController.requestOverride';
import type closeRiskMethod from '@salesforce/apex/RiskRegisterController.closeRisk';
import type createRiskMethod from '@salesforce/apex/RiskRegisterController.createRisk';
import type escalateMethod from '@salesforce/apex/RiskRegisterController.escalate';
import type getRegisterMethod from '@salesforce/apex/RiskRegisterController.getRegister';
import type logCheckInMethod from '@salesforce/apex/RiskRegisterController.logCheckIn';
import type addActionItemMethod from '@salesforce/apex/QbrBuilderController.addActionItem';
import type getReviewDataMethod from '@salesforce/apex/QbrBuilderController.getReviewData';
import type saveDeckMethod from '@salesforce/apex/QbrBuilderController.saveDeck';
import type saveReviewMethod from '@salesforce/apex/QbrBuilderController.saveReview';
import type getCountdownMethod from '@salesforce/apex/RenewalCountdownController.getCountdown';
import type recordCallMethod from '@salesforce/apex/RenewalCountdownController.recordCall';
import type createFromTemplateMethod from '@salesforce/apex/SuccessPlanController.createFromTemplate';
import type getPlanMethod from '@salesforce/apex/SuccessPlanController.getPlan';
import type getTemplatesMethod from '@salesforce/apex/SuccessPlanController.getTemplates';
import type setMilestoneCompletedMethod from '@salesforce/apex/SuccessPlanController.setMilestoneCompleted';
import type updateObjectiveMethod from '@salesforce/apex/SuccessPlanController.updateObjective';
import type updatePlanMethod from '@salesforce/apex/SuccessPlanController.updatePlan';
import type getAdoptionScorecardMethod from '@salesforce/apex/AdoptionScorecardController.getScorecard';
import type getPlaybooksMethod from '@salesforce/apex/AdoptionPlaybookController.getPlaybooks';
import type suggestPlaybookMethod from '@salesforce/apex/AdoptionPlaybookController.suggestPlaybook';
import type createPlaybookMethod from '@salesforce/apex/AdoptionPlaybookController.createPlaybook';
import type setPlaybookStatusMethod from '@salesforce/apex/AdoptionPlaybookController.setStatus';
import type getExpansionMapMethod from '@salesforce/apex/ExpansionMapController.getExpansionMap';
import type recordTriggerMethod from '@salesforce/apex/ExpansionMapController.recordTrigger';
import type handOffMethod from '@salesforce/apex/ExpansionMapController.handOff';
import { ApexError, booleanParam, dateParam, decimalParam, idParam, integerParam, stringParam } from './apexErrors';
import { barrierInputsParam, createPlaybook, getPlaybooks, setStatus, suggestPlaybook } from './adoptionPlaybook';
import { getScorecard as getAdoptionScorecard } from './adoptionScorecard';
import type { CockpitData } from './data';
import { getExpansionMap, handOff, recordTrigger } from './expansionMap';
import { ensureScheduled, getJobStatus, runNow, unschedule } from './jobStatus';
import { getModelValidation, getPreviewData } from './modelAdmin';
import { getPortfolio } from './portfolio';
import {
  getDeploymentStatus,
  getLoginSourceSettings,
  loginSourceSettingsParam,
  saveLoginSourceSettings
} from './settings';
import { addActionItem, getReviewData, saveDeck, saveReview } from './qbrBuilder';
import { getCountdown, recordCall } from './renewalCountdown';
import { closeRisk, createRisk, escalate, getRegister, logCheckIn } from './riskRegister';
import { getScorecard, recalculate, requestOverride } from './scorecard';
import {
  createFromTemplate,
  getPlan,
  getTemplates,
  setMilestoneCompleted,
  updateObjective,
  updatePlan
} from './successPlan';
import type { CockpitStore } from './store';
import type { CockpitUser } from './users';

/** The handler type of an imported Apex method: its parameters in, a promise of its Apex return type out. */
type Handler<Method> = Method extends (params: infer Params) => Promise<infer Result>
  ? (params: Params) => Promise<Result>
  : never;

/** Every @AuraEnabled method of the package by `<Class>.<method>`, typed from the generated declarations. */
export interface ApexMethods {
  'HealthJobController.getStatus': Handler<typeof getJobStatusMethod>;
  'HealthJobController.ensureScheduled': Handler<typeof ensureScheduledMethod>;
  'HealthJobController.runNow': Handler<typeof runNowMethod>;
  'HealthJobController.unschedule': Handler<typeof unscheduleMethod>;
  'CockpitSettingsController.getLoginSourceSettings': Handler<typeof getLoginSourceSettingsMethod>;
  'CockpitSettingsController.saveLoginSourceSettings': Handler<typeof saveLoginSourceSettingsMethod>;
  'CockpitSettingsController.getDeploymentStatus': Handler<typeof getDeploymentStatusMethod>;
  'HealthModelAdminController.getModelValidation': Handler<typeof getModelValidationMethod>;
  'HealthModelAdminController.getPreviewData': Handler<typeof getPreviewDataMethod>;
  'HealthPortfolioController.getPortfolio': Handler<typeof getPortfolioMethod>;
  'HealthScorecardController.getScorecard': Handler<typeof getScorecardMethod>;
  'HealthScorecardController.recalculate': Handler<typeof recalculateMethod>;
  'HealthScorecardController.requestOverride': Handler<typeof requestOverrideMethod>;
  'RiskRegisterController.getRegister': Handler<typeof getRegisterMethod>;
  'RiskRegisterController.createRisk': Handler<typeof createRiskMethod>;
  'RiskRegisterController.escalate': Handler<typeof escalateMethod>;
  'RiskRegisterController.logCheckIn': Handler<typeof logCheckInMethod>;
  'RiskRegisterController.closeRisk': Handler<typeof closeRiskMethod>;
  'SuccessPlanController.getPlan': Handler<typeof getPlanMethod>;
  'SuccessPlanController.getTemplates': Handler<typeof getTemplatesMethod>;
  'SuccessPlanController.createFromTemplate': Handler<typeof createFromTemplateMethod>;
  'SuccessPlanController.updatePlan': Handler<typeof updatePlanMethod>;
  'SuccessPlanController.updateObjective': Handler<typeof updateObjectiveMethod>;
  'SuccessPlanController.setMilestoneCompleted': Handler<typeof setMilestoneCompletedMethod>;
  'RenewalCountdownController.getCountdown': Handler<typeof getCountdownMethod>;
  'RenewalCountdownController.recordCall': Handler<typeof recordCallMethod>;
  'QbrBuilderController.getReviewData': Handler<typeof getReviewDataMethod>;
  'QbrBuilderController.saveReview': Handler<typeof saveReviewMethod>;
  'QbrBuilderController.addActionItem': Handler<typeof addActionItemMethod>;
  'QbrBuilderController.saveDeck': Handler<typeof saveDeckMethod>;
  'AdoptionScorecardController.getScorecard': Handler<typeof getAdoptionScorecardMethod>;
  'AdoptionPlaybookController.getPlaybooks': Handler<typeof getPlaybooksMethod>;
  'AdoptionPlaybookController.suggestPlaybook': Handler<typeof suggestPlaybookMethod>;
  'AdoptionPlaybookController.createPlaybook': Handler<typeof createPlaybookMethod>;
  'AdoptionPlaybookController.setStatus': Handler<typeof setPlaybookStatusMethod>;
  'ExpansionMapController.getExpansionMap': Handler<typeof getExpansionMapMethod>;
  'ExpansionMapController.recordTrigger': Handler<typeof recordTriggerMethod>;
  'ExpansionMapController.handOff': Handler<typeof handOffMethod>;
}

/** Name of an Apex method the adapter handles, `<Class>.<method>`. */
export type ApexMethodName = keyof ApexMethods;

/** Data, store, user and clock of the handlers. */
export interface AdapterContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  /** Today's date YYYY-MM-DD in local time, as Date.today() in the user's time zone. */
  today: () => string;
  now: () => Date;
}

/** The JSON parameters of a call; handlers convert each one to its Apex type. */
type RawParams = Record<string, unknown>;

function raw(params: unknown): RawParams {
  return typeof params === 'object' && params !== null ? (params as RawParams) : {};
}

/**
 * Creates the adapter's handlers. Handlers read the context only when called, so listing the method names needs
 * no data.
 * @param context Scored export, change store, cockpit user and clock.
 */
export function createApexAdapter(context: AdapterContext): ApexMethods {
  return {
    'HealthJobController.getStatus': async () => getJobStatus(context),
    'HealthJobController.ensureScheduled': async () => ensureScheduled(context),
    'HealthJobController.runNow': async () => runNow(context),
    'HealthJobController.unschedule': async () => unschedule(context),
    'CockpitSettingsController.getLoginSourceSettings': async () => getLoginSourceSettings(context),
    'CockpitSettingsController.saveLoginSourceSettings': async (params) =>
      saveLoginSourceSettings(context, loginSourceSettingsParam(raw(params).settings)),
    'CockpitSettingsController.getDeploymentStatus': async (params) =>
      getDeploymentStatus(context, stringParam('deploymentId', raw(params).deploymentId)),
    'HealthModelAdminController.getModelValidation': async () => getModelValidation(context),
    'HealthModelAdminController.getPreviewData': async (params) => {
      const values = raw(params);
      return getPreviewData(context, {
        modelName: stringParam('modelName', values.modelName),
        maxAccounts: integerParam('maxAccounts', values.maxAccounts)
      });
    },
    'HealthPortfolioController.getPortfolio': async (params) => {
      const values = raw(params);
      return getPortfolio(context, {
        band: stringParam('band', values.band),
        ownerId: stringParam('ownerId', values.ownerId),
        segment: stringParam('segment', values.segment),
        renewalWindowDays: integerParam('renewalWindowDays', values.renewalWindowDays),
        movedIntoRedOnly: booleanParam('movedIntoRedOnly', values.movedIntoRedOnly),
        maxRows: integerParam('maxRows', values.maxRows)
      });
    },
    'HealthScorecardController.getScorecard': async (params) =>
      getScorecard(context, idParam('accountId', raw(params).accountId)),
    'HealthScorecardController.recalculate': async (params) =>
      recalculate(context, idParam('accountId', raw(params).accountId)),
    'HealthScorecardController.requestOverride': async (params) => {
      const values = raw(params);
      return requestOverride(context, {
        accountId: idParam('accountId', values.accountId),
        measure: stringParam('measure', values.measure),
        value: decimalParam('value', values.value),
        reason: stringParam('reason', values.reason),
        expiresOn: dateParam('expiresOn', values.expiresOn)
      });
    },
    'RiskRegisterController.getRegister': async (params) =>
      getRegister(context, idParam('accountId', raw(params).accountId)),
    'RiskRegisterController.createRisk': async (params) => {
      const values = raw(params);
      return createRisk(context, {
        accountId: idParam('accountId', values.accountId),
        category: stringParam('category', values.category),
        severity: stringParam('severity', values.severity),
        evidence: stringParam('evidence', values.evidence),
        resolutionCriteria: stringParam('resolutionCriteria', values.resolutionCriteria)
      });
    },
    'RiskRegisterController.escalate': async (params) => {
      const values = raw(params);
      return escalate(context, idParam('riskId', values.riskId), stringParam('reason', values.reason));
    },
    'RiskRegisterController.logCheckIn': async (params) => {
      const values = raw(params);
      return logCheckIn(
        context,
        idParam('riskId', values.riskId),
        stringParam('notes', values.notes),
        dateParam('nextCheckIn', values.nextCheckIn)
      );
    },
    'RiskRegisterController.closeRisk': async (params) => {
      const values = raw(params);
      return closeRisk(
        context,
        idParam('riskId', values.riskId),
        stringParam('status', values.status),
        stringParam('note', values.note)
      );
    },
    'SuccessPlanController.getPlan': async (params) => getPlan(context, idParam('accountId', raw(params).accountId)),
    'SuccessPlanController.getTemplates': async () => getTemplates(context),
    'SuccessPlanController.createFromTemplate': async (params) => {
      const values = raw(params);
      return createFromTemplate(context, {
        accountId: idParam('accountId', values.accountId),
        templateName: stringParam('templateName', values.templateName),
        startDate: dateParam('startDate', values.startDate),
        executiveSponsorId: idParam('executiveSponsorId', values.executiveSponsorId),
        championId: idParam('championId', values.championId)
      });
    },
    'SuccessPlanController.updatePlan': async (params) => {
      const values = raw(params);
      return updatePlan(context, idParam('planId', values.planId), {
        status: stringParam('status', values.status),
        stage: stringParam('stage', values.stage),
        executiveSponsorId: idParam('executiveSponsorId', values.executiveSponsorId),
        championId: idParam('championId', values.championId),
        reviewCadenceDays: integerParam('reviewCadenceDays', values.reviewCadenceDays),
        nextReview: dateParam('nextReview', values.nextReview),
        escalationPath: stringParam('escalationPath', values.escalationPath)
      });
    },
    'SuccessPlanController.updateObjective': async (params) => {
      const values = raw(params);
      return updateObjective(
        context,
        idParam('objectiveId', values.objectiveId),
        decimalParam('currentValue', values.currentValue),
        stringParam('status', values.status),
        dateParam('dueDate', values.dueDate)
      );
    },
    'SuccessPlanController.setMilestoneCompleted': async (params) => {
      const values = raw(params);
      return setMilestoneCompleted(
        context,
        idParam('milestoneId', values.milestoneId),
        booleanParam('completed', values.completed)
      );
    },
    'RenewalCountdownController.getCountdown': async (params) =>
      getCountdown(context, idParam('accountId', raw(params).accountId)),
    'RenewalCountdownController.recordCall': async (params) => {
      const values = raw(params);
      return recordCall(
        context,
        idParam('accountId', values.accountId),
        integerParam('daysBefore', values.daysBefore),
        stringParam('call', values.call),
        stringParam('note', values.note)
      );
    },
    'QbrBuilderController.getReviewData': async (params) => {
      const values = raw(params);
      return getReviewData(context, idParam('accountId', values.accountId), stringParam('quarter', values.quarter));
    },
    'QbrBuilderController.saveReview': async (params) => {
      const values = raw(params);
      return saveReview(context, {
        accountId: idParam('accountId', values.accountId),
        quarter: stringParam('quarter', values.quarter),
        status: stringParam('status', values.status),
        wins: stringParam('wins', values.wins),
        challenges: stringParam('challenges', values.challenges),
        roadmapAlignment: stringParam('roadmapAlignment', values.roadmapAlignment),
        insights: stringParam('insights', values.insights),
        nextPeriodGoals: stringParam('nextPeriodGoals', values.nextPeriodGoals),
        includedSlides: stringParam('includedSlides', values.includedSlides),
        readinessScore: integerParam('readinessScore', values.readinessScore),
        readinessBand: stringParam('readinessBand', values.readinessBand)
      });
    },
    'QbrBuilderController.addActionItem': async (params) => {
      const values = raw(params);
      return addActionItem(
        context,
        idParam('reviewId', values.reviewId),
        stringParam('subject', values.subject),
        idParam('ownerId', values.ownerId),
        dateParam('dueDate', values.dueDate)
      );
    },
    'QbrBuilderController.saveDeck': async (params) => {
      const values = raw(params);
      return saveDeck(
        context,
        idParam('reviewId', values.reviewId),
        stringParam('fileName', values.fileName),
        stringParam('base64Data', values.base64Data)
      );
    },
    'AdoptionScorecardController.getScorecard': async (params) => {
      const values = raw(params);
      return getAdoptionScorecard(context, idParam('accountId', values.accountId), dateParam('month', values.month));
    },
    'AdoptionPlaybookController.getPlaybooks': async (params) =>
      getPlaybooks(context, idParam('accountId', raw(params).accountId)),
    'AdoptionPlaybookController.suggestPlaybook': async (params) => {
      const values = raw(params);
      return suggestPlaybook(
        context,
        idParam('accountId', values.accountId),
        stringParam('featureKey', values.featureKey),
        stringParam('segmentType', values.segmentType),
        stringParam('segment', values.segment)
      );
    },
    'AdoptionPlaybookController.createPlaybook': async (params) => {
      const values = raw(params);
      return createPlaybook(context, {
        accountId: idParam('accountId', values.accountId),
        featureKey: stringParam('featureKey', values.featureKey),
        segmentType: stringParam('segmentType', values.segmentType),
        segment: stringParam('segment', values.segment),
        targetPercent: decimalParam('targetPercent', values.targetPercent),
        targetDate: dateParam('targetDate', values.targetDate),
        barriers: barrierInputsParam('barriers', values.barriers)
      });
    },
    'AdoptionPlaybookController.setStatus': async (params) => {
      const values = raw(params);
      setStatus(context, idParam('playbookId', values.playbookId), stringParam('status', values.status));
    },
    'ExpansionMapController.getExpansionMap': async (params) =>
      getExpansionMap(context, idParam('accountId', raw(params).accountId)),
    'ExpansionMapController.recordTrigger': async (params) => {
      const values = raw(params);
      return recordTrigger(
        context,
        idParam('accountId', values.accountId),
        stringParam('type', values.type),
        dateParam('occurredOn', values.occurredOn),
        stringParam('description', values.description)
      );
    },
    'ExpansionMapController.handOff': async (params) => {
      const values = raw(params);
      return handOff(
        context,
        idParam('accountId', values.accountId),
        stringParam('productCode', values.productCode),
        stringParam('hypothesis', values.hypothesis)
      );
    }
  };
}

/** The requested method is not an @AuraEnabled method that the adapter handles. */
export class UnknownApexMethodError extends ApexError {
  constructor(name: string, known: string[]) {
    super(
      `Apex method ${name} does not exist offline. Use one of ${known.join(', ')}; if the package has a new ` +
        '@AuraEnabled method, add its handler to scripts/cockpit/adapter.ts.',
      'System.NoSuchMethodException',
      404
    );
  }
}

/**
 * Calls a handler by name with JSON parameters.
 * @param adapter The adapter's handlers.
 * @param name `<Class>.<method>`.
 * @param params Parameters by name, as the component sent them.
 * @returns The method's return value.
 * @throws UnknownApexMethodError for an unknown name, ApexError for a failure the Apex method would report.
 */
export async function invokeApex(adapter: ApexMethods, name: string, params: unknown): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(adapter, name)) {
    throw new UnknownApexMethodError(name, Object.keys(adapter).sort());
  }
  const handler = adapter[name as ApexMethodName] as (params: unknown) => Promise<unknown>;
  return handler(raw(params));
}
