import type { Graph } from '../graph/types';
import { type TemplateId, templatesEn } from '../i18n/templatesEn';
import { buildAlexNet } from './alexnet';
import { buildBnInception } from './bnInception';
import { buildGoogLeNet } from './googlenet';
import {
  buildGridReductionATemplate,
  buildGridReductionBTemplate,
  buildInceptionATemplate,
  buildInceptionBTemplate,
  buildInceptionCTemplate,
  INCEPTION_A,
  INCEPTION_B,
  INCEPTION_C,
  INCEPTION_REDUCTION_A,
  INCEPTION_REDUCTION_B,
} from './inceptionModules';
import { buildInceptionV3 } from './inceptionV3';
import { buildInceptionV3Unfactorized } from './inceptionV3Unfactorized';
import { buildMobileNetV1 } from './mobilenetV1';
import { buildResNet50 } from './resnet50';
import { buildSmallInception } from './smallInception';
import { buildVgg16 } from './vgg16';
import { buildZfNet } from './zfnet';

export interface Template {
  id: TemplateId;
  /** The English name (the CLI's list, project names); templateText gives it in any language with its description. */
  label: string;
  /** 'network': a whole model; 'module': one block with an Input of the size it expects. */
  category: 'network' | 'module';
  /** A fresh graph on every call, so callers may edit it. */
  build(): Graph;
}

/** Every template the app offers, in palette order; names and descriptions are in the catalogue. */
const entries: Omit<Template, 'label'>[] = [
  {
    id: 'small-inception',
    category: 'network',
    build: () => buildSmallInception(),
  },
  {
    id: 'inception-v3',
    category: 'network',
    build: () => buildInceptionV3(),
  },
  {
    id: 'inception-v3-unfactorized',
    category: 'network',
    build: () => buildInceptionV3Unfactorized(),
  },
  {
    id: 'vgg16',
    category: 'network',
    build: () => buildVgg16(),
  },
  {
    id: 'vgg19',
    category: 'network',
    build: () => buildVgg16({ depth: 19 }),
  },
  {
    id: 'alexnet',
    category: 'network',
    build: () => buildAlexNet(),
  },
  {
    id: 'zfnet',
    category: 'network',
    build: () => buildZfNet(),
  },
  {
    id: 'googlenet',
    category: 'network',
    build: () => buildGoogLeNet(),
  },
  {
    id: 'bn-inception',
    category: 'network',
    build: () => buildBnInception(),
  },
  {
    id: 'mobilenet-v1',
    category: 'network',
    build: () => buildMobileNetV1(),
  },
  {
    id: 'resnet50',
    category: 'network',
    build: () => buildResNet50(),
  },
  {
    id: INCEPTION_A,
    category: 'module',
    build: buildInceptionATemplate,
  },
  {
    id: INCEPTION_B,
    category: 'module',
    build: buildInceptionBTemplate,
  },
  {
    id: INCEPTION_C,
    category: 'module',
    build: buildInceptionCTemplate,
  },
  {
    id: INCEPTION_REDUCTION_A,
    category: 'module',
    build: buildGridReductionATemplate,
  },
  {
    id: INCEPTION_REDUCTION_B,
    category: 'module',
    build: buildGridReductionBTemplate,
  },
];

export const templates: readonly Template[] = entries.map((t) => ({ ...t, label: templatesEn[t.id].label }));

const byId = new Map<string, Template>(templates.map((t) => [t.id, t]));

export function getTemplate(id: string): Template | undefined {
  return byId.get(id);
}
export { templateText } from './templateText';
