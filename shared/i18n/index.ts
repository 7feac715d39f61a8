export type { Catalogue, KeyOf, Namespace } from './catalogue';
export { type DiagnosticText, diagnosticText } from './diagnosticText';
export { receptiveFieldText } from './fieldText';
export { LANGUAGES, type Language, languageFromEnvironment, languageOf } from './language';
export { type LayerText, layerText } from './layerText';
export { formatInteger, localizeDecimal } from './numbers';
export { catalogues, type TextValues, type Translator, translator } from './translator';
