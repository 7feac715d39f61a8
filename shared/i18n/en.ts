/**
 * The English catalogue: every text a language switch changes, by namespace. Plural
 * forms follow i18next (`key_one`, `key_other`, chosen by `count`). German (de.ts)
 * must have exactly these keys: its type says so, and a test checks both ways.
 */
export const en = {
  cli: {
    table: {
      name: 'name',
      kind: 'kind',
      output: 'output',
      params: 'params',
      macs: 'MACs',
      receptiveField: 'receptive field',
    },
    totals: {
      params: 'Parameters: {{atLeast}}{{total}} (trainable {{trainable}}, non-trainable {{nonTrainable}})',
      macs: 'MACs: {{atLeast}}{{macs}}   FLOPs: {{atLeast}}{{flops}} (= 2 × MACs)',
      atLeast: 'at least ',
    },
    paths: {
      total: 'Paths input → output: {{paths}}',
      oneLength: 'length {{length}}',
      lengths: 'lengths {{from}} to {{to}}',
      mostOften_one: 'most often {{length}} ({{paths}} path)',
      mostOften_other: 'most often {{length}} ({{paths}} paths)',
    },
    problems: {
      heading: 'Problems:',
      headingIn: 'Problems in {{label}}:',
    },
    severity: {
      error: 'error',
      warning: 'warning',
      info: 'info',
    },
    receptiveField: {
      global: 'global',
      jump: '{{size}}, jump {{jump}}',
    },
  },
} as const;
