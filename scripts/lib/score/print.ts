/**
 * Terminal output of a scored portfolio: one line per account, riskiest first, and a summary line.
 */
import type { AccountHealth } from 'c/healthEngine';

/** Counts of a portfolio by band. */
export interface PortfolioSummary {
  accounts: number;
  red: number;
  yellow: number;
  green: number;
  insufficient: number;
  /** Annual recurring revenue of the red accounts. */
  redArr: number;
}

function fit(text: string, width: number): string {
  const clean = text.replace(/\s+/g, ' ');
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean.padEnd(width);
}

function trendCell(health: AccountHealth): string {
  if (health.trend.slopePerWeek === null) {
    return 'unknown';
  }
  const slope = health.trend.slopePerWeek;
  return `${health.trend.direction.toLowerCase()} ${slope > 0 ? '+' : ''}${slope.toFixed(1)}/wk`;
}

/** Summarises the bands and the red accounts' ARR. */
export function summarize(healths: AccountHealth[], arrOf: (accountId: string) => number | null): PortfolioSummary {
  const summary: PortfolioSummary = {
    accounts: healths.length,
    red: 0,
    yellow: 0,
    green: 0,
    insufficient: 0,
    redArr: 0
  };
  for (const health of healths) {
    if (health.band === 'Red') {
      summary.red++;
      summary.redArr += arrOf(health.accountId) ?? 0;
    } else if (health.band === 'Yellow') {
      summary.yellow++;
    } else if (health.band === 'Green') {
      summary.green++;
    } else {
      summary.insufficient++;
    }
  }
  return summary;
}

/** Formats the portfolio table; `healths` must already be sorted by risk. */
export function formatPortfolio(healths: AccountHealth[]): string[] {
  const lines = [
    `${fit('Account', 34)} ${'Score'.padStart(5)}  ${fit('Band', 12)} ${'Cover'.padStart(5)}  ${fit('Trend', 20)} Top reason`
  ];
  for (const health of healths) {
    const score = health.score === null ? '-' : health.score.toFixed(1);
    const band = health.isInsufficient ? 'Insufficient' : health.band + (health.isCapped ? ' (cap)' : '');
    lines.push(
      `${fit(health.accountName, 34)} ${score.padStart(5)}  ${fit(band, 12)} ${`${Math.round(health.coverage * 100)}%`.padStart(5)}  ` +
        `${fit(trendCell(health), 20)} ${fit(health.topReason, 70).trimEnd()}`
    );
  }
  return lines;
}

/** Formats the summary line, for example `200 accounts: 31 red, 74 yellow, 88 green, 7 insufficient data`. */
export function formatSummary(summary: PortfolioSummary): string {
  const arr = Math.round(summary.redArr)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (
    `${summary.accounts} accounts: ${summary.red} red, ${summary.yellow} yellow, ${summary.green} green, ` +
    `${summary.insufficient} insufficient data; ARR in red accounts $${arr}`
  );
}
