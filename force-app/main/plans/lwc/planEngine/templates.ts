import { formatIsoDate, parseIsoDate } from 'c/healthEngine';
import type { PlanTemplate, PlanTemplateItem, TemplateInstance, TemplateMilestone, TemplateObjective } from './types';

/** Compares two strings by UTF-16 code units, like Apex `String.compareTo`, so the order does not depend on a locale. */
function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Orders template items by sortOrder ascending (items without one last), then by title. */
function compareItems(left: PlanTemplateItem, right: PlanTemplateItem): number {
  if (left.sortOrder !== right.sortOrder) {
    if (left.sortOrder === null) {
      return 1;
    }
    if (right.sortOrder === null) {
      return -1;
    }
    return left.sortOrder - right.sortOrder;
  }
  return compareText(left.title, right.title);
}

/** Returns the items of one template in creation order; `Array.prototype.sort` is stable, so ties keep input order. */
function itemsOf(template: PlanTemplate, items: PlanTemplateItem[]): PlanTemplateItem[] {
  return items.filter((item) => item.template === template.name).sort(compareItems);
}

/**
 * Creates the dates, objectives and milestones of a new plan from a template, without validating it (run
 * `validatePlanTemplate` first). Only items whose `template` is the template's name are used, ordered by sortOrder
 * ascending (items without one last), then by title.
 * - endDate = startDate + durationDays; nextReview = startDate + reviewCadenceDays, or null without a cadence.
 * - Objective: outcome = title; successMetric, unit, capability, target and sortOrder copied from the item; status
 *   NotStarted; baseline and currentValue null; dueDate = startDate + offsetDays, or null without an offset.
 * - Milestone: name = title; phase, criteria, criteriaMeasure, criteriaOperator, criteriaValue, sortOrder and
 *   objectiveKey copied; targetDate = startDate + offsetDays, or null without an offset; not completed.
 * @param template Template to apply.
 * @param items Template items; items of other templates are ignored.
 * @param startDate ISO start date of the plan.
 * @throws Error when the start date is not an ISO date.
 */
export function instantiateTemplate(
  template: PlanTemplate,
  items: PlanTemplateItem[],
  startDate: string
): TemplateInstance {
  const startDay = parseIsoDate(startDate, 'startDate');
  const dateAfter = (days: number | null): string | null => (days === null ? null : formatIsoDate(startDay + days));
  const objectives: TemplateObjective[] = [];
  const milestones: TemplateMilestone[] = [];
  for (const item of itemsOf(template, items)) {
    if (item.itemType === 'Objective') {
      objectives.push({
        key: item.key,
        outcome: item.title,
        successMetric: item.successMetric,
        unit: item.unit,
        baseline: null,
        target: item.target,
        currentValue: null,
        dueDate: dateAfter(item.offsetDays),
        status: 'NotStarted',
        capability: item.capability,
        sortOrder: item.sortOrder
      });
    } else {
      milestones.push({
        objectiveKey: item.objectiveKey,
        name: item.title,
        phase: item.phase,
        targetDate: dateAfter(item.offsetDays),
        criteria: item.criteria,
        criteriaMeasure: item.criteriaMeasure,
        criteriaOperator: item.criteriaOperator,
        criteriaValue: item.criteriaValue,
        completedDate: null,
        completionSource: null,
        sortOrder: item.sortOrder
      });
    }
  }
  return {
    endDate: formatIsoDate(startDay + template.durationDays),
    nextReview: dateAfter(template.reviewCadenceDays),
    objectives,
    milestones
  };
}

/** Lists the problems of one milestone item's criteria: partial criteria, or a measure that does not exist. */
function criteriaProblems(label: string, item: PlanTemplateItem, measureNames: Set<string>): string[] {
  const problems: string[] = [];
  const setCount = [item.criteriaMeasure, item.criteriaOperator, item.criteriaValue].filter(
    (field) => field !== null
  ).length;
  if (setCount > 0 && setCount < 3) {
    problems.push(
      `${label}: partial criteria; set CriteriaMeasure__c, CriteriaOperator__c and CriteriaValue__c together, ` +
        'or leave all three blank for a manual milestone.'
    );
  }
  if (item.criteriaMeasure !== null && !measureNames.has(item.criteriaMeasure)) {
    problems.push(
      `${label}: unknown measure ${item.criteriaMeasure}; use the DeveloperName of a HealthMeasure__mdt record.`
    );
  }
  return problems;
}

/**
 * Checks a template and its items before plans are created from it. Only items whose `template` is the template's
 * name are checked, in creation order. Problems, in this order:
 * - durationDays below 1;
 * - per item, a negative offsetDays or an offsetDays beyond durationDays;
 * - per milestone, partial criteria (one or two of criteriaMeasure, criteriaOperator and criteriaValue set);
 * - per milestone, a criteriaMeasure missing from `measureNames`, compared case-sensitively;
 * - per milestone, an objectiveKey that is not the key of an Objective item of the template;
 * - a key used by more than one item of the template (blank keys are not compared).
 * @param template Template to check.
 * @param items Template items; items of other templates are ignored.
 * @param measureNames DeveloperNames of the HealthMeasure__mdt records.
 * @returns One sentence per problem, naming the template and item; empty when the template is valid.
 */
export function validatePlanTemplate(
  template: PlanTemplate,
  items: PlanTemplateItem[],
  measureNames: string[]
): string[] {
  const problems: string[] = [];
  const knownMeasures = new Set(measureNames);
  const ownItems = itemsOf(template, items);
  if (!(template.durationDays >= 1)) {
    problems.push(
      `Template ${template.name}: durationDays is ${template.durationDays}; set DurationDays__c to 1 or more.`
    );
  }
  const objectiveKeys = new Set(
    ownItems.filter((item) => item.itemType === 'Objective' && item.key !== null).map((item) => item.key)
  );
  for (const item of ownItems) {
    const label = `Template ${template.name} item ${item.title}`;
    if (item.offsetDays !== null && item.offsetDays < 0) {
      problems.push(`${label}: negative offset ${item.offsetDays} days; set OffsetDays__c to 0 or more.`);
    } else if (item.offsetDays !== null && item.offsetDays > template.durationDays) {
      problems.push(
        `${label}: offset ${item.offsetDays} days is beyond durationDays ${template.durationDays}; ` +
          'shorten OffsetDays__c or lengthen the template.'
      );
    }
    if (item.itemType === 'Milestone') {
      problems.push(...criteriaProblems(label, item, knownMeasures));
      if (item.objectiveKey !== null && !objectiveKeys.has(item.objectiveKey)) {
        problems.push(
          `${label}: objectiveKey ${item.objectiveKey} names no objective of the template; ` +
            'use the Key__c of one of its Objective items or leave it blank.'
        );
      }
    }
  }
  const keyCounts = new Map<string, number>();
  for (const item of ownItems) {
    if (item.key !== null) {
      keyCounts.set(item.key, (keyCounts.get(item.key) ?? 0) + 1);
    }
  }
  for (const [key, count] of keyCounts) {
    if (count > 1) {
      problems.push(
        `Template ${template.name}: duplicate key ${key} on ${count} items; give each item its own Key__c.`
      );
    }
  }
  return problems;
}
