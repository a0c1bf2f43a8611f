/**
 * The Experience Cloud site that the seeded portal users log in to. The site is found by name through the Connect
 * REST API. When it is missing, it is created from the Customer Service template and published, which makes its URL
 * live and lets its members log in. The portal profile is added to the site's members.
 */
import type { SeedConnection } from './seedConnection';
import { errorText, soqlString, text } from './seedConnection';

/** Template of a created site, which every org with Experience Cloud has. */
export const SITE_TEMPLATE = 'Customer Service';

/** Pause between two status checks of a site job. */
export const POLL_INTERVAL_MS = 10_000;

/** Salesforce stops a site creation job after 10 minutes and a publish job after 15 (`sf community` help). */
const CREATE_TIMEOUT_MS = 10 * 60_000;
const PUBLISH_TIMEOUT_MS = 15 * 60_000;

/** Time allowed for the profile to become a member of the site, which Salesforce does in the background. */
const MEMBERSHIP_TIMEOUT_MS = 5 * 60_000;

/** BackgroundOperation Status values of a job that ended without success. */
const FAILED_JOB_STATUSES = new Set(['Error', 'Failed', 'Aborted', 'Canceled']);

/** Clock and output of the site steps, replaced in tests. */
export interface SiteContext {
  connection: SeedConnection;
  log: (line: string) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

/** Input of the site step: the site's name, its URL path prefix when created, and the portal profile. */
export interface SiteRequest {
  siteName: string;
  sitePrefix: string;
  profileId: string;
  profileName: string;
}

/** A site as `GET /connect/communities` returns it. */
export interface ConnectCommunity {
  id: string;
  name: string;
  siteUrl?: string;
  status?: string;
  urlPathPrefix?: string;
}

/** Failure of the site step, with a message that names the failed part and what to do. */
export class SiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteError';
  }
}

async function findSite(context: SiteContext, siteName: string): Promise<ConnectCommunity | null> {
  let response: { communities?: ConnectCommunity[] };
  try {
    response = await context.connection.request('GET', '/connect/communities');
  } catch (error) {
    throw new SiteError(
      `Reading the Experience Cloud sites failed: ${errorText(error)}. The org needs Digital Experiences; create ` +
        'the scratch org from config/project-scratch-def.json, which enables the Communities and Sites features.'
    );
  }
  const expectedName = siteName.toLowerCase();
  return (response.communities ?? []).find((site) => site.name.toLowerCase() === expectedName) ?? null;
}

/**
 * Waits until `check` returns a value, checking every {@link POLL_INTERVAL_MS}. Throws {@link SiteError} with
 * `timeoutMessage` after `timeoutMs`.
 */
async function waitFor<T>(
  context: SiteContext,
  check: () => Promise<T | null>,
  timeoutMs: number,
  timeoutMessage: () => string
): Promise<T> {
  const deadline = context.now().getTime() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) {
      return value;
    }
    if (context.now().getTime() >= deadline) {
      throw new SiteError(timeoutMessage());
    }
    await context.sleep(POLL_INTERVAL_MS);
  }
}

/** Waits for the background job `jobId` to complete. Throws {@link SiteError} when it fails or times out. */
async function waitForJob(context: SiteContext, jobId: string, what: string, timeoutMs: number): Promise<void> {
  let status = 'unknown';
  await waitFor(
    context,
    async () => {
      const records = await context.connection.query(
        `SELECT Id, Status, Error FROM BackgroundOperation WHERE Id = ${soqlString(jobId)}`
      );
      status = text(records[0] ?? {}, 'Status') ?? 'unknown';
      if (FAILED_JOB_STATUSES.has(status)) {
        const reason = text(records[0] ?? {}, 'Error') ?? 'no error message';
        throw new SiteError(`${what} failed (job ${jobId}, status ${status}): ${reason}. Fix the cause and rerun.`);
      }
      return status === 'Complete' ? true : null;
    },
    timeoutMs,
    () =>
      `${what} did not finish within ${timeoutMs / 60_000} minutes (job ${jobId}, status ${status}). Check it in ` +
      'Setup > Digital Experiences > All Sites, then rerun.'
  );
}

async function createSite(context: SiteContext, request: SiteRequest): Promise<ConnectCommunity> {
  context.log(
    `Creating the Experience Cloud site "${request.siteName}" from the ${SITE_TEMPLATE} template at ` +
      `/${request.sitePrefix}; this takes a few minutes…`
  );
  let response: { jobId?: string };
  try {
    response = await context.connection.request('POST', '/connect/communities', {
      name: request.siteName,
      templateName: SITE_TEMPLATE,
      urlPathPrefix: request.sitePrefix,
      description: 'Site of the demo customers seeded by npm run org:seed.'
    });
  } catch (error) {
    throw new SiteError(
      `Creating the site "${request.siteName}" failed: ${errorText(error)}. If the URL path prefix is taken, rerun ` +
        'with another --site-prefix, or pass the name of an existing site with --site.'
    );
  }
  if (response.jobId) {
    await waitForJob(context, response.jobId, `Creating the site "${request.siteName}"`, CREATE_TIMEOUT_MS);
  }
  return waitFor(
    context,
    () => findSite(context, request.siteName),
    CREATE_TIMEOUT_MS,
    () => `The site "${request.siteName}" did not appear within 10 minutes; check Setup > Digital Experiences.`
  );
}

/** Adds the portal profile to the site's members when it is not one yet, and waits until Salesforce added it. */
async function ensureMembership(context: SiteContext, site: ConnectCommunity, request: SiteRequest): Promise<void> {
  const memberQuery =
    'SELECT Id, AssignmentStatus FROM NetworkMemberGroup ' +
    `WHERE NetworkId = ${soqlString(site.id)} AND ParentId = ${soqlString(request.profileId)}`;
  let members = await context.connection.query(memberQuery);
  if (members.length === 0) {
    const [outcome] = await context.connection.create('NetworkMemberGroup', [
      { NetworkId: site.id, ParentId: request.profileId }
    ]);
    if (!outcome?.success) {
      throw new SiteError(
        `Adding the profile "${request.profileName}" to the members of site "${site.name}" failed: ` +
          `${outcome?.errors.join('; ') || 'no result returned'}. Add it in Experience Workspaces > Administration > ` +
          'Members, then rerun.'
      );
    }
    context.log(`Added the profile "${request.profileName}" to the members of site "${site.name}".`);
    members = await context.connection.query(memberQuery);
  }
  let status = text(members[0] ?? {}, 'AssignmentStatus');
  await waitFor(
    context,
    async () => {
      if (status === null || status === 'Added') {
        return true;
      }
      status = text((await context.connection.query(memberQuery))[0] ?? {}, 'AssignmentStatus');
      return status === 'Added' ? true : null;
    },
    MEMBERSHIP_TIMEOUT_MS,
    () =>
      `The profile "${request.profileName}" is still "${status}" in the members of site "${site.name}" after 5 ` +
      'minutes; rerun when Salesforce has added it.'
  );
}

async function publishSite(context: SiteContext, site: ConnectCommunity): Promise<void> {
  let response: { jobId?: string };
  try {
    response = await context.connection.request('POST', `/connect/communities/${site.id}/publish`);
  } catch (error) {
    throw new SiteError(
      `Publishing the site "${site.name}" failed: ${errorText(error)}. Publish it with: ` +
        `npx sf community publish --name "${site.name}", then rerun.`
    );
  }
  if (response.jobId) {
    await waitForJob(context, response.jobId, `Publishing the site "${site.name}"`, PUBLISH_TIMEOUT_MS);
  }
  context.log(`Published the site "${site.name}", which lets its members log in.`);
}

/**
 * Finds or creates the site, makes the portal profile a member and returns the site's URL. A site created by this
 * call is published; an existing site is left as it is. Throws {@link SiteError} naming the step that failed.
 */
export async function ensureSite(context: SiteContext, request: SiteRequest): Promise<string> {
  let site = await findSite(context, request.siteName);
  const created = site === null;
  if (site === null) {
    site = await createSite(context, request);
  } else {
    context.log(`Using the existing site "${site.name}" (status ${site.status ?? 'unknown'}).`);
  }
  await ensureMembership(context, site, request);
  if (created) {
    await publishSite(context, site);
    site = (await findSite(context, request.siteName)) ?? site;
  }
  if (!site.siteUrl) {
    throw new SiteError(
      `The site "${site.name}" has no URL yet; publish it with: npx sf community publish --name "${site.name}", ` +
        'then rerun.'
    );
  }
  return site.siteUrl;
}
