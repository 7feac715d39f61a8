/** Keras / TensorFlow.js Layers JSON -> Graph. */
export { importKerasJson } from './keras';
export { SUPPORTED_CLASSES } from './layers';
export {
  type ImportDiagnostic,
  type ImportDiagnosticCode,
  type ImportFailure,
  type ImportOptions,
  type ImportResult,
  type ImportSeverity,
  type ImportSuccess,
  UNSUPPORTED_KIND,
} from './types';
