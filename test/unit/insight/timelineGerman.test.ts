import { describe, expect, it } from 'vitest';
import { timelineNotesDe } from '../../../shared/i18n/insightDe';
import { buildTimeline, IMAGENET_TIMELINE, timelineNotes, timelineSlides, timelineSvg } from '../../../shared/insight';
import { buildInceptionLesson, lessonDeck } from '../../../shared/lessons';

describe('the timeline and the lecture deck in German', () => {
  it('has a German note for every note the data holds, and none for notes it does not', () => {
    for (const e of IMAGENET_TIMELINE) {
      const english = {
        top5: e.top5.note,
        singleModel: e.singleModel?.note,
        templateNote: e.templateNote,
        note: e.note,
      };
      const german = timelineNotesDe[e.id] ?? {};
      for (const field of ['top5', 'singleModel', 'templateNote', 'note'] as const)
        expect(german[field] !== undefined, `${e.id}.${field}`).toBe(english[field] !== undefined);
    }
    expect(timelineNotesDe.human?.note).toBeDefined();
  });

  it('draws and annotates the chart in the language asked for, English by default', () => {
    const timeline = buildTimeline();
    expect(timelineSvg(timeline)).toContain('ImageNet top-5 error by year');
    const svg = timelineSvg(timeline, 'year', 'de');
    expect(svg).toContain('ImageNet-Top-5-Fehler nach Jahr');
    expect(svg).toContain('menschliche Schätzung 5,1 %');
    expect(svg).toContain('kein CNN');
    expect(svg).not.toMatch(/layers<|human estimate|no CNN/);
    expect(timelineSvg(timeline, 'cost', 'de')).toContain('Tiefe (Gewichtsschichten)');
    const notes = timelineNotes(timeline, 'de');
    expect(notes).toContain('AlexNet (2012): 16,4 % Top-5, Ensemble aus 5 CNNs');
    expect(notes).toContain('Menschliche Schätzung: 5,1 %, ein geschulter menschlicher Annotator');
    expect(timelineNotes(timeline)).toContain('AlexNet (2012): 16.4% top-5, ensemble of 5 CNNs');
  });

  it('makes the timeline deck in German: titles, chart, table', () => {
    const slides = timelineSlides(buildTimeline(), 'de');
    expect(slides.map((s) => s.title)).toEqual([
      'Tiefere Netze senken den ImageNet-Fehler',
      'Tiefe und Kosten der Sieger',
      'Die Zahlen',
    ]);
    expect(slides[0]!.headline).toBe('28,2 % → 3,57 % Top-5-Fehler in 5 Jahren');
    expect(slides[2]!.table!.header[0]).toBe('Netz');
    expect(slides[2]!.table!.rows.find((r) => r[0] === 'AlexNet')).toEqual([
      'AlexNet',
      '2012',
      '16,4%',
      'Ensemble',
      '8',
      '61,1 M',
      '714 M',
    ]);
    expect(timelineSlides(buildTimeline())[0]!.headline).toBe('28.2% → 3.57% top-5 error in 5 years');
  });

  it('gives the German lecture German slide tables, charts and notes', () => {
    const deck = lessonDeck(buildInceptionLesson('de'));
    const text = JSON.stringify(deck);
    expect(text).not.toMatch(/"(parameters|multiply-adds|output shape|receptive field)"/);
    expect(text).not.toMatch(/Multiply-adds per|human estimate|One multiply-accumulate/);
    const first = deck.slides[1]!;
    expect(first.table?.rows[0]).toEqual(['Parameter', '61.100.840']);
    expect(first.pictureSvg).toContain('ImageNet-Top-5-Fehler nach Jahr');
    expect(deck.slides[0]!.caption).toBe(`${deck.slides.length - 1} Schritte`);
  });
});
