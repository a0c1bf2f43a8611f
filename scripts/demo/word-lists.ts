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
