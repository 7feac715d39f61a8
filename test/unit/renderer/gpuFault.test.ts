import { describe, expect, it } from 'vitest';
import { faultOf } from '../../../renderer/training/gpu/gpuBackend';
import { renderText } from '../../../shared/i18n/diagnosticText';

describe('faultOf: errors thrown by tfjs GPU backends that mean the GPU failed', () => {
  it.each([
    ['WebGL: CONTEXT_LOST_WEBGL', true, 'the WebGL context was lost'],
    ['Device is lost', true, 'the WebGPU device was lost'],
  ])('%s: lost', (thrown, lost, message) => {
    expect(faultOf(thrown)).toMatchObject({ lost, message });
  });

  it.each([
    'WebGL Error: OUT_OF_MEMORY',
    'Unable to create WebGLTexture.',
    'Requested texture size [9000x9000] greater than WebGL maximum on this browser / GPU [8192x8192].',
    'GPUOutOfMemoryError: Out of memory',
  ])('%s: out of memory, weights kept', (thrown) => {
    const fault = faultOf(thrown);
    expect(fault?.lost).toBe(false);
    expect(fault?.message).toBe(`the GPU ran out of memory (${thrown.replace(/\.$/, '')})`);
  });

  it('says what the GPU did in German too, the English as its message', () => {
    const lost = faultOf('WebGL: CONTEXT_LOST_WEBGL')!;
    expect(renderText(lost.text!, 'en')).toBe(lost.message);
    expect(renderText(lost.text!, 'de')).toBe('Der WebGL-Kontext ging verloren');
    const memory = faultOf('GPUOutOfMemoryError: Out of memory')!;
    expect(renderText(memory.text!, 'en')).toBe(memory.message);
    expect(renderText(memory.text!, 'de')).toBe('Der GPU ging der Speicher aus (GPUOutOfMemoryError: Out of memory)');
  });

  it('leaves other errors to the caller', () => {
    expect(faultOf('Cannot read properties of undefined')).toBeNull();
    expect(faultOf('The network has errors; fix them first.')).toBeNull();
  });
});
