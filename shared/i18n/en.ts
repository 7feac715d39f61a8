import type { ActionId } from '../actionIds';

/**
 * The English catalogue: every text a language switch changes, by namespace. Plural
 * forms follow i18next (`key_one`, `key_other`, chosen by `count`). German (de.ts)
 * must have exactly these keys: its type says so, and a test checks both ways.
 */
export const en = {
  ui: {
    actions: {
      open: 'Open…',
      import: 'Import…',
      save: 'Save',
      saveAs: 'Save As…',
      new: 'New',
      undo: 'Undo',
      redo: 'Redo',
      delete: 'Delete',
      selectAll: 'Select all',
      copy: 'Copy',
      paste: 'Paste',
      duplicate: 'Duplicate',
      group: 'Group',
      toggleModule: 'Collapse / expand module',
      fit: 'Fit view',
      zoomReset: 'Zoom to 100%',
      layout: 'Auto-layout',
      layoutDirection: 'Flip layout',
      clearSelection: 'Clear selection',
      exportPng: 'Export PNG',
      exportPytorch: 'Export PyTorch code',
      exportKeras: 'Export Keras code',
      exportSvg: 'Export SVG',
      presentLesson: 'Present lesson',
      shortcuts: 'Shortcuts',
    } satisfies Record<ActionId, string>,
    toolbar: {
      label: 'Main toolbar',
      export: 'Export',
      present: 'Present',
      unsaved: 'Unsaved changes',
    },
    status: {
      params: '{{atLeast}}{{params}} params ({{trainable}} trainable, {{nonTrainable}} non-trainable)',
      convention:
        'A multiply-add (MAC) is one multiply-accumulate, counted for convolutions, depthwise convolutions and dense layers; bias adds, batch norm, activations and pooling are not MACs. FLOPs = 2 × MACs. Parameters are the weights Keras would create; batch-norm moving statistics are non-trainable.',
      partial:
        'Partial: some layer is not counted (an unsupported layer, or one after an error; see Problems), so these are lower bounds.',
      macs: '{{atLeast}}{{macs}} MACs · {{flops}} FLOPs',
      macsTitle: '{{macs}} multiply-adds ({{flops}} FLOPs) per sample.',
      activations: '{{bytes}} activations',
      activationsTitle: 'Activation memory per sample, float32',
      paths_one: '{{paths}} path',
      paths_other: '{{paths}} paths',
      pathsTitle:
        '{{paths}} distinct paths from the input to the output: each residual block doubles them, each Inception module multiplies them by its branches ("exponential feature reuse").',
      backend: 'TensorFlow.js: {{backend}}',
      backendTraining: 'TensorFlow.js: {{backend}} (training)',
      selectingBackend: 'TensorFlow.js: selecting backend…',
      connecting: 'Connecting…',
    },
    sidePanel: {
      label: 'Side panel',
      inspector: 'Inspector',
      savings: 'Savings',
      train: 'Train',
      lesson: 'Lesson',
    },
    presenter: {
      dialog: 'Lesson: {{title}}',
      caption: 'Caption',
      comparison: 'Comparison',
      network: 'Network',
      chartAlt: 'Parameters and multiply-adds: {{a}} and {{b}}',
      keys: '→ / Space next · ← back · H contrast · Esc back to editing',
    },
    language: {
      label: 'Language',
      system: 'System ({{language}})',
      en: 'English',
      de: 'Deutsch',
      saveFailed: 'Could not remember the language: {{reason}}',
    },
  },
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
