// The CLI's loading of the model: the zod config it sets before model.js runs must be the one zod reads.
import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { ZOD_CONFIG_GLOBAL } from '../../../src/cli/bundles';

describe('cli bundles', () => {
  it('names the global that zod keeps its config in, where loadModel asks for interpreted parsers', () => {
    const config = z.config();
    assert.equal((globalThis as Record<string, unknown>)[ZOD_CONFIG_GLOBAL], config);
  });
});
