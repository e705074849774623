import * as assert from 'node:assert/strict';
import { explainApiError as explainForTerminal } from '../../../src/cli/explanations';
import { API_ERROR_MEANINGS, apiErrorMeaning } from '../../../src/sessions/apiErrorMeanings';
import { say } from '../../../src/sessions/phrase';
import { explainApiError as explainForPanel } from '../../../src/vscode/resultViewBuilder';
import { referenceErrorCodes } from '../../helpers/referencePage';

describe('apiErrorMeaning', () => {
  it('gives the shared meaning of a code', () => {
    assert.equal(apiErrorMeaning('MISSING_CUSTOMER', 400), API_ERROR_MEANINGS.MISSING_CUSTOMER);
  });

  it('explains any unknown 5xx as a server error, and knows nothing of an unknown 4xx', () => {
    assert.equal(apiErrorMeaning('SOMETHING_NEW', 503), API_ERROR_MEANINGS.SERVER_ERROR);
    assert.equal(apiErrorMeaning('SOMETHING_NEW', 418), undefined);
  });

  it("prefers each surface's own advice, then the shared meaning, then its fallback", () => {
    assert.match(say(explainForPanel('INVALID_API_KEY', 401)), /Xendit: Set API Key/);
    assert.match(explainForTerminal('INVALID_API_KEY', 401), /XENDIT_SECRET_KEY/);
    assert.equal(explainForPanel('MISSING_CUSTOMER', 400), API_ERROR_MEANINGS.MISSING_CUSTOMER);
    assert.equal(explainForTerminal('MISSING_CUSTOMER', 400), say(API_ERROR_MEANINGS.MISSING_CUSTOMER ?? []));
    assert.equal(say(explainForPanel('SOMETHING_NEW', 418)), 'The API answered 418 SOMETHING_NEW. See the message and errors below.');
    assert.equal(explainForTerminal('SOMETHING_NEW', 418), 'The API answered 418 SOMETHING_NEW; see the message above.');
  });

  it('explains every error code in the API reference, in the panel and at the terminal', () => {
    assert.ok(referenceErrorCodes.length >= 20, `only ${referenceErrorCodes.length} codes in the reference`);
    for (const { code, status } of referenceErrorCodes) {
      assert.doesNotMatch(say(explainForPanel(code, status)), /The API answered/, `the panel has no words for ${code}`);
      assert.doesNotMatch(explainForTerminal(code, status), /The API answered/, `the CLI has no words for ${code}`);
    }
  });
});
