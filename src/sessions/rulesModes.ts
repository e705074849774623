// Rules the newest docs (2026) add about modes and where fields live: the older names COMPONENT and
// CARDS_SESSION_JS, components_configuration, and allowed_payment_channels at the top level.
import { PAYMENT_CHANNELS } from './channels';
import { closest } from './closest';
import { pathPhrase } from './jsonPath';
import { phrase } from './phrase';
import { type Fix, type FixStep, type JsonPath, titled } from './problem';
import { defineRule } from './ruleKit';
import type { SessionRequest } from './schema';

const KNOWN_CHANNELS: ReadonlySet<string> = new Set(PAYMENT_CHANNELS);
/** What the fixes put in a new components_configuration when the request names no origin: the user edits it. */
const PLACEHOLDER_ORIGIN = 'https://yourcompany.com';

/** The steps that move the older top-level `origins` into `components_configuration.origins`. */
function moveOriginsSteps(request: SessionRequest): FixStep[] {
  const kept = request.components_configuration?.origins ?? [];
  const moved = request.origins ?? [];
  const origins = [...new Set([...kept, ...moved])];
  return [
    { kind: 'set', path: ['components_configuration', 'origins'], value: origins.length > 0 ? origins : [PLACEHOLDER_ORIGIN] },
    ...(request.origins !== undefined ? [{ kind: 'remove', path: ['origins'] } as const] : []),
  ];
}

export const olderModeNames = defineRule({
  name: 'older-mode-names',
  summary: 'mode COMPONENT and CARDS_SESSION_JS are the older page\'s: not in the newest public enum',
  reads: [['mode'], ['origins', '*'], ['components_configuration', 'origins', '*']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.mode === 'COMPONENT') {
      const fix: Fix = {
        ...titled(phrase('Use mode COMPONENTS with components_configuration.origins')),
        kind: 'edits',
        path: ['mode'],
        edits: [{ kind: 'set', path: ['mode'], value: 'COMPONENTS' }, ...moveOriginsSteps(request)],
      };
      return [
        problem(
          'warning',
          'MODE_NOT_SUPPORTED',
          ['mode'],
          phrase(
            "mode COMPONENT is the older API page's name; the newest docs list PAYMENT_LINK and COMPONENTS only, so the API likely answers MODE_NOT_SUPPORTED. Use COMPONENTS, with the origins in components_configuration.origins.",
          ),
          fix,
        ),
      ];
    }
    if (request.mode === 'CARDS_SESSION_JS') {
      return [
        problem(
          'warning',
          'MODE_NOT_SUPPORTED',
          ['mode'],
          phrase(
            "mode CARDS_SESSION_JS is not in the newest docs' public enum (PAYMENT_LINK, COMPONENTS), though their error list still describes its rules: the API may refuse it. For card forms on your own page, COMPONENTS is the documented mode.",
          ),
        ),
      ];
    }
    return [];
  },
});

export const originsInComponentsConfiguration = defineRule({
  name: 'origins-in-components-configuration',
  summary: 'the older top-level origins belong in components_configuration.origins',
  reads: [['mode'], ['origins', '*'], ['components_configuration', 'origins', '*']],
  anchor: 'key',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    // With mode COMPONENT, older-mode-names' fix moves them along with the mode.
    if (request.origins === undefined || request.origins === null || request.mode === 'COMPONENT') return [];
    return [
      problem(
        'warning',
        'API_VALIDATION_ERROR',
        ['origins'],
        phrase(
          "origins at the top level is the older API page's place; the newest docs read them from components_configuration.origins (and only in COMPONENTS mode). Move them there.",
        ),
        { ...titled(phrase('Move origins into components_configuration')), kind: 'edits', path: ['origins'], edits: moveOriginsSteps(request) },
      ),
    ];
  },
});

export const componentsConfigurationRequired = defineRule({
  name: 'components-configuration-required',
  summary: 'COMPONENTS mode needs components_configuration with its origins',
  reads: [['mode'], ['components_configuration'], ['origins', '*']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.mode !== 'COMPONENTS' || request.components_configuration !== undefined) return [];
    return [
      problem(
        'error',
        'API_VALIDATION_ERROR',
        ['mode'],
        phrase('mode COMPONENTS needs {0}, the HTTPS origins of the pages that embed the components. Add it.', '"components_configuration": { "origins": [...] }'),
        { ...titled(phrase('Add components_configuration (edit its origins)')), kind: 'edits', path: ['components_configuration'], edits: moveOriginsSteps(request) },
      ),
    ];
  },
});

export const allowedChannelsAtTopLevel = defineRule({
  name: 'allowed-channels-at-top-level',
  summary: 'allowed_payment_channels is a top-level field, not part of payment_link_configuration',
  reads: [['payment_link_configuration', 'allowed_payment_channels'], ['allowed_payment_channels']],
  anchor: 'key',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const inner = request.payment_link_configuration?.allowed_payment_channels;
    if (inner === undefined) return [];
    const path: JsonPath = ['payment_link_configuration', 'allowed_payment_channels'];
    const both = request.allowed_payment_channels !== undefined;
    const fix: Fix = both
      ? { ...titled(phrase('Remove payment_link_configuration.allowed_payment_channels')), kind: 'remove', path }
      : {
          ...titled(phrase('Move allowed_payment_channels to the top level')),
          kind: 'edits',
          path,
          edits: [
            { kind: 'set', path: ['allowed_payment_channels'], value: inner },
            { kind: 'remove', path },
          ],
        };
    return [
      problem(
        'warning',
        'API_VALIDATION_ERROR',
        path,
        both
          ? phrase('allowed_payment_channels is given twice; the newest docs read only the top-level one, so this one is likely ignored or refused. Remove it.')
          : phrase(
              "allowed_payment_channels sits in payment_link_configuration, the older API page's place; the newest docs and the official request schema take it only at the top level, so here it likely restricts nothing (every channel stays allowed). Move it there.",
            ),
        fix,
      ),
    ];
  },
});

export const knownPaymentChannels = defineRule({
  name: 'known-payment-channels',
  summary: 'payment channel codes are ones the API reference lists',
  reads: [['allowed_payment_channels', '*'], ['payment_link_configuration', 'allowed_payment_channels', '*'], ['payment_link_configuration', 'primary_payment_channels', '*']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const lists: { path: JsonPath; channels: readonly string[] }[] = [
      { path: ['allowed_payment_channels'], channels: request.allowed_payment_channels ?? [] },
      { path: ['payment_link_configuration', 'allowed_payment_channels'], channels: request.payment_link_configuration?.allowed_payment_channels ?? [] },
      { path: ['payment_link_configuration', 'primary_payment_channels'], channels: request.payment_link_configuration?.primary_payment_channels ?? [] },
    ];
    return lists.flatMap(({ path, channels }) =>
      channels.flatMap((channel, index) => {
        if (KNOWN_CHANNELS.has(channel)) return [];
        const suggestion = closest(channel, PAYMENT_CHANNELS);
        const channelPath = [...path, index];
        const fix: Fix | undefined = suggestion ? { ...titled(phrase('Use {0}', suggestion)), kind: 'set', path: channelPath, value: suggestion } : undefined;
        return [
          problem(
            'warning',
            'INVALID_PAYMENT_CHANNEL',
            channelPath,
            phrase(
              '{0} is {1}, which the API reference does not list; the API answers INVALID_PAYMENT_CHANNEL to a channel it does not know or you have not activated. {2}',
              pathPhrase(channelPath),
              channel,
              suggestion ? phrase('Did you mean {0}?', suggestion) : phrase('Check the channel code.'),
            ),
            fix,
          ),
        ];
      }),
    );
  },
});
