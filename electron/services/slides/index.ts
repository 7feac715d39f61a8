export { deckToPdf, SlidesProblem, SOFFICE_MISSING } from './pdf';
export { captionRuns, deckToPptx } from './pptx';
export { compareSlides, slideFormats } from './service';
