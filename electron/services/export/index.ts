/** Export to PyTorch / Keras code and to ONNX: the main process, the CLI and tests call these. */
export {
  type ExportOutcome,
  type ExportSummary,
  type ExportToFolder,
  exportNetwork,
  exportSavedModel,
  exportTrainedModel,
  type TrainedExport,
} from './exportNetwork';
export {
  exportOnnxFile,
  type OnnxExportRequest,
  type OnnxOutcome,
  type OnnxSummary,
  onnxExport,
  savedModelWeights,
  writeOnnxFile,
} from './onnx';
export { ExportProblem } from './problem';
export { loadSavedModel, modelWeights } from './tfjsModel';
