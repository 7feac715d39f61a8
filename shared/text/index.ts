/**
 * Escaping of user-supplied text (network, module, layer and dataset names) for each
 * format Netwright writes: one function per format, each safe for any input. A new
 * format (ONNX names, PPTX text) gets its own file here, built on visibleText; PPTX
 * text is XML and uses xmlText.
 */
export { csvField } from './csv';
export { inMessage } from './inMessage';
export { markdownCode, markdownText } from './markdown';
export { MAX_IDENTIFIER_LENGTH, pythonComment, pythonDocstring, pythonIdentifier, pythonString } from './python';
export { escapeCodePoint, firstHiddenCharacter, visibleText } from './visible';
export { xmlText } from './xml';
