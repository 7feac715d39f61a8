/** Export to PyTorch / Keras code: the main process, the CLI and tests call these. */
export {
  type ExportOutcome,
  type ExportSummary,
  type ExportToFolder,
  exportNetwork,
  exportSavedModel,
  exportTrainedModel,
  type TrainedExport,
} from './exportNetwork';
export { ExportProblem } from './problem';
export { loadSavedModel, modelWeights } from './tfjsModel';
