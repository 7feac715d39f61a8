import { MAX_IDENTIFIER_LENGTH } from '../../text';

/**
 * Python names for node and module names. Netwright names are free text ("conv 1",
 * "3x3-reduce"); Python needs identifiers. Most names pass unchanged; the rest are
 * renamed predictably (pythonIdentifier) and listed in the export's README.
 */

const KEYWORDS = [
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
];

/** Names the generated files use for themselves: modules, helpers, and the loop variable `x`. */
const GENERATED = [
  'x',
  'self',
  'super',
  'torch',
  'nn',
  'F',
  'math',
  'json',
  'sys',
  'Path',
  'np',
  'keras',
  'layers',
  'tf',
  'build_model',
  'load_weights',
  'load_tensors',
  'init_like_keras',
  'INPUT_SHAPE',
  'INPUT_SHAPES',
  'OUTPUT_SHAPES',
  'NUM_CLASSES',
  'WEIGHTS',
  'Network',
  'outputs',
  'inputs',
  'model',
  'float',
  'print',
  'isinstance',
];

/**
 * nn.Module's own attributes: a submodule named `train` or `to` would shadow the method.
 * `predict` is the generated model's own method.
 */
const MODULE_ATTRIBUTES = [
  'add_module',
  'apply',
  'bfloat16',
  'buffers',
  'call_super_init',
  'children',
  'cpu',
  'cuda',
  'double',
  'dump_patches',
  'eval',
  'extra_repr',
  'float',
  'forward',
  'get_buffer',
  'get_extra_state',
  'get_parameter',
  'get_submodule',
  'half',
  'ipu',
  'load_state_dict',
  'modules',
  'named_buffers',
  'named_children',
  'named_modules',
  'named_parameters',
  'parameters',
  'predict',
  'register_backward_hook',
  'register_buffer',
  'register_forward_hook',
  'register_forward_pre_hook',
  'register_full_backward_hook',
  'register_full_backward_pre_hook',
  'register_load_state_dict_post_hook',
  'register_module',
  'register_parameter',
  'register_state_dict_pre_hook',
  'requires_grad_',
  'set_extra_state',
  'share_memory',
  'state_dict',
  'to',
  'to_empty',
  'train',
  'training',
  'type',
  'xpu',
  'zero_grad',
];

const RESERVED = new Set([...KEYWORDS, ...GENERATED, ...MODULE_ATTRIBUTES]);

/** "mixed0" → "Mixed0", "dw_block_1" → "DwBlock1"; derived like pythonIdentifier, never copied. */
export function className(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  return (/^[A-Za-z]/.test(joined) ? joined : `Module${joined}`).slice(0, MAX_IDENTIFIER_LENGTH);
}

/** Hands out unique identifiers. */
export class IdentifierPool {
  private readonly used = new Set<string>();

  constructor(extraReserved: Iterable<string> = []) {
    for (const name of extraReserved) this.used.add(name);
  }

  isFree(id: string): boolean {
    return !RESERVED.has(id) && !this.used.has(id);
  }

  /** For node names: a reserved word gets a trailing underscore (`class_`), a repeat a number (`a_b_2`). */
  take(base: string): string {
    const first = RESERVED.has(base) ? `${base}_` : base;
    return this.claim(first, (n) => `${first}_${n}`);
  }

  /** For modules and classes: any clash adds `suffix` (`mixed0_block`), then a number. */
  takeWithSuffix(base: string, suffix: string): string {
    return this.claim(this.isFree(base) ? base : `${base}${suffix}`, (n) => `${base}${suffix}_${n}`);
  }

  private claim(first: string, numbered: (n: number) => string): string {
    let id = first;
    for (let n = 2; !this.isFree(id); n++) id = numbered(n);
    this.used.add(id);
    return id;
  }

  reserve(id: string): void {
    this.used.add(id);
  }
}
