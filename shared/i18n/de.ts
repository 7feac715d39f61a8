import type { Catalogue } from './catalogue';

/** The German catalogue: the same keys as en.ts (its type enforces it), German texts. */
export const de: Catalogue = {
  cli: {
    table: {
      name: 'Name',
      kind: 'Art',
      output: 'Ausgabe',
      params: 'Parameter',
      macs: 'MACs',
      receptiveField: 'rezeptives Feld',
    },
    totals: {
      params: 'Parameter: {{atLeast}}{{total}} (trainierbar {{trainable}}, nicht trainierbar {{nonTrainable}})',
      macs: 'MACs: {{atLeast}}{{macs}}   FLOPs: {{atLeast}}{{flops}} (= 2 × MACs)',
      atLeast: 'mindestens ',
    },
    paths: {
      total: 'Pfade Eingabe → Ausgabe: {{paths}}',
      oneLength: 'Länge {{length}}',
      lengths: 'Längen {{from}} bis {{to}}',
      mostOften_one: 'am häufigsten {{length}} ({{paths}} Pfad)',
      mostOften_other: 'am häufigsten {{length}} ({{paths}} Pfade)',
    },
    problems: {
      heading: 'Probleme:',
      headingIn: 'Probleme in {{label}}:',
    },
    severity: {
      error: 'Fehler',
      warning: 'Warnung',
      info: 'Hinweis',
    },
    receptiveField: {
      global: 'global',
      jump: '{{size}}, Schrittweite {{jump}}',
    },
  },
};
