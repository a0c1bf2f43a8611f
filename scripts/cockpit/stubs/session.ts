/**
 * Values that the platform fixes per user (`@salesforce/user/*`, `@salesforce/customPermission/*`). The cockpit
 * server writes them into `/session.js`, which the page loads before the bundle, so one bundle serves every cockpit
 * user setting.
 */

/** The cockpit user and the export the server scored. */
export interface CockpitSession {
  userId: string;
  userName: string;
  /** Label of the cockpit user setting, for example "CSM with Recalculate Health". */
  userLabel: string;
  /** Custom permissions of that user, by API name. */
  customPermissions: string[];
  /** Date the export was scored as of, YYYY-MM-DD. */
  asOf: string;
  /** Folder name of the scored export. */
  exportName: string;
}

declare global {
  interface Window {
    cockpitSession?: CockpitSession;
  }
}

/** Returns the session that `/session.js` set; throws when the page was loaded without it. */
export function currentSession(): CockpitSession {
  const session = window.cockpitSession;
  if (!session) {
    throw new Error(
      'window.cockpitSession is missing: /session.js did not load. Open the page the cockpit server prints.'
    );
  }
  return session;
}

/**
 * Returns the value of a per-user module.
 * @param kind `user` for `@salesforce/user/<name>`, `customPermission` for `@salesforce/customPermission/<name>`.
 * @param name Part of the import path after the kind, for example `Id` or `RecalculateHealth`.
 */
export function sessionValue(kind: string, name: string): unknown {
  const session = currentSession();
  if (kind === 'customPermission') {
    // A namespaced import (ns__Name) names the same permission as the unpackaged one.
    const apiName = name.includes('__') ? name.slice(name.indexOf('__') + 2) : name;
    return session.customPermissions.includes(apiName);
  }
  if (name === 'Id') {
    return session.userId;
  }
  if (name === 'isGuest') {
    return false;
  }
  return undefined;
}
