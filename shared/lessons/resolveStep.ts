import { type Analysis, analyzeGraph } from '../analysis';
import type { Graph } from '../graph/types';
import type { Language } from '../i18n';
import { type FieldResult, fieldGeometry } from '../insight';
import { getTemplate, templateText } from '../templates';
import { type Comparison, compareGraphs } from '../transforms';
import { fillCaption } from './captions';
import type { Lesson, LessonStep, StepNetwork } from './lessonFile';

/** A step ready to show: its network analysed, its caption filled, and what is wrong with it, if anything. */
export interface ResolvedStep {
  step: LessonStep;
  /** Position in the lesson, from 1. */
  number: number;
  name: string;
  graph: Graph | null;
  analysis: Analysis | null;
  /** With `compareWith`'s network (that one as A, this one as B). */
  comparison: Comparison | null;
  caption: string;
  /** With show 'receptiveField': the named layer's field, and the compared step's layer's beside it. */
  field: { own: FieldResult; other: FieldResult | null } | null;
  /** One line each; the step still shows what it can. */
  problems: string[];
}

/** The field of the layer named `name`, or why it cannot be drawn. */
function fieldOf(net: { graph: Graph; analysis: Analysis; name: string }, name: string): FieldResult {
  const node = net.graph.nodes.find((n) => n.name === name);
  if (!node)
    return { ok: false, message: `No layer "${name}" in ${net.name}: name one of its layers for the receptive field.` };
  return fieldGeometry(net.graph, net.analysis, node.id);
}

type NetworkResult = { ok: true; name: string; graph: Graph } | { ok: false; problem: string };

function networkOf(network: StepNetwork, language: Language): NetworkResult {
  if ('graph' in network) return { ok: true, name: network.name, graph: network.graph };
  const template = getTemplate(network.template);
  if (!template) {
    return {
      ok: false,
      problem: `The template "${network.template}" no longer exists: choose another network for this step.`,
    };
  }
  // The template's name in the lesson's language: it titles the step's chart and table.
  return { ok: true, name: templateText(template, language).label, graph: template.build() };
}

/** Steps resolve once per lesson object: stepping back and forth does not analyse again. */
const cache = new WeakMap<Lesson, Map<string, ResolvedStep>>();

export function resolveStep(lesson: Lesson, index: number): ResolvedStep {
  const step = lesson.steps[index]!;
  let resolved = cache.get(lesson)?.get(step.id);
  if (resolved) return resolved;
  resolved = resolve(lesson, step, index);
  const steps = cache.get(lesson) ?? new Map<string, ResolvedStep>();
  steps.set(step.id, resolved);
  cache.set(lesson, steps);
  return resolved;
}

type Analysed = { name: string; graph: Graph; analysis: Analysis } | string;

/** Each step's network built and analysed once per lesson: a step compared with another reuses it. */
const networks = new WeakMap<Lesson, Map<string, Analysed>>();

function analysed(lesson: Lesson, step: LessonStep): Analysed {
  const known = networks.get(lesson) ?? new Map<string, Analysed>();
  networks.set(lesson, known);
  let result = known.get(step.id);
  if (result === undefined) {
    const net = networkOf(step.network, lesson.language);
    result = net.ok ? { name: net.name, graph: net.graph, analysis: analyzeGraph(net.graph) } : net.problem;
    known.set(step.id, result);
  }
  return result;
}

function resolve(lesson: Lesson, step: LessonStep, index: number): ResolvedStep {
  const problems: string[] = [];
  const own = analysed(lesson, step);
  if (typeof own === 'string') problems.push(own);
  const mine = typeof own === 'string' ? null : own;
  if (mine?.analysis.diagnostics.some((d) => d.severity === 'error'))
    problems.push("This step's network has errors: its numbers are partial.");
  let other: Analysed | null = null;
  if (step.compareWith !== undefined) {
    const target = lesson.steps.find((s) => s.id === step.compareWith);
    if (!target) problems.push(`"Compare with" names a step "${step.compareWith}" that is not in this lesson.`);
    else {
      other = analysed(lesson, target);
      if (typeof other === 'string') problems.push(`The step compared with: ${other}`);
    }
  }
  const otherNet = other && typeof other !== 'string' ? other : null;
  const caption = fillCaption(
    step.caption,
    mine ? { analysis: mine.analysis, other: otherNet?.analysis ?? null, language: lesson.language } : null,
  );
  // Where the step compared with is missing, that is the one problem to fix, not each {saved.*}.
  const compareMissing = step.compareWith !== undefined && !otherNet;
  problems.push(...caption.problems.filter((p) => !(compareMissing && p.includes('needs a step to compare with'))));
  const comparison =
    mine && otherNet
      ? compareGraphs(
          { name: otherNet.name, graph: otherNet.graph, analysis: otherNet.analysis },
          { name: mine.name, graph: mine.graph, analysis: mine.analysis },
        )
      : null;
  let field: ResolvedStep['field'] = null;
  if (step.show === 'receptiveField') {
    const names = step.receptiveField;
    if (!names) problems.push('This step shows a receptive field but names no layer: choose one in the Lesson tab.');
    else if (mine) {
      field = { own: fieldOf(mine, names.node), other: null };
      if (names.otherNode && otherNet) field.other = fieldOf(otherNet, names.otherNode);
      for (const f of [field.own, field.other]) if (f && !f.ok) problems.push(f.message);
    }
  }
  return {
    step,
    number: index + 1,
    name: mine?.name ?? step.title,
    graph: mine?.graph ?? null,
    analysis: mine?.analysis ?? null,
    comparison,
    caption: caption.text,
    field,
    problems,
  };
}
