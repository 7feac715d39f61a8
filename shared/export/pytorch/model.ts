import { pythonString } from '../../text';
import { planForward } from '../forwardPlan';
import { type ExportNetwork, isImage, torchShape } from '../network';
import { atom, call, type Expr, int, intTuple, keyword, tuple } from '../python/expr';
import { PythonSource } from '../python/source';
import type { Scope } from '../scopes';
import { classifierShape, describeShape } from '../shapes';
import { type HelperName, helperSources } from './helpers';
import { selfRef, type TorchLayer, torchLayer } from './layers';

export interface TorchModel {
  source: string;
  /** Node id → module path in the model (`mixed0_block.conv2d_5`), null for nodes without a module. */
  modulePaths: Map<string, string | null>;
}

/**
 * model.py: one nn.Module class per module (group), one submodule per layer named after
 * its node, forward() following the graph. Images are NCHW, as PyTorch expects.
 */
export function pytorchModel(net: ExportNetwork): TorchModel {
  const layers = new Map<string, TorchLayer>();
  const helpers = new Set<HelperName>();
  for (const [id, node] of net.nodes) {
    if (node.layer.kind === 'Input') continue;
    const layer = torchLayer(node);
    layers.set(id, layer);
    for (const h of layer.helpers) helpers.add(h);
  }
  const modulePaths = new Map<string, string | null>();
  const body = new PythonSource();
  const classes: { scope: Scope; name: string }[] = [];
  const collect = (scope: Scope, prefix: string) => {
    for (const item of scope.items) {
      if (item.type === 'node') {
        modulePaths.set(item.id, layers.get(item.id)?.module ? `${prefix}${net.nodes.get(item.id)!.ident}` : null);
      } else {
        const g = net.groups.get(item.scope.group!.id)!;
        collect(item.scope, `${prefix}${g.ident}.`);
        classes.push({ scope: item.scope, name: g.className });
      }
    }
  };
  collect(net.root, '');

  for (const { scope, name } of classes) {
    writeScopeClass(body, net, layers, scope, name);
    body.blank(2);
  }
  writeScopeClass(body, net, layers, net.root, 'Network', modulePaths);
  body.blank(2);
  body.block(0, moduleFunctions);

  const src = new PythonSource();
  // The name stays off the first two lines, where Python reads an encoding declaration.
  src.docstring(0, 'PyTorch model exported from Netwright.', modelDocstring(net));
  src.blank();
  src.line(0, 'import json').line(0, 'import math').line(0, 'import sys').line(0, 'from pathlib import Path').blank();
  src.line(0, 'import torch');
  if (/\bF\./.test(body.toString() + helperSources(helpers).join(''))) {
    src.line(0, 'import torch.nn.functional as F');
  }
  src.line(0, 'from torch import nn').blank();
  writeShapeConstants(src, net);
  src.blank(2);
  for (const helper of helperSources(helpers)) src.block(0, helper).blank(2);
  src.block(0, body.toString());
  return { source: src.toString(), modulePaths };
}

function modelDocstring(net: ExportNetwork): string {
  const input = net.nodes.get(net.inputs[0]!)!;
  const nchw = isImage(input.outputShape)
    ? `It takes NCHW batches, (N, ${torchShape(input.outputShape).join(', ')}), where Netwright and Keras use NHWC; images inside stay NCHW.`
    : '';
  return [
    `The network ${pythonString(net.name)}. build_model() returns it as an nn.Module. ${nchw}`,
    'Layers carry the Netwright node names; README.md lists the conversions (padding, batch norm, flatten order).',
  ].join(' ');
}

function writeShapeConstants(src: PythonSource, net: ExportNetwork) {
  const classifier = classifierShape(net);
  if (classifier) {
    const input = net.nodes.get(net.inputs[0]!)!.outputShape;
    const comment = isImage(input) ? '  # channels, height, width' : '';
    src.line(0, `INPUT_SHAPE = ${renderTuple(torchShape(input))}${comment}`);
    src.line(0, `NUM_CLASSES = ${classifier.classes}`);
    return;
  }
  const shapes = (ids: string[]) => tuple(ids.map((id) => intTuple(torchShape(net.nodes.get(id)!.outputShape))));
  src.statement(0, 'INPUT_SHAPES = ', shapes(net.inputs));
  src.statement(0, 'OUTPUT_SHAPES = ', shapes(net.outputs));
}

const renderTuple = (values: number[]) => (values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`);

function writeScopeClass(
  src: PythonSource,
  net: ExportNetwork,
  layers: Map<string, TorchLayer>,
  scope: Scope,
  name: string,
  modulePaths?: ReadonlyMap<string, string | null>,
) {
  const isRoot = scope.group === null;
  const paramNodes = isRoot ? net.inputs : scope.inputs;
  src.line(0, `class ${name}(nn.Module):`);
  src.docstring(4, isRoot ? rootSummary(net) : moduleSummary(net, scope), isRoot ? rootDetails(net) : '');
  src.blank();
  src.line(4, 'def __init__(self):');
  src.line(8, 'super().__init__()');
  for (const item of scope.items) {
    if (item.type === 'scope') {
      const g = net.groups.get(item.scope.group!.id)!;
      src.line(8, `self.${g.ident} = ${g.className}()`);
      continue;
    }
    const node = net.nodes.get(item.id)!;
    const layer = layers.get(item.id)!;
    if (!layer.module) continue;
    const notes: string[] = [];
    if (node.ident !== node.name) notes.push(`Netwright layer ${pythonString(node.name)}.`);
    if (node.sourceKind !== node.layer.kind)
      notes.push(`${node.sourceKind} in Netwright, written as ${node.layer.kind}.`);
    if (layer.note) notes.push(layer.note);
    if (notes.length) src.comment(8, notes.join(' '));
    src.statement(8, `self.${node.ident} = `, layer.module);
    if (node.frozen) src.line(8, `self.${node.ident}.requires_grad_(False)`);
  }
  if (modulePaths) writeSharedModules(src, net, modulePaths);
  src.blank();
  const plan = planForward(net, scope, paramNodes, { passThrough: (id) => layers.get(id)?.module === null });
  src.line(4, `def forward(self, ${plan.params.join(', ')}):`);
  for (const step of plan.steps) {
    const inputs = step.inputs.map(atom);
    if (step.item.type === 'node') {
      const node = net.nodes.get(step.item.id)!;
      const layer = layers.get(step.item.id)!;
      if (!layer.module) {
        src.comment(8, `${node.ident}: the final softmax is applied by predict(); training uses the logits.`);
        continue;
      }
      src.statement(8, `${step.outputs[0]} = `, layer.forward(inputs, selfRef(node.ident)));
    } else {
      const g = net.groups.get(step.item.scope.group!.id)!;
      src.statement(8, `${step.outputs.join(', ')} = `, call(selfRef(g.ident), inputs));
    }
  }
  src.statement(8, 'return ', returnValue(plan.returns.map(atom)));
  writeFrozenBatchNormEval(src, net, scope);
  if (isRoot) writePredict(src, net, plan.params);
}

const returnValue = (values: Expr[]): Expr => (values.length === 1 ? values[0]! : tuple(values, true));

function moduleSummary(net: ExportNetwork, scope: Scope): string {
  const g = scope.group!;
  const shapes = (ids: string[]) =>
    ids.map((id) => describeShape(torchShape(net.nodes.get(id)!.outputShape))).join(', ');
  const template = g.template && g.template !== 'custom' ? ` (${g.template})` : '';
  return `Netwright module ${pythonString(g.name)}${template}: ${shapes(scope.inputs)} -> ${shapes(scope.outputs)}.`;
}

function rootSummary(net: ExportNetwork): string {
  return `The Netwright network ${pythonString(net.name)}.`;
}

function rootDetails(net: ExportNetwork): string {
  const softmax = net.outputs.some((id) => net.nodes.get(id)!.finalSoftmax);
  return softmax
    ? 'forward() returns logits, which is what CrossEntropyLoss trains on; predict() applies the final softmax, giving the outputs Netwright computes.'
    : 'forward() and predict() both give the outputs Netwright computes.';
}

function writePredict(src: PythonSource, net: ExportNetwork, params: string[]) {
  src.blank();
  src.line(4, `def predict(self, ${params.join(', ')}):`);
  const softmax = net.outputs.some((id) => net.nodes.get(id)!.finalSoftmax);
  src.docstring(8, softmax ? 'The outputs as Netwright computes them: softmax included.' : 'The same as forward().');
  const forward = call('self', params.map(atom));
  const softmaxOf = (value: Expr, id: string): Expr => {
    const node = net.nodes.get(id)!;
    if (!node.finalSoftmax) return value;
    return call('torch.softmax', [value, keyword('dim', int(isImage(node.outputShape) ? 1 : -1))]);
  };
  if (net.outputs.length === 1) {
    src.statement(8, 'return ', softmaxOf(forward, net.outputs[0]!));
    return;
  }
  src.statement(8, 'outputs = ', forward);
  const values = net.outputs.map((id, i) => softmaxOf(atom(`outputs[${i}]`), id));
  src.statement(8, 'return ', tuple(values, true));
}

/** Initialisation and weight loading, the same for every network. */
const moduleFunctions = `def init_like_keras(model):
    """Keras's default initialisation, so training starts as it would in Netwright:
    Glorot-uniform kernels and zero biases (PyTorch's own defaults differ). Depthwise
    kernels get PyTorch's fan sizes, which differ slightly from Keras's.
    """
    for module in model.modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(module.weight)
            if module.bias is not None:
                nn.init.zeros_(module.bias)


def build_model():
    """The network as an nn.Module, initialised as Keras would."""
    model = Network()
    init_like_keras(model)
    return model


WEIGHTS = Path(__file__).resolve().parent / "weights"


def load_tensors(path):
    """Reads a Netwright tensor file: PATH.json (names, shapes, byte offsets) and
    PATH.bin (little-endian float32).
    """
    index = json.loads(Path(f"{path}.json").read_text())
    data = bytearray(Path(f"{path}.bin").read_bytes())
    if sys.byteorder != "little":
        raise RuntimeError("the tensor file is little-endian and this machine is not")
    tensors = {}
    for entry in index["tensors"]:
        count = math.prod(entry["shape"])
        offset = entry["offset"]
        flat = torch.frombuffer(data, dtype=torch.float32, count=count, offset=offset)
        tensors[entry["name"]] = flat.reshape(entry["shape"])
    return tensors


def load_weights(model, path=WEIGHTS):
    """Loads weights exported by Netwright, already in PyTorch's layouts (OIHW, ...)."""
    state = load_tensors(path)
    missing, unexpected = model.load_state_dict(state, strict=False)
    # num_batches_tracked only counts training steps; Keras has no such weight. A shared
    # layer's later calls hold the very tensors loaded under its first call's name.
    tensors = model.state_dict(keep_vars=True)
    loaded = {id(tensors[key]) for key in state if key in tensors}
    missing = [
        key
        for key in missing
        if not key.endswith("num_batches_tracked") and id(tensors[key]) not in loaded
    ]
    if missing or unexpected:
        raise ValueError(
            f"weights do not fit: missing {missing}, unexpected {unexpected}"
        )
`;

/**
 * A shared layer's later calls apply its first call's module: the root ties each such module
 * path to the first's once every module is built, so parameters() counts the weights once.
 */
function writeSharedModules(src: PythonSource, net: ExportNetwork, modulePaths: ReadonlyMap<string, string | null>) {
  for (const node of net.nodes.values()) {
    if (node.sharesWeightsOf === undefined) continue;
    const path = modulePaths.get(node.id);
    const owner = modulePaths.get(node.sharesWeightsOf);
    if (!path || !owner) continue;
    const ownerName = net.nodes.get(node.sharesWeightsOf)!.name;
    src.comment(8, `Shared weights: ${pythonString(node.name)} applies the layer of ${pythonString(ownerName)}.`);
    src.line(8, `self.${path} = self.${owner}`);
  }
}

/**
 * A frozen batch norm stays in eval mode when the model trains: it normalises with its
 * running statistics and leaves them alone, as Keras runs a frozen BatchNormalization.
 */
function writeFrozenBatchNormEval(src: PythonSource, net: ExportNetwork, scope: Scope): void {
  const frozen = scope.items
    .map((item) => (item.type === 'node' ? net.nodes.get(item.id) : undefined))
    .filter((node) => node?.frozen && node.layer.kind === 'BatchNorm');
  if (frozen.length === 0) return;
  src.blank();
  src.line(4, 'def train(self, mode=True):');
  src.line(8, 'super().train(mode)');
  for (const node of frozen) src.line(8, `self.${node!.ident}.eval()  # frozen`);
  src.line(8, 'return self');
}
