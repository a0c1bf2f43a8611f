import { adoptionRecordsFor } from './adoptionData';
import type { InternalUserRule } from './config';
import type { FileRule, ReadContext } from './context';
import { RowRejection } from './problems';
import type { RowReader, TableResult } from './table';

function optional(value: string): string | null {
  return value === '' ? null : value;
}

/** Account.csv: the accounts to score. Every other file is joined to these Ids. */
export const ACCOUNT_RULE: FileRule = {
  spec: {
    name: 'Account.csv',
    required: ['Id', 'Name'],
    optional: [
      'OwnerId',
      'Type',
      'Industry',
      'Segment__c',
      'LicensedSeats__c',
      'AnnualRecurringRevenue__c',
      'ExecutiveSponsor__c',
      'Champion__c',
      'DaysPastDue__c'
    ]
  },
  open(context) {
    const accounts = context.data.accounts;
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      if (accounts.has(id)) throw new RowRejection('Id', `duplicate account Id ${id}; keep one row per account`);
      const record = {
        id,
        name: row.text('Name') || id,
        ownerId: optional(row.text('OwnerId')),
        type: optional(row.text('Type')),
        industry: optional(row.text('Industry')),
        segment: optional(row.text('Segment__c')),
        licensedSeats: row.number('LicensedSeats__c', false),
        annualRecurringRevenue: row.number('AnnualRecurringRevenue__c', false),
        executiveSponsorId: optional(row.text('ExecutiveSponsor__c')),
        championId: optional(row.text('Champion__c')),
        daysPastDue: row.number('DaysPastDue__c', false)
      };
      accounts.set(id, record);
    };
    return { handleRow };
  }
};

/** Contact.csv: links contacts to accounts for activities and for the sponsor and champion checks. */
export const CONTACT_RULE: FileRule = {
  spec: {
    name: 'Contact.csv',
    required: ['Id', 'AccountId'],
    optional: ['FirstName', 'LastName', 'Name', 'Email', 'Title']
  },
  open(context) {
    const contacts = context.data.contacts;
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      const accountText = row.text('AccountId');
      // A contact of an account outside the export is kept, so the sponsor check can tell "moved" from "missing".
      const name =
        row.text('Name') || [row.text('FirstName'), row.text('LastName')].filter((part) => part !== '').join(' ');
      contacts.set(id, { accountId: optional(accountText), name: name || id, title: optional(row.text('Title')) });
    };
    const finish = (): void => {
      context.data.contactsLoaded = true;
    };
    return { handleRow, finish };
  }
};

function matchesList(values: readonly string[] | undefined, actual: string): boolean {
  if (values === undefined) return true;
  const key = actual.toLowerCase();
  return values.some((value) => value.trim().toLowerCase() === key);
}

function matchesRule(rule: InternalUserRule, row: RowReader): boolean {
  return (
    matchesList(rule.profileNames, row.text('Profile.Name')) &&
    matchesList(rule.roleNames, row.text('UserRole.Name')) &&
    matchesList(rule.departments, row.text('Department'))
  );
}

/** Rules whose account is in Account.csv. Each other rule gets a notice and matches no user. */
function usableRules(context: ReadContext): InternalUserRule[] {
  return context.config.internalUserAccounts.filter((rule, index) => {
    if (context.data.accounts.has(rule.accountId)) return true;
    context.notices.push(
      `Config: internalUserAccounts[${index}] names account ${rule.accountId}, which is not in Account.csv; ` +
        'no user is attributed through it. Fix the Id or export that account.'
    );
    return false;
  });
}

function isIntegrationUser(context: ReadContext, row: RowReader): boolean {
  return (
    context.integrationUserTypes.has(row.text('UserType').toLowerCase()) ||
    context.integrationUsernames.has(row.text('Username').toLowerCase()) ||
    context.integrationProfileNames.has(row.text('Profile.Name').toLowerCase())
  );
}

const RULE_COLUMNS: ReadonlyArray<[keyof InternalUserRule, string]> = [
  ['profileNames', 'Profile.Name'],
  ['roleNames', 'UserRole.Name'],
  ['departments', 'Department']
];

/**
 * User.csv: decides whose logins count and for which account. A portal user (AccountId set) counts for that account,
 * an internal user for the first matching `internalUserAccounts` rule; integration users never count. The active
 * users of each account are also kept with their profile, role, department and user license, which the adoption
 * facts count for features entitled through a license.
 */
export const USER_RULE: FileRule = {
  spec: {
    name: 'User.csv',
    required: ['Id'],
    optional: [
      'Username',
      'Name',
      'AccountId',
      'ContactId',
      'UserType',
      'IsActive',
      'ProfileId',
      'Profile.Name',
      'UserRoleId',
      'UserRole.Name',
      'Department',
      'Profile.UserLicense.Name'
    ]
  },
  open(context) {
    const rules = usableRules(context);
    let checkedColumns = false;
    const handleRow = (row: RowReader): void => {
      if (!checkedColumns) {
        checkedColumns = true;
        for (const [key, column] of RULE_COLUMNS) {
          if (!row.has(column) && context.config.internalUserAccounts.some((rule) => rule[key] !== undefined)) {
            context.notices.push(
              `User.csv has no ${column} column, so internalUserAccounts rules that list ${key} match no user; ` +
                `add ${column} to the User export.`
            );
          }
        }
      }

      const id = row.requiredText('Id');
      const name = row.text('Name');
      if (name !== '') context.data.userNames.set(id, name);
      if (isIntegrationUser(context, row)) {
        context.users.set(id, { accountId: null, isIntegration: true });
        return;
      }

      const portalAccount = row.text('AccountId');
      let accountId: string | null;
      if (portalAccount !== '') accountId = context.resolveAccount('User.csv', 'AccountId', portalAccount);
      else accountId = rules.find((rule) => matchesRule(rule, row))?.accountId ?? null;
      context.users.set(id, { accountId, isIntegration: false });
      if (accountId !== null) context.data.accountsWithUsers.add(accountId);
      if (accountId !== null && (!row.has('IsActive') || row.bool('IsActive'))) {
        adoptionRecordsFor(context.data.adoption, accountId).users.push({
          userId: id,
          isPortal: portalAccount !== '',
          profileName: row.text('Profile.Name') || null,
          roleName: row.text('UserRole.Name') || null,
          department: row.text('Department') || null,
          licenseName: row.text('Profile.UserLicense.Name') || null
        });
      }
    };
    const finish = (table: TableResult): void => {
      context.usersLoaded = true;
      context.data.adoption.loaded.userLicenses = table.columns.has('profile.userlicense.name');
    };
    return { handleRow, finish };
  }
};
