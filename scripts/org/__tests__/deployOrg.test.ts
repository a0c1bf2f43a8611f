import path from 'node:path';
import { rmSync } from 'node:fs';
import { assignPermsetArgs, componentFailureLines, deployArgs, parseDeployOptions, runDeploy } from '../deployOrg';
import { SCRATCH_ORG_COMMAND } from '../sf';
import { fakeRunner, sfOutput, tempRoot, testDeps } from './fakeRunner';

const buildOk = { exitCode: 0, stdout: 'built', stderr: '' };
const deployOk = sfOutput({ status: 0, result: { success: true, status: 'Succeeded', numberComponentsDeployed: 12 } });
const assignOk = sfOutput({
  status: 0,
  result: { successes: [{ name: 'test-user@example.com', value: 'SuccessCockpitAdmin' }], failures: [] }
});

describe('parseDeployOptions', () => {
  it('defaults to SuccessCockpitAdmin', () => {
    expect(parseDeployOptions([])).toEqual({ permissionSet: 'SuccessCockpitAdmin' });
  });

  it('rejects an invalid permission set name', () => {
    expect(() => parseDeployOptions(['--permission-set', '1bad'])).toThrow('--permission-set "1bad" is invalid');
  });
});

describe('argument builders', () => {
  it('build deploy and assign arguments', () => {
    expect(deployArgs('force-app')).toEqual(['project', 'deploy', 'start', '--source-dir', 'force-app', '--json']);
    expect(assignPermsetArgs('SuccessCockpitUser')).toEqual([
      'org',
      'assign',
      'permset',
      '--name',
      'SuccessCockpitUser',
      '--json'
    ]);
  });
});

describe('componentFailureLines', () => {
  it('accepts one failure object or an array', () => {
    const failure = { componentType: 'ApexClass', fullName: 'A', problem: 'Invalid type: B' };

    expect(componentFailureLines({ details: { componentFailures: failure } })).toEqual([
      'ApexClass A: Invalid type: B'
    ]);
    expect(componentFailureLines({ details: { componentFailures: [failure, failure] } })).toHaveLength(2);
    expect(componentFailureLines(undefined)).toEqual([]);
  });
});

describe('runDeploy', () => {
  let root: string;

  beforeEach(() => {
    root = tempRoot();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('builds, deploys both folders in order, then assigns the permission set', async () => {
    const { runner, calls } = fakeRunner([buildOk, deployOk, deployOk, assignOk]);
    const { deps } = testDeps(runner, root);

    const code = await runDeploy(['--permission-set', 'SuccessCockpitUser'], deps);

    expect(code).toBe(0);
    expect(calls.map((call) => [call.command, ...call.args].join(' '))).toEqual([
      'npm run build:lwc',
      'npx sf project deploy start --source-dir force-app --json',
      'npx sf project deploy start --source-dir unpackaged --json',
      'npx sf org assign permset --name SuccessCockpitUser --json'
    ]);
  });

  it('stops when the build fails', async () => {
    const { runner, calls } = fakeRunner([{ exitCode: 2, stdout: '', stderr: 'TS2322' }]);
    const { deps, errors } = testDeps(runner, root);

    await expect(runDeploy([], deps)).rejects.toThrow('npm run build:lwc failed with exit code 2');
    expect(calls).toHaveLength(1);
    expect(errors.join('\n')).toContain('TS2322');
  });

  it('lists component failures and stops before unpackaged', async () => {
    const failed = sfOutput(
      {
        status: 1,
        result: {
          success: false,
          status: 'Failed',
          details: { componentFailures: [{ componentType: 'ApexClass', fullName: 'A', problem: 'Invalid type: B' }] }
        }
      },
      1
    );
    const { runner, calls } = fakeRunner([buildOk, failed]);
    const { deps, errors } = testDeps(runner, root);

    await expect(runDeploy([], deps)).rejects.toThrow(
      'Deploying force-app failed with status Failed. Fix the components listed above and rerun.'
    );
    expect(calls).toHaveLength(2);
    expect(errors).toEqual(['  ApexClass A: Invalid type: B']);
  });

  it('reports a deploy still in progress', async () => {
    const running = sfOutput({ status: 69, result: { status: 'InProgress' } }, 69);
    const { runner } = fakeRunner([buildOk, running]);
    const { deps } = testDeps(runner, root);

    await expect(runDeploy([], deps)).rejects.toThrow(
      'Deploying force-app failed with status InProgress. Check it with: npx sf project deploy report --use-most-recent'
    );
  });

  it('advises org:create without a default org', async () => {
    const noOrg = { status: 1, name: 'NoDefaultEnvError', message: 'No default environment found.' };
    const { runner } = fakeRunner([buildOk, sfOutput(noOrg, 1)]);
    const { deps } = testDeps(runner, root);

    await expect(runDeploy([], deps)).rejects.toThrow(SCRATCH_ORG_COMMAND);
  });

  it('reports a failed permission set assignment', async () => {
    const assignFailed = sfOutput(
      { status: 1, result: { successes: [], failures: [{ name: 'u@example.com', message: 'not found' }] } },
      1
    );
    const { runner } = fakeRunner([buildOk, deployOk, deployOk, assignFailed]);
    const { deps } = testDeps(runner, root);

    await expect(runDeploy([], deps)).rejects.toThrow(
      'Assigning permission set SuccessCockpitAdmin failed: u@example.com: not found.'
    );
  });

  it('rejects a missing source folder before running anything', async () => {
    rmSync(path.join(root, 'unpackaged'), { recursive: true });
    const { runner, calls } = fakeRunner([]);
    const { deps } = testDeps(runner, root);

    await expect(runDeploy([], deps)).rejects.toThrow('unpackaged was not found');
    expect(calls).toHaveLength(0);
  });
});
