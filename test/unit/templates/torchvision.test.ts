import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { getTemplate } from '../../../shared/templates';
import { announceSkip, PYTHON, probe } from '../export/helpers';

const torchvisionCheck = probe(['-c', 'import torchvision']);
announceSkip('torchvision counts of the lecture templates', torchvisionCheck, "Install Debian's python3-torchvision.");

/** Parameters and multiply-adds (conv and linear layers, per sample) of a torchvision model at 224×224. */
const COUNT = `
import sys, json, torch, torchvision
out = {}
for name in sys.argv[1:]:
    model = getattr(torchvision.models, name)().eval()
    macs = [0]
    def hook(m, inputs, output):
        if isinstance(m, torch.nn.Conv2d):
            macs[0] += output[0].numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
        elif isinstance(m, torch.nn.Linear):
            macs[0] += m.in_features * m.out_features
    for m in model.modules():
        m.register_forward_hook(hook)
    with torch.no_grad():
        model(torch.zeros(1, 3, 224, 224))
    out[name] = {"params": sum(p.numel() for p in model.parameters()), "macs": macs[0]}
print(json.dumps(out))
`;

describe.skipIf(!torchvisionCheck.ok)('lecture templates against torchvision, counted here', () => {
  it('AlexNet and VGG19: the same parameters and multiply-adds as torchvision', () => {
    const run = spawnSync(PYTHON, ['-c', COUNT, 'alexnet', 'vgg19'], { encoding: 'utf8', timeout: 300_000 });
    expect(run.stderr.replace(/.*UserWarning.*\n.*\n?/g, '')).not.toMatch(/Error/);
    const reference = JSON.parse(run.stdout) as Record<string, { params: number; macs: number }>;
    for (const [template, name] of [
      ['alexnet', 'alexnet'],
      ['vgg19', 'vgg19'],
    ] as const) {
      const totals = analyzeGraph(getTemplate(template)!.build()).totals;
      expect({ params: totals.params, macs: totals.macs }, template).toEqual(reference[name]);
    }
  }, 300_000);
});
