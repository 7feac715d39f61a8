export { type ImageSniff, sniffImage } from './imageFile';
export { HUMAN_TOP5, IMAGENET_TIMELINE, type Source, type TimelineEntry, type TopFive } from './imagenetTimeline';
export {
  clipToImage,
  type FieldGeometry,
  type FieldResult,
  fieldGeometry,
  offImage,
  type PathFrame,
  type Rect,
  type Tap,
} from './receptiveFieldGeometry';
export {
  type FieldBackground,
  type FieldFit,
  type FieldSvgOptions,
  fieldsSideBySide,
  fieldViewBox,
  isImageDataUrl,
  receptiveFieldBody,
  receptiveFieldSvg,
} from './receptiveFieldSvg';
export { sampleImageSvg } from './sampleImage';
export {
  buildTimeline,
  type Figure,
  type OwnPoint,
  ownPoint,
  type Provenance,
  type Timeline,
  type TimelinePoint,
  timelineJson,
  timelinePoint,
  weightDepth,
} from './timeline';
export { timelineChart, timelineNotes, timelineSlides, timelineTable } from './timelineSlides';
export { depthRadius, type TimelineView, timelineSvg } from './timelineSvg';
export { evaluationKey, timelineNote } from './timelineText';
