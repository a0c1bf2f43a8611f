/**
 * The adoption export of the cockpit's adoption tests: Acme and Globex with feature usage, entitlements, products,
 * triggers and playbooks, and Initech without adoption data.
 */
import path from 'node:path';
import { loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';

/** Folder of the adoption export, shared with the adoption library's tests. */
export const ADOPTION_EXPORT = path.join(
  __dirname,
  '..',
  '..',
  'lib',
  'adoption',
  '__tests__',
  'fixtures',
  'adoption-export'
);

/** Scores the adoption export with a fresh store. */
export async function loadAdoptionFixture(): Promise<CockpitFixture> {
  return loadFixture({ exportDir: ADOPTION_EXPORT, configFile: null });
}
