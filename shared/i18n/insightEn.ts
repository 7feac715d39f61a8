/** The timeline chart's own texts (shared/insight/timelineSvg.ts) and its speaker notes (timelineSlides.ts). */
export const insightEn = {
  timeline: {
    titleYear: 'ImageNet top-5 error by year',
    titleCost: 'Multiply-adds by depth',
    subtitleYear: 'Headline figures, mostly ensembles (see the table); marker area ∝ depth in weight layers',
    subtitleCost: 'Depth in weight layers on the longest path; counts from the templates where Netwright has one',
    top5Axis: 'top-5 error',
    depthAxis: 'depth (weight layers)',
    macsAxis: 'multiply-adds per image (log)',
    human: 'human estimate {{value}}%',
    layers: '{{depth}} layers',
    noCnn: 'no CNN',
    own: '{{name}} (yours, untrained on ImageNet: no error to show)',
    ownNoMacs: '{{name}} has no multiply-adds to place it by.',
    noteEntry: '{{name}} ({{year}}): {{value}}% top-5, {{note}}.',
    noteSingle: ' Single model: {{value}}% ({{note}}).',
    noteCounts: ' Counts: Netwright template "{{template}}".',
    noteSource: ' Source: {{citation}}, {{year}}.',
    noteHuman: 'Human estimate: {{value}}%, {{note}}. Source: {{citation}}, {{year}}.',
    noteOwn:
      '{{name}}: {{depth}} weight layers, {{params}} parameters, {{macs}} multiply-adds; not trained on ImageNet, so it has no error on this chart.',
  },
  /** A lesson step's numbers table on its slide (shared/lessons/lessonDeck.ts). */
  deck: {
    parameters: 'parameters',
    macs: 'multiply-adds',
    outputShape: 'output shape',
    receptiveField: 'receptive field',
    steps_one: '{{count}} step',
    steps_other: '{{count}} steps',
  },
};
