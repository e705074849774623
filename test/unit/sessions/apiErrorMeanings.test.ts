import * as assert from 'node:assert/strict';
import { explainApiError as explainForTerminal } from '../../../src/cli/explanations';
import { API_ERROR_MEANINGS, explainApiErrorCode } from '../../../src/sessions/apiErrorMeanings';
import { explainApiError as explainForPanel } from '../../../src/vscode/resultViewBuilder';
import { referenceErrorCodes } from '../../helpers/referencePage';

describe('explainApiErrorCode', () => {
  const own = { INVALID_API_KEY: 'set the key with this surface\'s command', DUPLICATE_ERROR: 'this surface says it its own way' };

  it('prefers the surface\'s own advice, then the shared meaning', () => {
    assert.equal(explainApiErrorCode('INVALID_API_KEY', 401, own, 'unknown'), own.INVALID_API_KEY);
    assert.equal(explainApiErrorCode('DUPLICATE_ERROR', 409, own, 'unknown'), own.DUPLICATE_ERROR);
    assert.equal(explainApiErrorCode('MISSING_CUSTOMER', 400, own, 'unknown'), API_ERROR_MEANINGS.MISSING_CUSTOMER);
  });

  it('explains any unknown 5xx as a server error, and an unknown 4xx with the surface\'s fallback', () => {
    assert.equal(explainApiErrorCode('SOMETHING_NEW', 503, own, 'unknown'), API_ERROR_MEANINGS.SERVER_ERROR);
    assert.equal(explainApiErrorCode('SOMETHING_NEW', 418, own, 'unknown'), 'unknown');
  });

  it('explains every error code in the API reference, in the panel and at the terminal', () => {
    assert.ok(referenceErrorCodes.length >= 20, `only ${referenceErrorCodes.length} codes in the reference`);
    for (const { code, status } of referenceErrorCodes) {
      assert.doesNotMatch(explainForPanel(code, status), /The API answered/, `the panel has no words for ${code}`);
      assert.doesNotMatch(explainForTerminal(code, status), /The API answered/, `the CLI has no words for ${code}`);
    }
  });
});
