// The cross-field rules the Sessions API enforces beyond single-field types and limits, as pure functions from a
// request to problems, in the order their problems are reported. Each is defined in one of the rules*.ts files.
import type { Problem } from './problem';
import type { SessionRequest } from './schema';
import type { Rule, RuleContext } from './ruleKit';
import { amountPositive, captureMethodOnlyForPay, discountNegative, itemsOnlyForPay, itemsTotalMatchesAmount, saveAmountZero, wholeAmountCurrency } from './rulesAmounts';
import {
  cardsSessionJsConfigRequired,
  cardsSessionJsSaveForced,
  channelCountryMatches,
  customerRequired,
  expiryInFuture,
  httpsReturnUrls,
  primaryChannelsInAllowed,
  recurringConfigurationRequired,
} from './rulesCore';
import { allowedChannelsAtTopLevel, componentsConfigurationRequired, knownPaymentChannels, olderModeNames, originsInComponentsConfiguration } from './rulesModes';
import { anchorDate, customerMobileNumber, itemAgreement, metadataErrorDocLimits, subscriptionCustomer, subscriptionRequired } from './rulesNewestDocs';

export type { ProblemMaker, ReadPattern, Rule, RuleContext } from './ruleKit';
export { customerStub } from './ruleKit';
export { RETURN_URL_PATHS } from './rulesCore';

/** Every cross-field rule, in the order their problems are reported. */
export const RULES: readonly Rule[] = [
  customerRequired,
  saveAmountZero,
  amountPositive,
  captureMethodOnlyForPay,
  itemsOnlyForPay,
  olderModeNames,
  originsInComponentsConfiguration,
  componentsConfigurationRequired,
  subscriptionRequired,
  subscriptionCustomer,
  anchorDate,
  cardsSessionJsConfigRequired,
  cardsSessionJsSaveForced,
  recurringConfigurationRequired,
  allowedChannelsAtTopLevel,
  knownPaymentChannels,
  primaryChannelsInAllowed,
  wholeAmountCurrency,
  expiryInFuture,
  channelCountryMatches,
  itemsTotalMatchesAmount,
  itemAgreement,
  customerMobileNumber,
  metadataErrorDocLimits,
  httpsReturnUrls,
  discountNegative,
];

/** Runs every rule on a request that passed the model; validate.ts runs them selectively on partly valid ones. */
export function checkRules(request: SessionRequest, context: RuleContext): Problem[] {
  return RULES.flatMap((rule) => rule.check(request, context));
}
