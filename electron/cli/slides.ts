import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../../shared/issues';
import { buildInceptionLesson, lessonDeck, parseLessonText } from '../../shared/lessons';
import { defineCommand } from './command';
import { CliError, ExitCode } from './io';
import { writableOrExplain, writeOrExplain } from './output';
import { cliText } from './text';

export const slidesCommand = defineCommand({
  name: 'slides',
  positionals: ['[LESSON_FILE]'],
  synopsis: '(LESSON_FILE | --builtin inception) --out DECK.pptx|DECK.pdf',
  options: {
    builtin: { type: 'string', value: 'NAME', text: 'builtin' },
    out: { type: 'string', value: 'DECK', text: 'outDeck' },
  },
  async run({ values, positionals: [file] }, io) {
    const out = values.out;
    if (out === undefined) throw new CliError(({ t }) => t('more.slides.needsOut'));
    const format = path.extname(out).toLowerCase();
    if (format !== '.pptx' && format !== '.pdf')
      throw new CliError(({ t }) => t('more.slides.outFormat', { out: JSON.stringify(out) }));
    if ((file === undefined) === (values.builtin === undefined))
      throw new CliError(({ t }) => t('more.slides.oneLesson'));
    if (values.builtin !== undefined && values.builtin !== 'inception')
      throw new CliError(({ t }) => t('more.slides.builtin', { value: JSON.stringify(values.builtin) }));
    await writableOrExplain(path.dirname(path.resolve(out)), '--out');
    let lesson = buildInceptionLesson(io.language ?? 'en');
    if (file !== undefined) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        throw new CliError(({ t }) => t('more.slides.cannotRead', { file, reason: errorMessage(err) }));
      }
      const read = parseLessonText(text);
      if (!read.ok) throw new CliError(`${file}: ${read.error}`);
      lesson = read.lesson;
    }
    const deck = lessonDeck(lesson);
    const { deckToPdf, deckToPptx, SlidesProblem } = await import('../services/slides');
    try {
      await writeOrExplain(out, format === '.pptx' ? await deckToPptx(deck) : await deckToPdf(deck));
    } catch (err) {
      if (err instanceof SlidesProblem) throw new CliError(err.message);
      throw err;
    }
    io.err(cliText(io).t('more.slides.wrote', { count: deck.slides.length, title: lesson.title, out }));
    return ExitCode.ok;
  },
});
