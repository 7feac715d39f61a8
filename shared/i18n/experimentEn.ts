/**
 * What is wrong with an experiment's variant list (shared/experiments), in English: mounted as
 * `diagnostics.experiment`, so the experiment form's refusal and `netwright experiment
 * --variants` say it in their language (experimentDe.ts: German). Variant names are values.
 */
export const experimentEn = {
  usage: 'use original, factorized, smoothing=EPS, or a + of them (factorized+smoothing=0.1)',
  /** `usage` is the text above. */
  noVariants: 'No variants given: {{usage}}.',
  tooMany: '{{given}} variants: an experiment trains at most 12.',
  badSmoothing: 'Variant "{{name}}": label smoothing must be in [0, 1), got {{value}}.',
  unknown: 'Unknown variant "{{name}}": {{usage}}.',
  twice: 'Variant "{{name}}" is listed twice.',
  /** `reason` is why the rewrites refused the network. */
  notFactorized: 'Variant "{{name}}": {{reason}}.',
  nothingToFactorize: 'Variant "{{name}}": nothing in this network can be factorized.',
};
