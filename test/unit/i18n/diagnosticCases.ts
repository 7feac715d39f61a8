import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';

/**
 * One small network per wording of every diagnostic and shape error, so a test can render
 * each in every language. Kept free of the analysis itself: the English messages these
 * produced before problem texts had keys are frozen in diagnosticMessages.json.
 */

const edge = (source: string, target: string, targetIndex = 0) => ({
  id: `${source}->${target}:${targetIndex}`,
  source,
  target,
  targetIndex,
});

/** Input 8×8×3 → `kind` with `params` fed by `inputs` shapes (extra inputs are 'inputN'). */
function one(kind: string, params: Record<string, unknown>, shapes: number[][] = [[8, 8, 3]]): Graph {
  const b = new GraphBuilder();
  const inputs = shapes.map((s, i) => b.input(s, i === 0 ? 'input' : `input${i}`));
  b.add(kind, params, inputs, 'layer');
  return b.build();
}

function chain(length: number, close = true): Graph {
  const b = new GraphBuilder();
  let x = b.add('Add', {}, [b.input([8, 8, 3])], 'n0');
  for (let i = 1; i < length; i++) x = b.add('Activation', {}, [x], `n${i}`);
  const graph = b.build();
  if (close) graph.edges.push(edge(`n${length - 1}`, 'n0', 1));
  return graph;
}

function cases(): Record<string, Graph> {
  const out: Record<string, Graph> = {};

  out.loop = chain(3);
  out.longLoop = chain(12);
  out.selfLoop = one('Add', {}, [[8, 8, 3]]);
  out.selfLoop.edges.push(edge('layer', 'layer', 1));
  // Past the largest loop traced exactly: named as a tangle.
  out.tangle = chain(65);

  {
    const b = new GraphBuilder();
    b.add('Activation', {}, [], 'lonely');
    b.add('Add', {}, [b.input([4, 4, 3])], 'half');
    out.unconnected = b.build();
  }
  {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 3]);
    const y = b.input([4, 4, 3], 'second');
    b.add('Activation', {}, [x, y], 'two');
    const graph = b.build();
    graph.edges.push(edge('second', 'input'));
    out.tooMany = graph;
  }
  out.subtractThree = one('Subtract', {}, [
    [4, 4, 3],
    [4, 4, 3],
    [4, 4, 3],
  ]);

  out.unknownKind = one('Frobnicate', {});
  out.importedReason = one('Unsupported', {
    kerasClass: 'Lambda',
    reason: 'is a layer class Netwright does not support',
  });
  out.unsupportedSameShape = one('Unsupported', {
    kerasClass: 'Lambda',
    reason: 'is a layer class Netwright does not support',
    outputShape: 'input',
  });
  out.unsupportedGiven = one('Unsupported', { kerasClass: 'Lambda', reason: 'x', outputShape: [8, 8, 2] });
  out.unsupportedTwoInputs = one('Unsupported', { kerasClass: 'Lambda', reason: 'x', outputShape: 'input' }, [
    [8, 8, 3],
    [8, 8, 3],
  ]);

  out.invalidParams = one('Conv2D', { filters: -1, kernelSize: 'big', bogus: 1 });

  out.kernelFit = one('Conv2D', { filters: 4, kernelSize: [9, 9], padding: 'valid' });
  out.kernelFitDilated = one('Conv2D', { filters: 4, kernelSize: [3, 3], dilation: [4, 4], padding: 'valid' });
  out.poolFit = one('MaxPool2D', { poolSize: [9, 9] });
  out.imageInput = one('Conv2D', { filters: 4, kernelSize: [1, 1] }, [[10]]);
  out.addShapes = one('Add', {}, [
    [8, 8, 3],
    [4, 4, 3],
  ]);
  out.multiplyShapes = one('Multiply', {}, [
    [8, 8, 3],
    [4, 4, 3],
  ]);
  out.concatAxis = one('Concatenate', { axis: 5 }, [
    [8, 8, 3],
    [8, 8, 3],
  ]);
  out.concatShapes = one('Concatenate', {}, [
    [8, 8, 3],
    [4, 4, 3],
  ]);
  out.crop = one('Cropping2D', {
    cropping: [
      [4, 4],
      [0, 0],
    ],
  });
  out.permute = one('Permute', { dims: [2, 1] });
  out.reshapeCount = one('Reshape', { targetShape: [10, 10] });
  out.reshapeFill = one('Reshape', { targetShape: [-1, 5] });
  out.groups = one('Conv2D', { filters: 4, kernelSize: [1, 1], groups: 2 });
  out.prelu = one('PReLU', { sharedAxes: [4] });
  out.normalization = one('Normalization', { mean: [0, 0], variance: [1, 1] });

  out.invalidShape = one(
    'Cropping2D',
    {
      cropping: [
        [0, 0],
        [0, 0],
      ],
    },
    [[8, 0, 3]],
  );
  out.inputTooLarge = (() => {
    const b = new GraphBuilder();
    b.input([2048, 2048, 1024]);
    return b.build();
  })();
  out.outputTooLarge = one('Conv2D', { filters: 1_000_000, kernelSize: [1, 1] }, [[2048, 2048, 3]]);
  out.tooManyParams = one('Dense', { units: 100_000_000 }, [[100_000_000]]);
  out.tooManyMacs = one('Conv2D', { filters: 8192, kernelSize: [256, 256], padding: 'same' }, [[256, 256, 8192]]);

  {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const c = b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'c');
    b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [c], 'd');
    const graph = b.build();
    graph.nodes.find((n) => n.name === 'd')!.name = 'c';
    out.duplicateName = graph;
  }
  {
    const graph = one('Activation', {});
    graph.nodes.push({ ...graph.nodes[0]!, name: 'copy' });
    graph.edges.push(edge('ghost', 'layer'), edge('layer', 'phantom'), edge('nowhere', 'nothing'));
    out.duplicateIdAndMissing = graph;
  }
  {
    const graph = one('Activation', {});
    graph.nodes.find((n) => n.id === 'layer')!.groupId = 'no-such-module';
    out.unknownGroup = graph;
  }
  {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const c = b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'side');
    b.add('Activation', {}, [b.add('Activation', {}, [x], 'a1')], 'main');
    void c;
    out.unusedOutput = b.build();
  }
  {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 3]);
    const bad = b.add('Conv2D', { filters: 3, kernelSize: [9, 9], padding: 'valid' }, [x], 'bad');
    b.add('Activation', {}, [bad], 'after');
    out.downstreamOne = b.build();
    const more = new GraphBuilder();
    const y = more.input([4, 4, 3]);
    const worse = more.add('Conv2D', { filters: 3, kernelSize: [9, 9], padding: 'valid' }, [y], 'bad');
    more.add('Activation', {}, [more.add('Activation', {}, [worse], 'a1')], 'a2');
    out.downstreamMany = more.build();
  }
  {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const owner = b.add('Conv2D', { filters: 3, kernelSize: [3, 3], padding: 'same' }, [x], 'owner');
    b.add('Conv2D', { filters: 3, kernelSize: [3, 3], padding: 'same' }, [owner], 'again');
    b.add('Conv2D', { filters: 5, kernelSize: [3, 3], padding: 'same' }, [owner], 'other');
    b.add('Conv2D', { filters: 3, kernelSize: [3, 3], padding: 'same' }, [owner], 'lost');
    const graph = b.build();
    const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
    node('again').sharesWeightsWith = 'owner';
    node('other').sharesWeightsWith = 'owner';
    node('lost').sharesWeightsWith = 'gone';
    out.sharedWeights = graph;
    const chained = structuredClone(graph);
    chained.nodes.find((n) => n.id === 'owner')!.sharesWeightsWith = 'again';
    out.sharedChain = chained;
  }
  return out;
}

export const diagnosticCases = cases();
