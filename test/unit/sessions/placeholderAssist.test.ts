import * as assert from 'node:assert/strict';
import { placeholderCompletions, placeholderHover } from '../../../src/sessions/placeholderAssist';
import type { PlaceholderContext } from '../../../src/sessions/placeholders';

const now = new Date('2030-01-01T00:00:00.000Z');
const context: PlaceholderContext = { now, env: (name) => (name === 'SHOP' ? 'batik' : undefined), dotenv: () => undefined };

/** The text with `|` removed, and the cursor's offset where it was. */
function cursor(marked: string): [string, number] {
  return [marked.replace('|', ''), marked.indexOf('|')];
}

function labels(marked: string): string[] {
  return placeholderCompletions(...cursor(marked)).map((completion) => completion.label);
}

describe('placeholder completion', () => {
  it('offers every placeholder after {{ in a field that takes one, replacing what is typed of the name', () => {
    assert.deepEqual(labels('{ "reference_id": "order-{{|" }'), ['$randomUUID', '$guid', '$timestamp', '$isoTimestamp', '$randomInt', '$env', '$dotenv']);
    const [text, offset] = cursor('{ "expires_at": "{{$iso|" }');
    const iso = placeholderCompletions(text, offset).find((completion) => completion.label === '$isoTimestamp');
    assert.deepEqual(iso && text.slice(iso.replaceOffset, iso.replaceOffset + iso.replaceLength), '$iso');
    assert.equal(iso?.snippet, '\\$isoTimestamp ${1:+30m}}}');
  });

  it('does not add the closing braces when they are there already', () => {
    const [completion] = placeholderCompletions(...cursor('{ "reference_id": "{{|}}" }'));
    assert.equal(completion?.snippet, '\\$randomUUID');
  });

  it('offers only what gives a number in a numeric field', () => {
    assert.deepEqual(labels('{ "amount": "{{|" }'), ['$timestamp', '$randomInt', '$env', '$dotenv']);
  });

  it('offers nothing outside {{, in a key, or in a field that takes a fixed value', () => {
    assert.deepEqual(labels('{ "reference_id": "order-|" }'), []);
    assert.deepEqual(labels('{ "{{|": 1 }'), []);
    assert.deepEqual(labels('{ "currency": "{{|" }'), []);
    assert.deepEqual(labels('{ "reference_id": "{{$guid}} |" }'), []);
  });
});

describe('placeholder hover', () => {
  it('shows what a placeholder gives now, over the placeholder only', () => {
    const [text, offset] = cursor('{ "expires_at": "{{$isoTimestamp +1|d}}" }');
    const hover = placeholderHover(text, offset, context);
    assert.ok(hover);
    assert.equal(text.slice(hover.offset, hover.offset + hover.length), '{{$isoTimestamp +1d}}');
    assert.match(hover.markdown, /^`\{\{\$isoTimestamp \+1d\}\}` in `expires_at` is now `"2030-01-02T00:00:00\.000Z"`; it is resolved again each time the request is sent\./);
  });

  it('shows a number where the field is numeric and the placeholder fills it', () => {
    const hover = placeholderHover(...cursor('{ "amount": "{{$randomInt 5 |5}}" }'), context);
    assert.match(hover?.markdown ?? '', /is now `5` \(sent as a number\)/);
  });

  it('says a numeric field is not filled when the placeholder gives no number, as the check does', () => {
    const hover = placeholderHover(...cursor('{ "amount": "{{$env SH|OP}}" }'), context);
    assert.match(hover?.markdown ?? '', /^`\{\{\$env SHOP\}\}` is now "batik", which is not a number, and `amount` takes one: the request is not sent like this\.$/);
    assert.doesNotMatch(hover?.markdown ?? '', /sent as a number/);
  });

  it('says why a placeholder gives nothing: a missing variable, an unknown name, a field that refuses one', () => {
    assert.match(placeholderHover(...cursor('{ "description": "{{$env NO|PE}}" }'), context)?.markdown ?? '', /The environment variable NOPE is not set/);
    assert.match(placeholderHover(...cursor('{ "description": "{{$env SH|OP}}" }'), context)?.markdown ?? '', /is now `"batik"`/);
    assert.match(placeholderHover(...cursor('{ "reference_id": "{{$uu|id}}" }'), context)?.markdown ?? '', /Unknown placeholder \$uuid/);
    assert.match(placeholderHover(...cursor('{ "currency": "{{$g|uid}}" }'), context)?.markdown ?? '', /not accepted in `currency`/);
    assert.match(placeholderHover(...cursor('{ "items": [{ "name": "{{$g|uid}}" }] }'), context)?.markdown ?? '', /not accepted in `items\[0\]\.name`/);
  });

  it('has nothing to say outside a placeholder', () => {
    assert.equal(placeholderHover(...cursor('{ "reference_id": "or|der-{{$guid}}" }'), context), undefined);
    assert.equal(placeholderHover(...cursor('{ "amo|unt": 1 }'), context), undefined);
  });
});
