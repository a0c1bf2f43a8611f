import { reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('reads an Apex error message', () => {
    const error = { status: 500, body: { message: 'Value is missing. Enter the score to use.' } };

    expect(reduceErrors(error)).toEqual(['Value is missing. Enter the score to use.']);
  });

  it('reads a list of UI API read errors', () => {
    const error = { body: [{ message: 'First problem' }, { message: 'Second problem' }] };

    expect(reduceErrors(error)).toEqual(['First problem', 'Second problem']);
  });

  it('reads page and field errors of a record write', () => {
    const error = {
      body: {
        pageErrors: [{ message: 'Record is locked' }],
        fieldErrors: { Reason__c: [{ message: 'Reason is missing.' }] }
      }
    };

    expect(reduceErrors(error)).toEqual(['Record is locked', 'Reason is missing.']);
  });

  it('reads output errors of a UI API write', () => {
    const error = {
      body: {
        message: 'An error occurred while trying to update the record.',
        output: {
          errors: [{ message: 'Expires On cannot be in the past.' }],
          fieldErrors: { Value__c: [{ message: 'Value must be a score from 0 to 100.' }] }
        }
      }
    };

    expect(reduceErrors(error)).toEqual([
      'Expires On cannot be in the past.',
      'Value must be a score from 0 to 100.',
      'An error occurred while trying to update the record.'
    ]);
  });

  it('reads a JavaScript error', () => {
    expect(reduceErrors(new TypeError('x is undefined'))).toEqual(['x is undefined']);
  });

  it('falls back to the status text', () => {
    expect(reduceErrors({ body: null, status: 503, statusText: 'Service Unavailable' })).toEqual([
      'Service Unavailable'
    ]);
  });

  it('reads plain strings and flattens a list', () => {
    const errors = ['Offline', { body: { message: 'Timed out' } }, undefined, null];

    expect(reduceErrors(errors)).toEqual(['Offline', 'Timed out']);
  });

  it('drops duplicate messages', () => {
    const errors = [{ body: { message: 'Same' } }, { body: { message: 'Same' } }];

    expect(reduceErrors(errors)).toEqual(['Same']);
  });

  it('returns nothing without a message', () => {
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors({ body: {} })).toEqual([]);
    expect(reduceErrors(42)).toEqual([]);
    expect(reduceErrors({ body: { message: '   ' } })).toEqual([]);
  });
});
