/** What a trained network sees: its first filters, a layer's activation maps, a channel's preferred input. */
export { type ActivationMaps, layerActivations, spatialLayer, truncatedModel } from './activations';
export { type ConvFilters, firstConvFilters } from './filters';
export { type MaximiseResult, type MaximiseSettings, type MaximiseStep, maximiseChannel } from './maximise';
export { describeLayers, inputShapeOf, type LayerInfo, loadSerializedModel } from './model';
export { onnxLayersModel, setLayerWeights } from './onnxModel';
export { FeatureProblem } from './problem';
