import path from 'node:path';
import { rmSync } from 'node:fs';
import created from './fixtures/handwritten-package-version-create-success.json';
import {
  checkPackageProject,
  packageVersionArgs,
  parsePackageVersionOptions,
  runPackageVersion,
  subscriberVersionId
} from '../packageVersion';
import { DEV_HUB_LOGIN_COMMAND } from '../sf';
import { fakeRunner, sfOutput, tempRoot, testDeps } from './fakeRunner';

describe('parsePackageVersionOptions', () => {
  it('waits 60 minutes by default', () => {
    expect(parsePackageVersionOptions([])).toEqual({ waitMinutes: 60 });
  });

  it('rejects --wait 0', () => {
    expect(() => parsePackageVersionOptions(['--wait', '0'])).toThrow('--wait "0" is invalid');
  });
});

describe('packageVersionArgs', () => {
  it('builds the sf package version create arguments', () => {
    expect(packageVersionArgs({ waitMinutes: 20 })).toEqual([
      'package',
      'version',
      'create',
      '--package',
      'Success Cockpit',
      '--installation-key-bypass',
      '--code-coverage',
      '--wait',
      '20',
      '--json'
    ]);
  });
});

describe('subscriberVersionId', () => {
  it('reads the 04t id from the hand-written success fixture', () => {
    expect(subscriberVersionId(created.result)).toBe('04t000000000001AAA');
  });

  it('rejects a request that is still in progress', () => {
    const inProgress = { Id: '08c000000000002AAA', Status: 'InProgress', SubscriberPackageVersionId: null };

    expect(() => subscriberVersionId(inProgress)).toThrow(
      'The package version request 08c000000000002AAA ended with status InProgress and no 04t id.'
    );
  });
});

describe('checkPackageProject', () => {
  it('asks for the package alias when it is missing', () => {
    const root = tempRoot({ packageAlias: false });

    expect(() => checkPackageProject(path.join(root, 'sfdx-project.json'))).toThrow(
      'npx sf package create --name "Success Cockpit" --package-type Unlocked --path force-app'
    );

    rmSync(root, { recursive: true, force: true });
  });
});

describe('runPackageVersion', () => {
  let root: string;

  beforeEach(() => {
    root = tempRoot();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('prints the 04t id last', async () => {
    const { runner, calls } = fakeRunner([sfOutput(created)]);
    const { deps, logs } = testDeps(runner, root);

    expect(await runPackageVersion([], deps)).toBe(0);

    expect(calls[0].args.slice(0, 4)).toEqual(['sf', 'package', 'version', 'create']);
    expect(logs[logs.length - 1]).toBe('04t000000000001AAA');
  });

  it('checks the project file before calling sf', async () => {
    rmSync(path.join(root, 'sfdx-project.json'));
    const { runner, calls } = fakeRunner([]);
    const { deps } = testDeps(runner, root);

    await expect(runPackageVersion([], deps)).rejects.toThrow('project file');
    expect(calls).toHaveLength(0);
  });

  it('advises Dev Hub login', async () => {
    const noHub = { status: 1, name: 'NoDefaultDevHubError', message: 'No default dev hub found.' };
    const { runner } = fakeRunner([sfOutput(noHub, 1)]);
    const { deps } = testDeps(runner, root);

    await expect(runPackageVersion([], deps)).rejects.toThrow(DEV_HUB_LOGIN_COMMAND);
  });
});
