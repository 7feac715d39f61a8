/** Lessons: steps of networks with live-numbered captions, the built-in lecture, and their files. */

export { BUILTIN_INCEPTION_LESSON, buildInceptionLesson } from './builtin/inceptionLesson';
export { type CaptionContext, fillCaption, placeholderNames, placeholders } from './captions';
export { lessonDeck } from './lessonDeck';
export { addStep, deleteStep, emptyLesson, moveStep, setCompareWith, updateStep } from './lessonEdits';
export {
  currentLessonVersion,
  isLessonJson,
  type Lesson,
  LessonFileSchema,
  type LessonLoad,
  LessonStep,
  lessonFormat,
  lessonMigrations,
  lessonText,
  parseLessonText,
  StepNetwork,
} from './lessonFile';
export { type ResolvedStep, resolveStep } from './resolveStep';
