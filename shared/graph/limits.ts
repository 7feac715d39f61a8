/**
 * The sizes Netwright accepts, in one place (docs/limits.md explains them). Every
 * pass over a network is linear in these, so they are there to give a clear
 * message before a file can exhaust memory, not to keep the passes fast; each is
 * far above any real convolutional network.
 */
export const LIMITS = {
  /** Layers in one network (Inception-v3 has 313; a 100,000-layer file reads and analyses in seconds). */
  nodes: 200_000,
  /** Connections in one network. */
  edges: 1_000_000,
  /** Modules (groups) in one network, at any nesting depth. */
  modules: 200_000,
  /** Levels of nesting of arrays and objects in a JSON file (a Keras model needs about 15). */
  jsonDepth: 128,
  /**
   * Elements of one layer's output per sample (8 GiB as float32): shapes stay whole
   * numbers that multiply exactly, so no size or total can become Infinity.
   */
  tensorElements: 2 ** 31 - 1,
  /** Parameters or multiply-adds of one layer: the largest whole number a double holds exactly. */
  layerCount: Number.MAX_SAFE_INTEGER,
} as const;
