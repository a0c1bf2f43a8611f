/**
 * Word lists for invented names and texts. Company names join two syllable lists into a made-up place-like word,
 * then add an industry noun, so no name belongs to a real company on purpose.
 */

export const NAME_STARTS = [
  'Bram',
  'Cael',
  'Dorv',
  'Elst',
  'Fenn',
  'Garr',
  'Hesk',
  'Ilm',
  'Jorv',
  'Kell',
  'Lusk',
  'Marv',
  'Nesk',
  'Orv',
  'Pell',
  'Quill',
  'Rusk',
  'Skel',
  'Tarv',
  'Uld',
  'Vask',
  'Wess',
  'Yarn',
  'Zeld'
] as const;

export const NAME_ENDINGS = [
  'amere',
  'brook',
  'by',
  'combe',
  'dale',
  'ford',
  'gate',
  'haven',
  'holt',
  'ing',
  'mont',
  'more',
  'ridge',
  'stead',
  'thorpe',
  'wick'
] as const;

/** Standard Account.Industry picklist values, each with nouns that fit a company name in that industry. */
export const INDUSTRIES: readonly { industry: string; nouns: readonly string[] }[] = [
  { industry: 'Manufacturing', nouns: ['Manufacturing', 'Components', 'Fabrication', 'Tooling'] },
  { industry: 'Transportation', nouns: ['Logistics', 'Freight', 'Transit'] },
  { industry: 'Healthcare', nouns: ['Health', 'Clinics', 'Medical'] },
  { industry: 'Retail', nouns: ['Outfitters', 'Home Goods', 'Retail'] },
  { industry: 'Finance', nouns: ['Capital', 'Financial', 'Lending'] },
  { industry: 'Insurance', nouns: ['Mutual', 'Insurance', 'Assurance'] },
  { industry: 'Technology', nouns: ['Software', 'Systems', 'Analytics'] },
  { industry: 'Energy', nouns: ['Energy', 'Power', 'Renewables'] },
  { industry: 'Food & Beverage', nouns: ['Foods', 'Brewing', 'Provisions'] },
  { industry: 'Construction', nouns: ['Builders', 'Construction', 'Contracting'] },
  { industry: 'Education', nouns: ['Learning', 'Academy', 'Education'] },
  { industry: 'Hospitality', nouns: ['Hotels', 'Hospitality', 'Resorts'] },
  { industry: 'Telecommunications', nouns: ['Telecom', 'Networks', 'Communications'] },
  { industry: 'Media', nouns: ['Media', 'Publishing', 'Studios'] },
  { industry: 'Biotechnology', nouns: ['Biosciences', 'Therapeutics', 'Labs'] },
  { industry: 'Utilities', nouns: ['Water', 'Utilities'] },
  { industry: 'Agriculture', nouns: ['Farms', 'Agritech', 'Growers'] },
  { industry: 'Not For Profit', nouns: ['Foundation', 'Trust'] }
];

/** Billing countries with the legal-form suffix their companies use and a UTC offset for their business hours. */
export const COUNTRIES: readonly { country: string; suffix: string; utcOffsetHours: number; weight: number }[] = [
  { country: 'United States', suffix: 'Inc.', utcOffsetHours: -5, weight: 30 },
  { country: 'United States', suffix: 'Inc.', utcOffsetHours: -8, weight: 15 },
  { country: 'Canada', suffix: 'Inc.', utcOffsetHours: -5, weight: 8 },
  { country: 'United Kingdom', suffix: 'Ltd', utcOffsetHours: 0, weight: 17 },
  { country: 'Germany', suffix: 'GmbH', utcOffsetHours: 1, weight: 12 },
  { country: 'Netherlands', suffix: 'B.V.', utcOffsetHours: 1, weight: 8 },
  { country: 'Australia', suffix: 'Pty Ltd', utcOffsetHours: 10, weight: 10 }
];

export const FIRST_NAMES = [
  'Aisha',
  'Alejandro',
  'Amara',
  'Anders',
  'Beatriz',
  'Benjamin',
  'Carmen',
  'Chen',
  'Daniel',
  'Deepa',
  'Elena',
  'Emeka',
  'Farah',
  'Felix',
  'Grace',
  'Hannah',
  'Hiroshi',
  'Ingrid',
  'Isaac',
  'Jamal',
  'Julia',
  'Kai',
  'Kavya',
  'Liam',
  'Lucia',
  'Malik',
  'Maya',
  'Mei',
  'Nadia',
  'Nikolai',
  'Noah',
  'Olivia',
  'Omar',
  'Priya',
  'Rafael',
  'Rosa',
  'Samuel',
  'Sofia',
  'Tariq',
  'Thea',
  'Tomas',
  'Valentina',
  'Wei',
  'Yara',
  'Yusuf',
  'Zoe'
] as const;

export const LAST_NAMES = [
  'Abara',
  'Bergstrom',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fernandes',
  'Gallagher',
  'Haddad',
  'Ishikawa',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Mbeki',
  'Novak',
  'Okafor',
  'Petrov',
  'Quinlan',
  'Ramirez',
  'Schneider',
  'Takahashi',
  'Underwood',
  'Varga',
  'Whitfield',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Andersen',
  'Brennan',
  'Chowdhury',
  'Delgado',
  'Ferreira',
  'Grant',
  'Holm',
  'Iyer',
  'Kaplan',
  'Moreau',
  'Nakamura',
  'Osei',
  'Patel',
  'Reyes',
  'Sato',
  'Tran',
  'Vogel',
  'Weber'
] as const;

export const SPONSOR_TITLES = [
  'Chief Operating Officer',
  'Chief Information Officer',
  'VP Operations',
  'VP Customer Experience',
  'Chief Financial Officer',
  'SVP Digital Transformation',
  'Head of Operations'
] as const;

export const CHAMPION_TITLES = [
  'Operations Manager',
  'Business Systems Manager',
  'Director of Customer Operations',
  'Program Manager',
  'Service Delivery Lead',
  'Salesforce Administrator'
] as const;

export const OTHER_TITLES = [
  'Business Analyst',
  'Team Lead',
  'Operations Coordinator',
  'Finance Manager',
  'IT Manager',
  'Support Lead',
  'Project Manager',
  'Data Analyst',
  'Training Specialist'
] as const;

export const CSM_NAMES: readonly (readonly [string, string])[] = [
  ['Morgan', 'Ellery'],
  ['Priyanka', 'Raman'],
  ['Jonas', 'Albrecht'],
  ['Tessa', 'Okonkwo'],
  ['Diego', 'Marquez'],
  ['Freya', 'Lindholm'],
  ['Marcus', 'Boateng'],
  ['Lena', 'Kovac']
];

export const CASE_SUBJECTS: readonly { subject: string; type: string }[] = [
  { subject: 'Cannot export report to Excel', type: 'Problem' },
  { subject: 'Dashboard loads slowly at month end', type: 'Problem' },
  { subject: 'Single sign-on fails for new users', type: 'Problem' },
  { subject: 'Data sync stopped overnight', type: 'Problem' },
  { subject: 'Invoice totals do not match', type: 'Problem' },
  { subject: 'API returns 500 on bulk upload', type: 'Problem' },
  { subject: 'Mobile app crashes on login', type: 'Problem' },
  { subject: 'Email notifications not sent', type: 'Problem' },
  { subject: 'How do I add a new user?', type: 'Question' },
  { subject: 'Question about permission sets', type: 'Question' },
  { subject: 'How to schedule a recurring report', type: 'Question' },
  { subject: 'Where is the audit log?', type: 'Question' },
  { subject: 'Request: bulk edit for records', type: 'Feature Request' },
  { subject: 'Request: custom fields on the portal', type: 'Feature Request' },
  { subject: 'Request: more chart types', type: 'Feature Request' }
];

/** Case descriptions with the quoting a CSV reader must handle: commas, double quotes and line breaks. */
export const CASE_DESCRIPTIONS_MULTILINE = [
  'Nightly sync stopped after the weekend release.\nError shown: "Timeout, retry later"\n' +
    'Impact: finance close is blocked, 40 users affected.',
  'Steps to reproduce:\n1. Open the "Pipeline, by region" report\n2. Click Export\nResult: an empty file, every time.',
  'Customer wrote: "We cannot log in, the SSO page loops."\r\nWorkaround given: direct login with a password reset.',
  'Two invoices show different totals for the same period, 14,200.00 and 14,820.00.\nCustomer asks which one is right.',
  'Escalated by the sponsor, who called it "unacceptable".\nNext update promised within 4 hours.',
  'Bulk upload of 12,000 rows fails at row 8,411.\nAPI response: {"error": "INVALID_FIELD", "field": "Region"}'
] as const;

export const CASE_DESCRIPTIONS_SHORT = [
  'Customer reports the issue started this morning.',
  'Happens for all users in the EMEA team.',
  'Asked for a call back, prefers email updates.',
  'Screenshot attached to the email thread.',
  'Only affects the mobile app, desktop works.'
] as const;

export const TASK_SUBJECTS = {
  ExecutiveSponsor: [
    'Executive check-in call',
    'Renewal strategy call',
    'Value review follow-up',
    'Exec sponsor email'
  ],
  Champion: ['Check-in call', 'Adoption review', 'Usage report sent', 'Success plan update', 'Admin office hours'],
  Other: ['Training follow-up', 'Follow-up email', 'Support escalation update', 'Onboarding call']
} as const;

export const EVENT_SUBJECTS = {
  ExecutiveSponsor: ['Executive business review', 'Quarterly business review', 'Renewal planning meeting'],
  Champion: ['Quarterly business review', 'Success plan workshop', 'Roadmap preview', 'Admin training'],
  Other: ['End-user training', 'Onboarding workshop', 'Feature walkthrough']
} as const;

export const FEEDBACK_THEMES = [
  'Onboarding',
  'Support',
  'Product',
  'Performance',
  'Reporting',
  'Integrations',
  'Pricing',
  'Training'
] as const;

/** Survey comments by sentiment; a few contain commas, quotes and a line break. */
export const FEEDBACK_COMMENTS = {
  positive: [
    'Reporting saves our finance team hours every week.',
    'Great support, fast and friendly.',
    'The new dashboards are exactly what our managers needed.',
    'Our CSM knows our business, which makes a difference.'
  ],
  neutral: [
    'Works well, but exports are slow at month end.',
    'Good product. Training for new hires could be better.',
    'Fine overall, though the "advanced" settings are hard to find.'
  ],
  negative: [
    'Support took too long on our "critical" ticket, twice.',
    'Too expensive for what we use.',
    'Sync failures keep coming back.\nWe are evaluating alternatives.',
    'Nobody on our team has time to learn the new features.'
  ]
} as const;

/**
 * Customer KPIs that replace a template objective without a default target, as a CSM writes the customer's own
 * outcome into the plan. Lower-is-better KPIs have a target below the baseline. `step` is the rounding of the
 * current value, and `capability` the owned product area the KPI depends on.
 */
export const CUSTOMER_KPIS = [
  {
    outcome: 'Close the month in 5 working days instead of 9',
    metric: 'Working days to close the month',
    unit: 'days',
    baseline: 9,
    target: 5,
    step: 1,
    capability: 'Financial close workspace'
  },
  {
    outcome: 'Answer customer tickets within one working day',
    metric: 'Median hours to first response',
    unit: 'hours',
    baseline: 30,
    target: 8,
    step: 1,
    capability: 'Service console'
  },
  {
    outcome: 'Cut manual data entry so planners work on forecasts, not spreadsheets',
    metric: 'Hours of manual entry per week',
    unit: 'hours',
    baseline: 40,
    target: 12,
    step: 1,
    capability: 'Data import and integrations'
  },
  {
    outcome: 'Give every regional manager a weekly pipeline view they trust',
    metric: 'Regions on the shared weekly report',
    unit: 'regions',
    baseline: 1,
    target: 6,
    step: 1,
    capability: 'Reporting and dashboards'
  },
  {
    outcome: 'Raise on-time delivery to customers',
    metric: 'Orders delivered on time',
    unit: '%',
    baseline: 82,
    target: 95,
    step: 0.5,
    capability: 'Order tracking'
  },
  {
    outcome: 'Onboard new hires to full productivity faster',
    metric: 'Days until a new hire works unaided',
    unit: 'days',
    baseline: 45,
    target: 20,
    step: 1,
    capability: 'Guided learning paths'
  }
] as const;

/** Escalation paths as CSMs write them into a plan; `{owner}` is the account owner's name. */
export const ESCALATION_PATHS = [
  '{owner} (CSM), then the CS manager within 5 working days, then the VP of Customer Success; the executive sponsor is told at the VP step.',
  'Blockers go to {owner} first. Unresolved after one review cycle: CS manager and the champion together; after two: VP of Customer Success with the executive sponsor.',
  'Raise blockers with {owner}; after one week without a fix, the CS manager takes over, and after two the VP of Customer Success calls the executive sponsor.',
  'Product issues: support case, then {owner}, then the CS manager. Commercial or sponsor issues go straight to the CS manager and the account executive.'
] as const;

/** Notes a CSM writes with a renewal call, by how the call relates to the health band. */
export const CALL_NOTES = {
  Commit: [
    'Sponsor confirmed budget for the full renewal in our last review.',
    "Champion says the renewal is in next year's plan; procurement has the quote.",
    'Usage and sentiment are good; no competitor in sight.'
  ],
  AtRisk: [
    'Sponsor asked for a seat reduction; we are preparing a value review.',
    'Budget freeze announced; renewal will slip or shrink.',
    'Open issues block the renewal decision until they are fixed.'
  ],
  Upside: [
    'Second business unit wants seats; expansion quoted with the renewal.',
    'Sponsor asked for the analytics add-on at renewal.'
  ],
  /** Notes of calls that the data contradicts, by call. */
  Disagreeing: {
    Commit: [
      'Sponsor gave a verbal yes last week, despite the usage drop.',
      'Procurement already has the renewal order; the open cases should not change it.'
    ],
    AtRisk: [
      'New CFO is reviewing every tool contract; scores do not show that.',
      'The customer was acquired; the new owner decides on all software renewals.'
    ],
    Upside: ['Sponsor hinted at more seats, although usage has not grown yet.']
  },
  /** Notes of at-risk calls against a green band that the account's story explains. */
  SilentSponsor: 'Data looks fine, but the executive sponsor has not answered in months.',
  ChampionGone: 'Our champion left; nobody has picked up the relationship yet.'
} as const;

/** Descriptions of business triggers by type; a few contain commas and quotes, as typed by a CSM. */
export const TRIGGER_DESCRIPTIONS = {
  HeadcountGrowth: [
    'Hiring 40 support agents for the holiday season.',
    'Service team doubles after the "Customer First" programme, new hires start in January.',
    'Opened a second support centre; 25 new agents.'
  ],
  NewBusinessLine: [
    'Launched a subscription service that needs its own help desk.',
    'New B2B line of business with field installations.'
  ],
  Merger: ['Merging with a regional competitor; both service teams will share one help desk.'],
  Acquisition: [
    'Acquired a smaller rival, whose 30 agents move onto our platform next quarter.',
    'Bought a field maintenance company.'
  ],
  Funding: ['Closed a Series C round, earmarked for customer experience.', 'New growth funding, budget for tooling.'],
  LeadershipChange: [
    'New VP of Customer Service, who asked for dashboards in the first week.',
    'New COO reviewing every process, and keen on automation.'
  ],
  Other: ['Moving to a 24/7 support model.', 'Regulator requires faster complaint handling from next year.']
} as const;
