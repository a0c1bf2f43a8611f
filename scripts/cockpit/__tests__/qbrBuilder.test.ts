import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { assembleQbr, scoreReadiness, readinessInputFromQbr } from 'c/qbrEngine';
import type { QbrData } from 'c/qbrEngine';
import { repoRoot } from '../../lib/paths';
import { ApexError } from '../apexErrors';
import { cockpitPaths, packageDirectories } from '../build';
import { createCockpitApp } from '../cockpitApp';
import type { CockpitAppWithAdapter } from '../cockpitApp';
import { DOWNLOAD_URL_PREFIX, MAX_ASSIGNABLE_USERS, sizeText } from '../qbrBuilder';
import { createCockpitServer } from '../server';
import { deckFilesDir } from '../store';
import { COCKPIT_USERS } from '../users';
import type { CockpitUser } from '../users';
import { FIXED_NOW, TODAY, loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';

type ReviewData = ApexTypes.QbrBuilderController_ReviewData;

const QBR_EXPORT = path.join(__dirname, '..', '..', 'lib', 'qbr', '__tests__', 'fixtures', 'qbr-export');
const ACME = '001Q00000000001AAA';
const QUARTER = '2026-Q4';
const OLIVIA = '005Q00000000001AAA';
const FORMER_CSM = '005Q00000000003AAA';
const ACCESS_HINT = 'Ask your admin to assign you the Success Cockpit User permission set.';
/** The first bytes of a ZIP package and some padding, as base64: enough for saveDeck's checks. */
const SMALL_DECK = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(60, 7)]).toString('base64');

let fixture: CockpitFixture;
let app: CockpitAppWithAdapter;

beforeEach(async () => {
  fixture = await loadFixture({ exportDir: QBR_EXPORT, configFile: null });
  app = fixture.app();
});

afterEach(() => {
  fixture.cleanup();
});

function appFor(user: CockpitUser): CockpitAppWithAdapter {
  return createCockpitApp(fixture.data, fixture.store, user, { now: () => FIXED_NOW });
}

async function apexMessage(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApexError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('The call succeeded, but a failure was expected.');
}

function reviewData(params: Record<string, unknown> = {}, target = app): Promise<ReviewData> {
  return target.adapter['QbrBuilderController.getReviewData']({
    accountId: ACME,
    quarter: QUARTER,
    ...params
  } as never);
}

/** Parameters of a valid saveReview call. */
function reviewParams(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountId: ACME,
    quarter: QUARTER,
    status: 'Draft',
    wins: 'Kickoff held\nOnboarding time met',
    challenges: '',
    roadmapAlignment: null,
    insights: 'Ahead of peers on invoices',
    nextPeriodGoals: 'Reach 50 daily users',
    includedSlides: 'wins, title,metrics,wins',
    readinessScore: 72,
    readinessBand: 'Refine',
    ...overrides
  };
}

function saveReview(overrides: Record<string, unknown> = {}, target = app): Promise<string> {
  return target.adapter['QbrBuilderController.saveReview'](reviewParams(overrides) as never);
}

function addActionItem(reviewId: string, overrides: Record<string, unknown> = {}, target = app): Promise<string> {
  return target.adapter['QbrBuilderController.addActionItem']({
    reviewId,
    subject: 'Send the adoption plan to the sponsor',
    ownerId: OLIVIA,
    dueDate: '2026-12-15',
    ...overrides
  } as never);
}

function saveDeck(
  reviewId: string,
  overrides: Record<string, unknown> = {},
  target = app
): Promise<ApexTypes.QbrBuilderController_DeckFile> {
  return target.adapter['QbrBuilderController.saveDeck']({
    reviewId,
    fileName: 'acme-corp-qbr-2026-q4.pptx',
    base64Data: SMALL_DECK,
    ...overrides
  } as never);
}

describe('QbrBuilderController.getReviewData', () => {
  it('reads the quarter up to the export date', async () => {
    const data = await reviewData();

    expect(data.accountName).toBe('Acme Corp');
    expect(data.quarter).toBe(QUARTER);
    expect(data.asOf).toBe('2026-11-30');
    expect(data.canEdit).toBe(true);
    expect(data.review).toBeNull();
    expect(data.usage).toEqual([
      { month: '2026-10', activeUsers: 35, logins: 140 },
      { month: '2026-11', activeUsers: 44, logins: 165 }
    ]);
    expect(data.cases).toEqual({
      opened: 4,
      resolved: 4,
      openAtEnd: 2,
      highPriorityOpen: 1,
      medianResolutionDays: 6.5
    });
    expect(data.feedbackCount).toBe(2);
    expect(data.executiveSponsorName).toBe('Ada Sponsor');
    expect(data.renewalDate).toBe('2027-03-31');
  });

  it('reads health, peers and the plan', async () => {
    const state = fixture.data.account(ACME);

    const data = await reviewData();

    expect(data.currentScore).toBe(state?.health?.score);
    expect(data.healthPoints?.map((point) => point.scoredOn)).toEqual(['2026-10-05', '2026-11-02', '2026-11-30']);
    expect(data.measures?.find((measure) => measure.measure === 'DaysPastDue')).toEqual({
      measure: 'DaysPastDue',
      label: 'Days Past Due',
      value: 5,
      direction: 'LowerIsBetter'
    });
    expect(data.peerCount).toBe(4);
    expect(data.peerMedians?.find((median) => median.measure === 'DaysPastDue')).toEqual({
      measure: 'DaysPastDue',
      median: 15,
      peerCount: 4
    });
    expect(data.objectives?.map((objective) => objective.outcome)).toEqual([
      'Cut onboarding time for new teams',
      'Grow daily adoption'
    ]);
    expect(data.milestonesAchieved?.map((milestone) => milestone.completionSource)).toEqual([
      'Manual',
      'Manual',
      'Automatic'
    ]);
  });

  it('offers active internal users and the cockpit user as owners', async () => {
    const data = await reviewData();

    expect(data.owners).toEqual([
      { id: COCKPIT_USERS.csm.id, name: COCKPIT_USERS.csm.name },
      { id: OLIVIA, name: 'Olivia Owner' },
      { id: '005Q00000000002AAA', name: 'Tom Tam' }
    ]);
    expect(MAX_ASSIGNABLE_USERS).toBe(200);
  });

  it('lists the risks of the register', async () => {
    fixture.store.put('risks', 'a0HQ00000000001AAA', {
      id: 'a0HQ00000000001AAA',
      accountId: ACME,
      name: 'Adoption risk: logins fell',
      category: 'Adoption',
      severity: 'High',
      status: 'Mitigated',
      source: 'Manual',
      ruleKey: null,
      evidence: 'Logins fell',
      evidenceLinks: '',
      leadingIndicator: null,
      detectedAt: new Date(2026, 9, 12, 9, 0).toISOString(),
      ownerId: null,
      ownerName: null,
      rung: 'Manager',
      rungStartedAt: null,
      rungDeadline: null,
      checkInCadenceDays: 7,
      nextCheckIn: null,
      lastCheckInAt: null,
      resolutionCriteria: 'Logins back',
      isClosureProposed: false,
      arrAtRisk: null,
      openTasks: [],
      endedAt: new Date(2026, 10, 20, 9, 0).toISOString()
    });

    const data = await reviewData();

    expect(data.risks).toEqual([
      {
        id: 'a0HQ00000000001AAA',
        title: 'Adoption risk: logins fell',
        severity: 'High',
        status: 'Mitigated',
        rung: 'Manager',
        hasMitigation: true,
        detectedOn: '2026-10-12',
        closedOn: '2026-11-20'
      }
    ]);
  });

  it('leaves out what the user cannot read', async () => {
    const user = { ...COCKPIT_USERS.csm, canReadHealth: false, canReadPlans: false, canEditReviews: false };

    const data = await reviewData({}, appFor(user));

    expect(data.healthPoints).toBeNull();
    expect(data.currentScore).toBeNull();
    expect(data.measures).toBeNull();
    expect(data.peerMedians).toBeNull();
    expect(data.peerCount).toBe(0);
    expect(data.risks).toBeNull();
    expect(data.objectives).toBeNull();
    expect(data.milestonesAchieved).toBeNull();
    expect(data.canEdit).toBe(false);
    expect(data.cases?.opened).toBe(4);
  });

  it('assembles into a draft with the engine', async () => {
    const data = await reviewData();

    const draft = assembleQbr(data as unknown as QbrData);

    expect(draft.customer).toBe('Acme Corp');
    expect(scoreReadiness(readinessInputFromQbr(draft)).score).toBeGreaterThan(0);
  });

  it.each([
    [{ accountId: null }, 'The account Id is missing. Open the QBR builder from an Account record page.'],
    [
      { accountId: '003Q00000000001AAA' },
      'Record 003Q00000000001AAA is not an account. Place the QBR builder on an Account record page only.'
    ],
    [{ quarter: ' ' }, 'Quarter is missing. Choose a quarter in the form YYYY-Qn, for example 2026-Q4.'],
    [{ quarter: '2026-q4' }, 'Quarter "2026-q4" is not valid. Use the form YYYY-Qn, for example 2026-Q4.'],
    [
      { quarter: '2027-Q1' },
      'Quarter 2027-Q1 has not started by 2026-11-30, the as-of date of the data, so it has no data to review. ' +
        'Choose the current quarter, 2026-Q4, or an earlier one.'
    ],
    [
      { accountId: '001Q00000000099AAA', quarter: '2027-Q1' },
      'Quarter 2027-Q1 has not started by 2026-11-30, the as-of date of the data, so it has no data to review. ' +
        'Choose the current quarter, 2026-Q4, or an earlier one.'
    ],
    [
      { accountId: '001Q00000000099AAA' },
      'Access denied: account 001Q00000000099AAA does not exist or is not shared with you. Ask the account owner or ' +
        'your admin for access.'
    ]
  ])('rejects %j', async (params, message) => {
    expect(await apexMessage(reviewData(params))).toBe(message);
  });

  it('rejects a user without access', async () => {
    expect(await apexMessage(reviewData({}, fixture.app('no-access')))).toBe(
      `Access denied: you cannot read Business Review records. ${ACCESS_HINT}`
    );
  });
});

describe('QbrBuilderController.saveReview', () => {
  it('creates the review of the quarter', async () => {
    const reviewId = await saveReview();

    const data = await reviewData();
    expect(reviewId).toMatch(/^a0P\w{15}$/);
    expect(data.review).toEqual({
      id: reviewId,
      status: 'Draft',
      wins: 'Kickoff held\nOnboarding time met',
      challenges: null,
      roadmapAlignment: null,
      insights: 'Ahead of peers on invoices',
      nextPeriodGoals: 'Reach 50 daily users',
      includedSlides: 'title,wins,metrics',
      readinessScore: 72,
      readinessBand: 'Refine',
      deckFileId: null,
      deckExportedAt: null
    });
    expect(fixture.store.get('reviews', reviewId)).toMatchObject({
      name: 'Acme Corp QBR 2026-Q4',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      uniqueKey: `${ACME}-${QUARTER}`
    });
  });

  it('updates the same review and keeps its deck', async () => {
    const reviewId = await saveReview();
    const deck = await saveDeck(reviewId);

    const again = await saveReview({ status: 'Ready', readinessScore: null, readinessBand: ' ', wins: null });

    const review = (await reviewData()).review;
    expect(again).toBe(reviewId);
    expect(review?.status).toBe('Ready');
    expect(review?.readinessScore).toBeNull();
    expect(review?.readinessBand).toBeNull();
    expect(review?.wins).toBeNull();
    expect(review?.deckFileId).toBe(deck.contentDocumentId);
  });

  it('keeps reviews of other quarters apart', async () => {
    const current = await saveReview();

    const past = await saveReview({ quarter: '2026-Q3' });

    expect(past).not.toBe(current);
    expect(fixture.store.get('reviews', past)?.periodEnd).toBe('2026-09-30');
  });

  it.each([
    [{ status: 'Done' }, 'Status Done is not a valid value. Choose one of Draft, Ready, Presented.'],
    [{ status: null }, 'Status is missing. Choose one of Draft, Ready, Presented.'],
    [
      { includedSlides: 'title,Wins,summary,Wins' },
      'Included slides contain unknown slide keys: Wins, summary. Use only these keys, separated by commas: title, ' +
        'agenda, wins, metrics, adoption, challenges, roadmap, insights, nextGoals, actionItems.'
    ],
    [
      { readinessScore: null, readinessBand: 'Refine' },
      'Readiness band Refine was sent without a readiness score. Send the score with its band, or neither.'
    ],
    [{ readinessScore: 101 }, 'Readiness score 101 is out of range. Send a score from 0 to 100.'],
    [{ readinessBand: null }, 'Readiness band is missing for score 72. Send Refine, the band of that score.'],
    [
      { readinessBand: 'ReadyToPresent' },
      'Readiness band ReadyToPresent does not match score 72, whose band is Refine. Score the review again and save it.'
    ],
    [{ insights: 'x'.repeat(32769) }, 'Insights is 32769 characters long, more than the 32768 allowed. Shorten it.'],
    [{ quarter: '2026-Q5' }, 'Quarter "2026-Q5" is not valid. Use the form YYYY-Qn, for example 2026-Q4.']
  ])('rejects %j', async (overrides, message) => {
    expect(await apexMessage(saveReview(overrides))).toBe(message);
  });

  it('rejects a readiness score that is not a whole number', async () => {
    const message = await apexMessage(saveReview({ readinessScore: 72.5 }));

    expect(message).toBe("Value 72.5 provided is invalid for action parameter 'readinessScore' of type 'Integer'.");
  });

  it('rejects a user who cannot edit reviews', async () => {
    expect(await apexMessage(saveReview({}, fixture.app('no-access')))).toBe(
      `Access denied: you cannot create or edit business reviews. ${ACCESS_HINT}`
    );
  });
});

describe('QbrBuilderController.addActionItem', () => {
  it('adds Tasks that the review lists by due date', async () => {
    const reviewId = await saveReview();

    const later = await addActionItem(reviewId, { subject: 'Run the executive review', dueDate: '2027-01-20' });
    const sooner = await addActionItem(reviewId, { subject: '  Share the benchmark  ', dueDate: TODAY });

    const items = (await reviewData()).actionItems;
    expect(items).toEqual([
      {
        id: sooner,
        subject: 'Share the benchmark',
        ownerId: OLIVIA,
        ownerName: 'Olivia Owner',
        dueDate: TODAY,
        status: 'Not Started'
      },
      {
        id: later,
        subject: 'Run the executive review',
        ownerId: OLIVIA,
        ownerName: 'Olivia Owner',
        dueDate: '2027-01-20',
        status: 'Not Started'
      }
    ]);
    expect(later).toMatch(/^00T/);
  });

  it('assigns a Task to the cockpit user', async () => {
    const reviewId = await saveReview();

    await addActionItem(reviewId, { ownerId: COCKPIT_USERS.csm.id });

    expect((await reviewData()).actionItems?.[0].ownerName).toBe(COCKPIT_USERS.csm.name);
  });

  it.each([
    [
      { subject: ' ' },
      'Subject is missing. Say what is to be done, for example "Send the adoption plan to the sponsor".'
    ],
    [{ subject: 's'.repeat(256) }, 'Subject is 256 characters long, more than the 255 allowed. Shorten it.'],
    [{ ownerId: null }, 'Owner is missing. Choose who owns the action item.'],
    [
      { ownerId: '003Q00000000001AAA' },
      'Owner 003Q00000000001AAA is not a user. Choose a user as the owner of the action item.'
    ],
    [
      { ownerId: FORMER_CSM },
      `Owner ${FORMER_CSM} is not an active user you can see. Choose an active user as the owner of the action item.`
    ],
    [{ dueDate: null }, 'Due date is missing. Choose a due date from 2026-12-01 on.'],
    [{ dueDate: '2026-11-30' }, 'Due date 2026-11-30 is in the past. Choose today (2026-12-01) or a later date.']
  ])('rejects %j', async (overrides, message) => {
    const reviewId = await saveReview();

    expect(await apexMessage(addActionItem(reviewId, overrides))).toBe(message);
  });

  it('rejects a missing or unknown review', async () => {
    expect(await apexMessage(addActionItem(null as never))).toBe(
      'The review Id is missing. Save the review first, then try again.'
    );
    expect(await apexMessage(addActionItem(ACME))).toBe(
      `Record ${ACME} is not a business review. Reload the page and save the review again.`
    );
    expect(await apexMessage(addActionItem('a0PQ00000000009AAA'))).toBe(
      'Access denied: business review a0PQ00000000009AAA does not exist or is not shared with you. Reload the page; ' +
        'if the review is still shown, ask its owner for access.'
    );
  });

  it('rejects a user who cannot create Tasks', async () => {
    const reviewId = await saveReview();

    expect(await apexMessage(addActionItem(reviewId, {}, fixture.app('no-access')))).toBe(
      `Access denied: you cannot create Tasks. ${ACCESS_HINT}`
    );
  });
});

describe('QbrBuilderController.saveDeck', () => {
  it('saves the file and records it on the review', async () => {
    const reviewId = await saveReview();

    const deck = await saveDeck(reviewId);

    expect(deck.contentDocumentId).toMatch(/^069/);
    expect(deck.contentVersionId).toMatch(/^068/);
    expect(deck.downloadUrl).toBe(`${DOWNLOAD_URL_PREFIX}${deck.contentDocumentId}`);
    const file = path.join(deckFilesDir(fixture.storeFile), `${deck.contentDocumentId}.pptx`);
    expect(readFileSync(file).toString('base64')).toBe(SMALL_DECK);
    expect(fixture.store.get('decks', deck.contentDocumentId as string)).toMatchObject({
      reviewId,
      accountId: ACME,
      fileName: 'acme-corp-qbr-2026-q4.pptx',
      size: 64,
      createdById: COCKPIT_USERS.csm.id
    });
    const review = (await reviewData()).review;
    expect(review?.deckFileId).toBe(deck.contentDocumentId);
    expect(review?.deckExportedAt).toBe(FIXED_NOW.toISOString());
    expect(app.deckDownload(deck.contentDocumentId as string)).toEqual({
      file,
      fileName: 'acme-corp-qbr-2026-q4.pptx'
    });
  });

  it('keeps earlier decks', async () => {
    const reviewId = await saveReview();
    const first = await saveDeck(reviewId);

    const second = await saveDeck(reviewId, { base64Data: `${SMALL_DECK.slice(0, -4)}AAAA` });

    expect(second.contentDocumentId).not.toBe(first.contentDocumentId);
    expect(fixture.store.list('decks')).toHaveLength(2);
    expect(app.deckDownload(first.contentDocumentId as string)).not.toBeNull();
  });

  it.each([
    [{ fileName: ' ' }, 'The deck file name is missing. Export the deck again; its name ends with .pptx.'],
    [{ fileName: 'deck.ppt' }, 'File name "deck.ppt" does not end with .pptx. Save the deck as a PowerPoint file.'],
    [{ fileName: '.PPTX' }, 'File name ".PPTX" has no name before .pptx. Export the deck again.'],
    [{ fileName: '../deck.pptx' }, 'File name "../deck.pptx" contains a folder. Send the file name only.'],
    [
      { fileName: `${'d'.repeat(500)}.pptx` },
      `File name "${'d'.repeat(40)}..." is longer than 500 characters. Shorten it.`
    ],
    [{ base64Data: '' }, 'The content of deck acme-corp-qbr-2026-q4.pptx is missing. Export the deck again.'],
    [
      { base64Data: 'UEsDB' },
      'The content of deck acme-corp-qbr-2026-q4.pptx is not valid base64. Export the deck again.'
    ],
    [
      { base64Data: 'JVBERi0x' },
      'The content of deck acme-corp-qbr-2026-q4.pptx is not a PowerPoint file. Export the deck again as .pptx.'
    ],
    [
      { base64Data: 'UEsD!!!!' },
      'The content of deck acme-corp-qbr-2026-q4.pptx is not valid base64: it contains characters outside the ' +
        'base64 alphabet. Export the deck again.'
    ],
    [
      { base64Data: `UEsD${'A'.repeat(15_999_996)}` },
      'Deck acme-corp-qbr-2026-q4.pptx is 11.4 MB, more than the 10.0 MB allowed. Leave out slides or charts and ' +
        'export it again.'
    ]
  ])('rejects %j', async (overrides, message) => {
    const reviewId = await saveReview();

    expect(await apexMessage(saveDeck(reviewId, overrides))).toBe(message);
    expect(fixture.store.list('decks')).toEqual([]);
  });

  it('rejects a user who cannot save files', async () => {
    const reviewId = await saveReview();

    expect(await apexMessage(saveDeck(reviewId, {}, fixture.app('no-access')))).toBe(
      `Access denied: you cannot save files on business reviews. ${ACCESS_HINT}`
    );
  });

  it('finds no deck for an unknown Id or a user without access', async () => {
    const deck = await saveDeck(await saveReview());

    expect(app.deckDownload('069Q00000000009AAA')).toBeNull();
    expect(app.deckDownload('not an id')).toBeNull();
    expect(fixture.app('no-access').deckDownload(deck.contentDocumentId as string)).toBeNull();
  });
});

describe('SuccessPlanController.getPlan facts of the readiness score', () => {
  function getPlan(target = app): Promise<ApexTypes.SuccessPlanController_PlanView> {
    return target.adapter['SuccessPlanController.getPlan']({ accountId: ACME } as never);
  }

  it('counts feedback of 90 days and reads the renewal', async () => {
    const view = await getPlan();

    expect(view.feedbackCount).toBe(3);
    expect(view.renewalDate).toBe('2027-03-31');
    expect(view.openRisks).toEqual([]);
  });

  it('lists open risks by severity', async () => {
    const base = {
      accountId: ACME,
      category: 'Adoption',
      source: 'Manual',
      ruleKey: null,
      evidence: 'Logins fell',
      evidenceLinks: '',
      leadingIndicator: null,
      detectedAt: new Date(2026, 9, 12, 9, 0).toISOString(),
      ownerId: null,
      ownerName: null,
      rung: 'CSM',
      rungStartedAt: null,
      rungDeadline: null,
      checkInCadenceDays: 7,
      nextCheckIn: null,
      lastCheckInAt: null,
      resolutionCriteria: 'Logins back',
      isClosureProposed: false,
      arrAtRisk: null,
      endedAt: null
    };
    const task = { id: '00TQ00000000001AAA', subject: 'Call', ownerName: null, dueDate: null, status: 'Not Started' };
    fixture.store.put('risks', 'a0HQ00000000001AAA', {
      ...base,
      id: 'a0HQ00000000001AAA',
      name: 'Medium risk',
      severity: 'Medium',
      status: 'Open',
      openTasks: [task]
    });
    fixture.store.put('risks', 'a0HQ00000000002AAA', {
      ...base,
      id: 'a0HQ00000000002AAA',
      name: 'Critical risk',
      severity: 'Critical',
      status: 'Mitigating',
      openTasks: []
    });
    fixture.store.put('risks', 'a0HQ00000000003AAA', {
      ...base,
      id: 'a0HQ00000000003AAA',
      name: 'Closed risk',
      severity: 'High',
      status: 'Closed',
      openTasks: [],
      endedAt: new Date(2026, 10, 1).toISOString()
    });

    const view = await getPlan();

    expect(view.openRisks).toEqual([
      { title: 'Critical risk', severity: 'Critical', hasMitigation: false, rung: 'CSM', status: 'Mitigating' },
      { title: 'Medium risk', severity: 'Medium', hasMitigation: true, rung: 'CSM', status: 'Open' }
    ]);
  });

  it('has no risks for a user who cannot read them', async () => {
    const view = await getPlan(appFor({ ...COCKPIT_USERS.csm, canReadHealth: false }));

    expect(view.openRisks).toBeNull();
  });
});

describe('sizeText', () => {
  it.each([
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [10 * 1024 * 1024, '10.0 MB'],
    [12_000_000, '11.4 MB']
  ])('formats %i', (bytes, expected) => {
    expect(sizeText(bytes)).toBe(expected);
  });
});

describe('cockpit server with the QBR builder', () => {
  let server: Server;
  let baseUrl: string;

  beforeEach(async () => {
    server = createCockpitServer({
      publicDir: fixture.dir,
      sldsAssetsDir: cockpitPaths().sldsAssetsDir,
      packageDirs: packageDirectories(repoRoot()),
      app: () => app
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves a static resource of the package', async () => {
    const response = await fetch(`${baseUrl}/resource/chartjs`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/javascript');
    const expected = readFileSync(path.join(repoRoot(), 'force-app', 'main', 'qbr', 'staticresources', 'chartjs.js'));
    expect(Buffer.from(await response.arrayBuffer()).equals(expected)).toBe(true);
  });

  it('reports an unknown static resource', async () => {
    const response = await fetch(`${baseUrl}/resource/nothing`);

    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toContain('Static resource nothing was not found');
  });

  it('accepts a deck larger than other parameters and downloads it', async () => {
    const reviewId = await saveReview();
    // 1.5 MB of content, more than the 1 MB body of other Apex calls.
    const content = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(1_500_000, 1)]);

    const saved = await fetch(`${baseUrl}/api/apex/QbrBuilderController.saveDeck`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reviewId, fileName: 'acme-corp-qbr-2026-q4.pptx', base64Data: content.toString('base64') })
    });
    const deck = (await saved.json()) as ApexTypes.QbrBuilderController_DeckFile;
    const download = await fetch(`${baseUrl}${deck.downloadUrl}`);

    expect(saved.status).toBe(200);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation'
    );
    expect(download.headers.get('content-disposition')).toContain('filename="acme-corp-qbr-2026-q4.pptx"');
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
  });

  it('reports a missing deck', async () => {
    const response = await fetch(`${baseUrl}${DOWNLOAD_URL_PREFIX}069Q00000000009AAA`);

    expect(response.status).toBe(404);
    expect(existsSync(deckFilesDir(fixture.storeFile))).toBe(false);
  });
});
