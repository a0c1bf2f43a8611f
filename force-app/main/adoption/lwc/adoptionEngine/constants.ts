/**
 * Thresholds of the adoption rules. The Apex class AdoptionRules declares the same constants, and a Jest test
 * compares the two lists.
 */

/** Number of monthly adoption percents the trend is fitted over, the latest month included. */
export const TREND_MONTHS = 3;

/** Slope in percentage points per month within which the trend is Stable, on either side of zero. */
export const TREND_DEAD_BAND = 2;

/** Share of the entitled users that should be assigned the feature; fewer assigned users is an Access barrier. */
export const ACCESS_ASSIGNED_SHARE = 0.8;

/** Share of the assigned users who never tried the feature from which a Training barrier is diagnosed. */
export const TRAINING_UNTRIED_SHARE = 0.3;

/** Share of the users who tried the feature that should still be active; fewer is a UX barrier. */
export const UX_RETAINED_SHARE = 0.6;

/** Days after its release during which a feature counts as new, so low adoption may be an Awareness barrier. */
export const AWARENESS_NEW_DAYS = 90;

/** Share of the peer segments' median adoption below which a segment has a Relevance barrier. */
export const RELEVANCE_PEER_RATIO = 0.5;

/** Number of under-used features the scorecard flags, highest priority first. */
export const PRIORITY_FLAG_COUNT = 3;

/** Length of a playbook sprint in days; template day offsets are clamped to 0..SPRINT_DAYS. */
export const SPRINT_DAYS = 30;

/** Days from a playbook's start to its default target date. */
export const PLAYBOOK_TARGET_DAYS = 90;

/** Readiness from which a whitespace product is Ready. */
export const READY_PERCENT = 80;

/** Readiness from which a whitespace product is Developing (below READY_PERCENT). */
export const DEVELOPING_PERCENT = 50;

/** Days before the as-of date within which a business trigger makes an expansion EventTriggered. */
export const TRIGGER_WINDOW_DAYS = 180;

/** Share of the account's ARR from which a product's list price calls for an executive sponsor. */
export const EXECUTIVE_PRICE_SHARE = 0.2;
