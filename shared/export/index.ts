/** Export a Netwright graph as PyTorch or Keras code (pure: the files as data). */
export {
  type ExportFile,
  type ExportRequest,
  type GeneratedExport,
  type GenerateResult,
  generateExport,
  type TrainedState,
} from './generate';
export { kerasClassOf } from './keras/layers';
export { type ExportNetwork, type ExportNode, isImage, prepareNetwork, torchShape } from './network';
export {
  parseTrainingOptions,
  type TrainingOptions,
  type TrainingOptionsInput,
  trainingOptionsSchema,
} from './options';
export { ExportError } from './plainLayer';
export { REFERENCE_TOLERANCE, referenceInputName, referenceOutputName } from './reference';
export { type ExportTarget, frameworkName } from './target';
export { decodeTensors, encodeTensors, type NamedTensor, type Tensor, transpose } from './tensorFile';
export { tfPadding } from './tfPadding';
export { type KerasWeights, kerasWeightSpecs, WeightsMismatch } from './weights';
