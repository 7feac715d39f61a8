/**
 * Shared weights in the window (a Keras layer applied more than once): the node's badge and the
 * inspector's line and button. Mounted as `ui.sharedWeights`; German in weightsDe.ts.
 */
export const weightsEn = {
  badge: 'shares weights with {{owner}}',
  badgeTitle:
    'Uses the weights of {{owner}} (the same Keras layer applied again): they are counted once, at {{owner}}, and trained together.',
  label: 'Shares weights with:',
  unlink: 'Unlink',
  unlinkTitle: 'Give this layer weights of its own: the parameter count grows by its weights.',
  usedBy_one: 'Its weights are also used by {{names}}.',
  usedBy_other: 'Its weights are also used by {{count}} other layers: {{names}}.',
};
