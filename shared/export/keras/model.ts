import { pythonIdentifier, pythonString } from '../../text';
import { planForward } from '../forwardPlan';
import type { ExportNetwork } from '../network';
import { atom, call, type Expr, intTuple, keyword, list, str, tuple } from '../python/expr';
import { PythonSource } from '../python/source';
import type { Scope } from '../scopes';
import { classifierShape, describeShape } from '../shapes';
import { kerasLayerCall } from './layers';

/**
 * model.py for Keras: build_model() with the functional API, one function per module
 * (group), every layer named after its node. Shapes and layouts are Netwright's own
 * (NHWC), so nothing needs converting.
 */
export function kerasModel(net: ExportNetwork): string {
  const body = new PythonSource();
  const functions: Scope[] = [];
  const collect = (scope: Scope) => {
    for (const item of scope.items) {
      if (item.type !== 'scope') continue;
      collect(item.scope);
      functions.push(item.scope);
    }
  };
  collect(net.root);
  for (const scope of functions) {
    writeScope(body, net, scope);
    body.blank(2);
  }
  writeScope(body, net, net.root);
  body.blank(2);
  body.block(0, weightFunctions);

  const src = new PythonSource();
  src.docstring(
    0,
    // The name stays off the first two lines, where Python reads an encoding declaration.
    'Keras model exported from Netwright.',
    `The network ${pythonString(net.name)}. build_model() returns a keras.Model built with the functional API: the same layers, names and settings as the Netwright graph, in the same NHWC layout. Written for Keras 3 with the TensorFlow backend.`,
  );
  src.blank();
  src.line(0, 'import json').line(0, 'import math').line(0, 'from pathlib import Path').blank();
  src.line(0, 'import keras').line(0, 'import numpy as np').line(0, 'from keras import layers').blank();
  const classifier = classifierShape(net);
  if (classifier) {
    const input = net.nodes.get(net.inputs[0]!)!.outputShape;
    src.line(0, `INPUT_SHAPE = ${describeShape(input)}${input.length === 3 ? '  # height, width, channels' : ''}`);
    src.line(0, `NUM_CLASSES = ${classifier.classes}`);
  } else {
    const shapes = (ids: string[]) => tuple(ids.map((id) => intTuple(net.nodes.get(id)!.outputShape)));
    src.statement(0, 'INPUT_SHAPES = ', shapes(net.inputs));
    src.statement(0, 'OUTPUT_SHAPES = ', shapes(net.outputs));
  }
  src.blank(2);
  if (sharedOwners(net).size > 0) src.block(0, sharedLayerFunction).blank(2);
  src.block(0, body.toString());
  return src.toString();
}

/** The nodes whose layer other nodes apply again (shared weights). */
function sharedOwners(net: ExportNetwork): Set<string> {
  const owners = new Set<string>();
  for (const node of net.nodes.values()) if (node.sharesWeightsOf !== undefined) owners.add(node.sharesWeightsOf);
  return owners;
}

const sharedLayerFunction = `SHARED_LAYERS = {}


def shared_layer(layer):
    """The first layer built under this layer's name in the model being built: every call
    of a shared layer (one Keras layer applied more than once) applies that one object, so
    the calls share their weights.
    """
    return SHARED_LAYERS.setdefault(layer.name, layer)`;

function writeScope(src: PythonSource, net: ExportNetwork, scope: Scope) {
  const isRoot = scope.group === null;
  const single = net.inputs.length === 1;
  const plan = isRoot
    ? planForward(net, scope, net.inputs, {
        params: single ? ['inputs'] : net.inputs.map((id) => net.nodes.get(id)!.ident),
        keepParams: true,
      })
    : planForward(net, scope, scope.inputs);
  const owners = sharedOwners(net);
  if (isRoot) {
    src.line(0, 'def build_model():');
    src.docstring(4, `The Netwright network ${pythonString(net.name)} as a keras.Model.`);
    if (owners.size > 0) src.line(4, 'SHARED_LAYERS.clear()');
    net.inputs.forEach((id, i) => {
      const node = net.nodes.get(id)!;
      const input = call('keras.Input', [
        keyword('shape', intTuple(node.outputShape)),
        keyword('name', str(node.name)),
      ]);
      src.statement(4, `${plan.params[i]} = `, input);
    });
  } else {
    const g = net.groups.get(scope.group!.id)!;
    src.line(0, `def ${g.ident}(${plan.params.join(', ')}):`);
    src.docstring(4, moduleSummary(net, scope));
  }
  for (const step of plan.steps) {
    const inputs = step.inputs.map(atom);
    if (step.item.type === 'node') {
      const node = net.nodes.get(step.item.id)!;
      const ownerId = node.sharesWeightsOf ?? (owners.has(node.id) ? node.id : undefined);
      const owner = ownerId === undefined ? undefined : net.nodes.get(ownerId);
      src.statement(4, `${step.outputs[0]} = `, kerasLayerCall(node, inputs, owner));
    } else {
      const g = net.groups.get(step.item.scope.group!.id)!;
      src.statement(4, `${step.outputs.join(', ')} = `, call(g.ident, inputs));
    }
  }
  if (!isRoot) {
    src.statement(4, 'return ', returnValue(plan.returns.map(atom)));
    return;
  }
  const many = (names: string[]): Expr => (names.length === 1 ? atom(names[0]!) : list(names.map(atom)));
  const model = call('keras.Model', [
    keyword('inputs', many(plan.params)),
    keyword('outputs', many(plan.returns)),
    keyword('name', str(pythonIdentifier(net.name))),
  ]);
  src.statement(4, 'return ', model);
}

const returnValue = (values: Expr[]): Expr => (values.length === 1 ? values[0]! : tuple(values, true));

function moduleSummary(net: ExportNetwork, scope: Scope): string {
  const g = scope.group!;
  const shapes = (ids: string[]) => ids.map((id) => describeShape(net.nodes.get(id)!.outputShape)).join(', ');
  const template = g.template && g.template !== 'custom' ? ` (${g.template})` : '';
  return `Netwright module ${pythonString(g.name)}${template}: ${shapes(scope.inputs)} -> ${shapes(scope.outputs)}.`;
}

/** Weight loading, the same for every network. */
const weightFunctions = `WEIGHTS = Path(__file__).resolve().parent / "weights"


def load_tensors(path):
    """Reads a Netwright tensor file: PATH.json (names, shapes, byte offsets) and
    PATH.bin (little-endian float32).
    """
    index = json.loads(Path(f"{path}.json").read_text())
    data = Path(f"{path}.bin").read_bytes()
    tensors = {}
    for entry in index["tensors"]:
        count = math.prod(entry["shape"])
        flat = np.frombuffer(data, dtype="<f4", count=count, offset=entry["offset"])
        tensors[entry["name"]] = flat.reshape(entry["shape"])
    return tensors


def load_weights(model, path=WEIGHTS):
    """Loads weights exported by Netwright. TF.js's layouts are Keras's, so they load
    as they are; tensors are named LAYER/WEIGHT, in each layer's get_weights() order.
    """
    by_layer = {}
    for name, value in load_tensors(path).items():
        layer_name = name.rsplit("/", 1)[0]
        by_layer.setdefault(layer_name, []).append(value)
    for layer_name, values in by_layer.items():
        model.get_layer(layer_name).set_weights(values)
`;
