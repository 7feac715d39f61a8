/** Experiments: train variants of one network (factorized, label smoothing) under the same data, seed and schedule. */
export {
  parseVariants,
  type VariantGraph,
  type VariantResult,
  type VariantSpec,
  type VariantsResult,
  variantGraph,
} from './variants';
