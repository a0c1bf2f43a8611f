import {
  adoptionPlaybookFileName,
  adoptionScorecardFileName,
  expansionMapFileName,
  renderAdoptionPlaybook,
  renderAdoptionScorecard,
  renderExpansionMap,
  scorecardSegmentsOf,
  segmentLabelOf
} from '../adoptionEngine';
import type {
  AdoptionFactRow,
  AdoptionPlaybookModel,
  AdoptionScorecardModel,
  ExpansionMapModel,
  SegmentType
} from '../adoptionEngine';

const MONTH = '2025-05-01';

function fact(overrides: Partial<AdoptionFactRow> & { featureKey: string }): AdoptionFactRow {
  return {
    segmentType: 'All',
    segment: 'All',
    month: MONTH,
    entitledUsers: 40,
    assignedUsers: 30,
    activeUsers: 18,
    triedUsers: 24,
    adoptionPercent: 45,
    trend: 'Stable',
    trendSlope: 0.5,
    ...overrides
  };
}

function segmentFact(
  featureKey: string,
  segmentType: SegmentType,
  segment: string,
  adoptionPercent: number | null,
  trend: AdoptionFactRow['trend']
): AdoptionFactRow {
  return fact({ featureKey, segmentType, segment, adoptionPercent, trend });
}

function scorecardModel(overrides: Partial<AdoptionScorecardModel> = {}): AdoptionScorecardModel {
  return {
    customer: 'Acme Health',
    asOf: '2025-06-02',
    month: MONTH,
    features: [
      { key: 'Routing', label: 'Case Routing', valueRank: 5, targetPercent: 60 },
      { key: 'Knowledge', label: 'Knowledge Base', valueRank: 3, targetPercent: 50 }
    ],
    segments: [
      { segmentType: 'All', segment: 'All' },
      { segmentType: 'Department', segment: 'EMEA Sales' }
    ],
    facts: [
      fact({ featureKey: 'Routing', adoptionPercent: 45.2, trend: 'Improving', trendSlope: 3.5 }),
      segmentFact('Routing', 'Department', 'EMEA Sales', 20, 'Declining'),
      fact({
        featureKey: 'Knowledge',
        entitledUsers: 0,
        assignedUsers: 0,
        activeUsers: 0,
        adoptionPercent: null,
        trend: 'Insufficient'
      }),
      fact({ featureKey: 'Routing', month: '2025-04-01', adoptionPercent: 99 })
    ],
    underused: [
      {
        featureKey: 'Routing',
        month: MONTH,
        percent: 45.2,
        target: 60,
        valueRank: 5,
        priority: 74,
        isFlagged: true,
        action: 'Run a routing workshop with the team leads.'
      },
      {
        featureKey: 'Macros',
        month: MONTH,
        percent: 10,
        target: 20,
        valueRank: 1,
        priority: 10,
        isFlagged: false,
        action: null
      }
    ],
    ...overrides
  };
}

function playbookModel(overrides: Partial<AdoptionPlaybookModel> = {}): AdoptionPlaybookModel {
  return {
    customer: 'Acme Health',
    asOf: '2025-06-02',
    featureKey: 'Routing',
    featureLabel: 'Case Routing',
    valueStatement: 'Cuts case handling time by routing work to the right agent.',
    segmentType: 'Department',
    segment: 'EMEA Sales',
    status: 'Active',
    current: fact({
      featureKey: 'Routing',
      segmentType: 'Department',
      segment: 'EMEA Sales',
      adoptionPercent: 30,
      trend: 'Declining',
      trendSlope: -3.5
    }),
    baselinePercent: 20,
    currentPercent: 30,
    targetPercent: 45,
    startDate: '2025-05-01',
    targetDate: '2025-07-30',
    barriers: [
      {
        barrier: 'Training',
        evidence:
          '8 of 20 assigned users (40%) have not used the feature in the last 90 days, at or above the 30% limit.',
        action: 'Run a hands-on training session for the assigned users who have never used the feature.',
        isSuggested: true
      },
      { barrier: 'Relevance', evidence: null, action: 'Meet the segment lead.', isSuggested: false }
    ],
    tasks: [
      {
        subject: 'Train EMEA Sales on Case Routing',
        dueDate: '2025-05-09',
        status: 'Completed',
        ownerName: 'Dana Lee'
      },
      { subject: 'Book the Case Routing session', dueDate: '2025-05-05', status: 'Not Started', ownerName: null },
      { subject: 'Relevance: Meet the segment lead.', dueDate: null, status: null, ownerName: null }
    ],
    ...overrides
  };
}

function expansionModel(overrides: Partial<ExpansionMapModel> = {}): ExpansionMapModel {
  return {
    customer: 'Acme Health',
    asOf: '2025-06-02',
    grid: [
      {
        productCode: 'CORE',
        productName: 'Service Core',
        status: 'Owned',
        readiness: null,
        reason: 'The account owns the product.',
        prerequisites: [],
        missingProducts: [],
        missingProductNames: []
      },
      {
        productCode: 'VOICE',
        productName: 'Service Cloud Voice',
        status: 'Developing',
        readiness: 65,
        reason: 'Readiness 65% from the adoption of 2 prerequisite features against their targets.',
        prerequisites: [],
        missingProducts: [],
        missingProductNames: []
      },
      {
        productCode: 'LINES',
        productName: 'Multiple Lines',
        status: 'NotReady',
        readiness: 100,
        reason: 'It requires Phone Service, which the account does not own.',
        prerequisites: [],
        missingProducts: ['PHONE'],
        missingProductNames: ['Phone Service']
      }
    ],
    triggers: [
      { type: 'Merger', occurredOn: '2025-01-10', description: null },
      { type: 'HeadcountGrowth', occurredOn: '2025-04-01', description: 'Hiring 200 support agents.' },
      { type: 'Other', occurredOn: null, description: 'Rumoured reorganisation' }
    ],
    champions: [
      { name: 'Dana Lee', title: 'Support Operations Manager' },
      { name: 'Sam Ortiz', title: null }
    ],
    opportunities: [
      {
        productCode: 'VOICE',
        productName: 'Service Cloud Voice',
        status: 'Developing',
        readiness: 65,
        approach: 'EventTriggered',
        approachReason:
          'The account had 1 business trigger in the last 180 days, which gives the conversation a reason to act now.',
        hypothesis: 'For Acme Health, Service Cloud Voice cuts call handling time by routing calls to the right agent.',
        evidence: [
          'Case Routing adoption is 48% against a target of 60% (source: adoption scorecard)',
          'Readiness 65%, status Developing (source: whitespace grid)'
        ],
        opportunityName: 'Acme Health - Service Cloud Voice'
      }
    ],
    ...overrides
  };
}

function headingsOf(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('#'));
}

/** Counts the columns of each row of each table, so a row broken by an unescaped pipe shows up. */
function tableWidths(markdown: string): number[][] {
  return markdown
    .split('\n\n')
    .filter((block) => block.startsWith('|'))
    .map((table) =>
      table
        .split('\n')
        .filter((row) => row !== '')
        .map((row) => row.replace(/\\\|/g, '').split('|').length)
    );
}

function isAligned(widths: number[]): boolean {
  return widths.every((width) => width === widths[0]);
}

describe('segmentLabelOf', () => {
  it('names the whole account and a typed segment', () => {
    expect(segmentLabelOf('All', 'All')).toBe('All users');
    expect(segmentLabelOf('BusinessUnit', 'Retail')).toBe('Retail (business unit)');
  });
});

describe('scorecardSegmentsOf', () => {
  it('puts the whole account first, then segment types in picklist order and names', () => {
    const facts = [
      segmentFact('Routing', 'Role', 'Agent', 1, 'Stable'),
      segmentFact('Routing', 'Department', 'Sales', 1, 'Stable'),
      segmentFact('Knowledge', 'Department', 'Finance', 1, 'Stable'),
      fact({ featureKey: 'Routing' }),
      segmentFact('Knowledge', 'Role', 'Agent', 1, 'Stable')
    ];

    expect(scorecardSegmentsOf(facts)).toEqual([
      { segmentType: 'All', segment: 'All' },
      { segmentType: 'Role', segment: 'Agent' },
      { segmentType: 'Department', segment: 'Finance' },
      { segmentType: 'Department', segment: 'Sales' }
    ]);
  });
});

describe('renderAdoptionScorecard', () => {
  it('renders the sections in order', () => {
    expect(headingsOf(renderAdoptionScorecard(scorecardModel()))).toEqual([
      '# Acme Health: adoption scorecard',
      '## Feature adoption by segment',
      '## Assigned share and adoption',
      '## Under-used features'
    ]);
  });

  it('renders the feature by segment matrix with trend arrows and words', () => {
    const markdown = renderAdoptionScorecard(scorecardModel());

    expect(markdown).toContain('As of 2025-06-02, adoption in 2025-05.');
    expect(markdown).toContain('| Feature | Target | All users | EMEA Sales (department) |');
    expect(markdown).toContain('| Case Routing | 60% | 45.2% ↑ improving | 20% ↓ declining |');
    expect(markdown).toContain('| Knowledge Base | 50% | n/a too few months | no data |');
    expect(markdown).not.toContain('99%');
  });

  it('renders the assigned share from the whole-account facts', () => {
    const markdown = renderAdoptionScorecard(scorecardModel());

    expect(markdown).toContain('| Feature | Entitled | Assigned | Assigned share | Active | Adoption |');
    expect(markdown).not.toContain('Utilization');

    expect(markdown).toContain('| Case Routing | 40 | 30 | 75% | 18 | 45.2% |');
    expect(markdown).toContain('| Knowledge Base | 0 | 0 | n/a | 0 | n/a |');
  });

  it('renders the under-used features with their actions', () => {
    const markdown = renderAdoptionScorecard(scorecardModel());

    expect(markdown).toContain(
      '2 features below target, ranked by priority (value rank × points below target). Flagged for enablement: 1.'
    );
    expect(markdown).toContain(
      '| 1 | Case Routing | 45.2% | 60% | 5 | 74 | Yes | Run a routing workshop with the team leads. |'
    );
    expect(markdown).toContain(
      '| 2 | Macros | 10% | 20% | 1 | 10 | No | No action configured: open a playbook to diagnose the barriers. |'
    );
  });

  it('adds a row for a feature found only in the facts', () => {
    const model = scorecardModel({ facts: [fact({ featureKey: 'Bots', adoptionPercent: 5, trend: 'Stable' })] });

    expect(renderAdoptionScorecard(model)).toContain('| Bots | not set | 5% → stable | no data |');
  });

  it('derives the columns from the facts when the model lists none', () => {
    const model = scorecardModel({ segments: [] });

    expect(renderAdoptionScorecard(model)).toContain('| Feature | Target | All users | EMEA Sales (department) |');
  });

  it('escapes user text', () => {
    const model = scorecardModel({
      customer: 'Acme | *Health*',
      features: [{ key: 'Routing', label: 'Case | Routing_\nv2', valueRank: 5, targetPercent: 60 }],
      segments: [{ segmentType: 'Department', segment: 'EMEA | Sales' }],
      facts: [segmentFact('Routing', 'Department', 'EMEA | Sales', 20, 'Stable')],
      underused: [
        {
          featureKey: 'Routing',
          month: MONTH,
          percent: 20,
          target: 60,
          valueRank: 5,
          priority: 200,
          isFlagged: true,
          action: 'Coach <b>agents</b> | weekly'
        }
      ]
    });

    const markdown = renderAdoptionScorecard(model);

    expect(markdown).toContain('# Acme \\| \\*Health\\*: adoption scorecard');
    expect(markdown).toContain('| Feature | Target | EMEA \\| Sales (department) |');
    expect(markdown).toContain('| Case \\| Routing\\_ v2 | 60% | 20% → stable |');
    expect(markdown).toContain('Coach \\<b\\>agents\\</b\\> \\| weekly');
    // No whole-account fact, so the license section has no table.
    const widths = tableWidths(markdown);
    expect(widths).toHaveLength(2);
    expect(widths.every(isAligned)).toBe(true);
  });

  it('keeps every table row at its header width', () => {
    const widths = tableWidths(renderAdoptionScorecard(scorecardModel()));
    expect(widths).toHaveLength(3);
    expect(widths.every(isAligned)).toBe(true);
  });

  it('shows placeholders for an empty model', () => {
    const markdown = renderAdoptionScorecard({
      customer: 'Acme Health',
      asOf: '2025-06-02',
      month: null,
      features: [],
      segments: [],
      facts: [],
      underused: []
    });

    expect(markdown).toBe(
      [
        '# Acme Health: adoption scorecard',
        '',
        'As of 2025-06-02.',
        '',
        '## Feature adoption by segment',
        '',
        'No adoption data yet: load feature usage or run the adoption job, then export again.',
        '',
        '## Assigned share and adoption',
        '',
        'No whole-account adoption data, so the assigned share is not known.',
        '',
        '## Under-used features',
        '',
        'No feature is below its target.',
        ''
      ].join('\n')
    );
  });

  it('returns the same text for the same input', () => {
    expect(renderAdoptionScorecard(scorecardModel())).toBe(renderAdoptionScorecard(scorecardModel()));
  });
});

describe('renderAdoptionPlaybook', () => {
  it('renders the sections in order', () => {
    expect(headingsOf(renderAdoptionPlaybook(playbookModel()))).toEqual([
      '# Acme Health: Case Routing adoption playbook',
      '## Current adoption',
      '## Target',
      '## Barriers',
      '## Sprint'
    ]);
  });

  it('renders the header and the current adoption', () => {
    const markdown = renderAdoptionPlaybook(playbookModel());

    expect(markdown).toContain('| Segment | EMEA Sales (department) |');
    expect(markdown).toContain('| Value | Cuts case handling time by routing work to the right agent. |');
    expect(markdown).toContain('| Dates | 2025-05-01 to 2025-07-30 |');
    expect(markdown).toContain('| Month | 2025-05 |');
    expect(markdown).toContain('| Users who tried it in the last 90 days | 24 |');
    expect(markdown).toContain('| Adoption | 30% |');
    expect(markdown).toContain('| Trend | ↓ declining (-3.5 points per month) |');
  });

  it('renders the target with the date and the progress', () => {
    const markdown = renderAdoptionPlaybook(playbookModel());

    expect(markdown).toContain('- Baseline: 20%\n- Current: 30%\n- Target: 45% by 2025-07-30\n');
    expect(markdown).toContain('- Progress: 40% of the way from the baseline to the target');
  });

  it('renders the barriers with evidence, action and source', () => {
    const markdown = renderAdoptionPlaybook(playbookModel());

    expect(markdown).toContain(
      '| Training | 8 of 20 assigned users (40%) have not used the feature in the last 90 days, at or above the 30% ' +
        'limit. | Run a hands-on training session for the assigned users who have never used the feature. | ' +
        'Suggested by the data |'
    );
    expect(markdown).toContain('| Relevance | not set | Meet the segment lead. | Added by the CSM |');
  });

  it('dates the barrier evidence with the playbook start', () => {
    const markdown = renderAdoptionPlaybook(playbookModel());

    expect(markdown).toContain(
      '## Barriers\n\nEvidence as the data showed it on 2025-05-01, when the playbook started.\n\n| Barrier |'
    );
  });

  it('renders the sprint by due date with missing dates last', () => {
    const markdown = renderAdoptionPlaybook(playbookModel());

    expect(markdown).toContain(
      [
        '| Due | Task | Status | Owner |',
        '| --- | --- | --- | --- |',
        '| 2025-05-05 | Book the Case Routing session | Not Started | not set |',
        '| 2025-05-09 | Train EMEA Sales on Case Routing | Completed | Dana Lee |',
        '| not set | Relevance: Meet the segment lead. | not set | not set |'
      ].join('\n')
    );
  });

  it('escapes user text and keeps tables aligned', () => {
    const model = playbookModel({
      customer: 'Acme | Health',
      featureLabel: 'Case_Routing',
      segment: 'EMEA | Sales',
      barriers: [{ barrier: 'UX', evidence: 'Users | left\nearly', action: '*Fix* it', isSuggested: true }],
      tasks: [{ subject: 'Call [the] lead', dueDate: '2025-05-05', status: 'Not Started', ownerName: 'Ann | Bob' }]
    });

    const markdown = renderAdoptionPlaybook(model);

    expect(markdown).toContain('# Acme \\| Health: Case\\_Routing adoption playbook');
    expect(markdown).toContain('| Segment | EMEA \\| Sales (department) |');
    expect(markdown).toContain('| UX | Users \\| left early | \\*Fix\\* it | Suggested by the data |');
    expect(markdown).toContain('| 2025-05-05 | Call \\[the\\] lead | Not Started | Ann \\| Bob |');
    const widths = tableWidths(markdown);
    expect(widths).toHaveLength(4);
    expect(widths.every(isAligned)).toBe(true);
  });

  it('shows placeholders for an empty playbook', () => {
    const markdown = renderAdoptionPlaybook(
      playbookModel({
        segmentType: 'All',
        segment: 'All',
        status: 'Draft',
        valueStatement: null,
        current: null,
        baselinePercent: null,
        currentPercent: null,
        targetPercent: null,
        startDate: null,
        targetDate: null,
        barriers: [],
        tasks: []
      })
    );

    expect(markdown).toContain('| Segment | All users |');
    expect(markdown).toContain('| Value | not set |');
    expect(markdown).toContain('| Dates | not set to not set |');
    expect(markdown).toContain('No adoption data for this feature and segment yet.');
    expect(markdown).toContain('- Target: not set by a date not set');
    expect(markdown).toContain('- Progress: not measurable yet');
    expect(markdown).toContain('No barrier diagnosed: the data shows none, and none was added.');
    expect(markdown).toContain('No sprint Task yet: start the playbook to create them.');
    expect(markdown.endsWith('create them.\n')).toBe(true);
  });
});

describe('renderExpansionMap', () => {
  it('renders the sections in order', () => {
    expect(headingsOf(renderExpansionMap(expansionModel()))).toEqual([
      '# Acme Health: expansion map',
      '## Whitespace',
      '## Business triggers',
      '## Champions',
      '## Opportunities',
      '### Service Cloud Voice'
    ]);
  });

  it('renders the whitespace grid with status, readiness and reason', () => {
    const markdown = renderExpansionMap(expansionModel());

    expect(markdown).toContain('| Service Core | Owned | Owned | The account owns the product. |');
    expect(markdown).toContain(
      '| Service Cloud Voice | Developing | 65% | Readiness 65% from the adoption of 2 prerequisite ' +
        'features against their targets. |'
    );
    expect(markdown).toContain(
      '| Multiple Lines | Not ready | 100% | It requires Phone Service, which the account does not own. |'
    );
  });

  it('renders triggers latest first and champions', () => {
    const markdown = renderExpansionMap(expansionModel());

    expect(markdown).toContain(
      [
        '| Date | Type | Description |',
        '| --- | --- | --- |',
        '| 2025-04-01 | Headcount growth | Hiring 200 support agents. |',
        '| 2025-01-10 | Merger | No description |',
        '| date not set | Business event | Rumoured reorganisation |'
      ].join('\n')
    );
    expect(markdown).toContain('- Dana Lee, Support Operations Manager\n- Sam Ortiz\n');
  });

  it('renders each opportunity with readiness, approach, hypothesis and evidence', () => {
    const markdown = renderExpansionMap(expansionModel());

    expect(markdown).toContain(
      [
        '### Service Cloud Voice',
        '',
        '- Readiness: 65% (Developing)',
        '- Approach: Event-triggered. The account had 1 business trigger in the last 180 days, which gives the ' +
          'conversation a reason to act now.',
        '- Opportunity: Acme Health - Service Cloud Voice',
        '',
        'Hypothesis: For Acme Health, Service Cloud Voice cuts call handling time by routing calls to the right agent.',
        '',
        'Evidence:',
        '',
        '- Case Routing adoption is 48% against a target of 60% (source: adoption scorecard)',
        '- Readiness 65%, status Developing (source: whitespace grid)',
        ''
      ].join('\n')
    );
  });

  it('escapes user text and keeps tables aligned', () => {
    const model = expansionModel({
      customer: 'Acme # Health',
      grid: [
        {
          productCode: 'X',
          productName: 'Voice | Pro',
          status: 'Unknown',
          readiness: null,
          reason: 'No adoption data yet for Case_Routing.',
          prerequisites: [],
          missingProducts: [],
          missingProductNames: []
        }
      ],
      triggers: [{ type: 'Funding', occurredOn: '2025-04-01', description: 'Series C | $40M' }],
      champions: [{ name: 'Dana *Lee*', title: 'VP | Support' }],
      opportunities: [
        {
          productCode: 'X',
          productName: 'Voice | Pro',
          status: 'Unknown',
          readiness: null,
          approach: 'UserLed',
          approachReason: 'The champion can lead the users to it.',
          hypothesis: 'For Acme, Voice | Pro <script>',
          evidence: ['Champion: Dana *Lee* (source: account contacts)'],
          opportunityName: null
        }
      ]
    });

    const markdown = renderExpansionMap(model);

    expect(markdown).toContain('# Acme \\# Health: expansion map');
    expect(markdown).toContain('| Voice \\| Pro | Unknown | Not known | No adoption data yet for Case\\_Routing. |');
    expect(markdown).toContain('| 2025-04-01 | Funding round | Series C \\| $40M |');
    expect(markdown).toContain('- Dana \\*Lee\\*, VP \\| Support');
    expect(markdown).toContain('### Voice \\| Pro');
    expect(markdown).toContain('- Readiness: Not known (Unknown)');
    expect(markdown).toContain('- Approach: User-led. The champion can lead the users to it.');
    expect(markdown).toContain('Hypothesis: For Acme, Voice \\| Pro \\<script\\>');
    expect(markdown).toContain('- Champion: Dana \\*Lee\\* (source: account contacts)');
    expect(markdown).not.toContain('- Opportunity:');
    const widths = tableWidths(markdown);
    expect(widths).toHaveLength(2);
    expect(widths.every(isAligned)).toBe(true);
  });

  it('shows placeholders for an empty map', () => {
    const markdown = renderExpansionMap({
      customer: 'Acme Health',
      asOf: '2025-06-02',
      grid: [],
      triggers: [],
      champions: [],
      opportunities: []
    });

    expect(markdown).toBe(
      [
        '# Acme Health: expansion map',
        '',
        'As of 2025-06-02.',
        '',
        '## Whitespace',
        '',
        'No active product in the expansion catalog.',
        '',
        '## Business triggers',
        '',
        'No business trigger recorded.',
        '',
        '## Champions',
        '',
        'No champion named: an executive sponsor should carry expansion conversations.',
        '',
        '## Opportunities',
        '',
        'No expansion opportunity yet: the whitespace grid shows no product to propose.',
        ''
      ].join('\n')
    );
  });

  it('says when an opportunity has no evidence', () => {
    const model = expansionModel();
    model.opportunities[0].evidence = [];

    expect(renderExpansionMap(model)).toContain('Evidence: none recorded.\n');
  });
});

describe('file names', () => {
  it('builds the scorecard name from the customer slug', () => {
    expect(adoptionScorecardFileName('Acme Health, Inc.')).toBe('acme-health-inc-adoption-scorecard.md');
  });

  it('builds the playbook name from the customer and the feature', () => {
    expect(adoptionPlaybookFileName('Acme Health', 'Case Routing (Omni)')).toBe(
      'acme-health-case-routing-omni-adoption-playbook.md'
    );
  });

  it('drops accents and falls back for names without letters or digits', () => {
    expect(adoptionPlaybookFileName('Société Générale', 'Fonctionnalité')).toBe(
      'societe-generale-fonctionnalite-adoption-playbook.md'
    );
    expect(adoptionPlaybookFileName('***', '数据')).toBe('account-feature-adoption-playbook.md');
  });

  it('builds the expansion map name from the customer slug', () => {
    expect(expansionMapFileName('Acme Health')).toBe('acme-health-expansion-map.md');
  });
});
