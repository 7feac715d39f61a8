/**
 * Whether bytes look like an ONNX model rather than JSON: a protobuf ModelProto starts with
 * field 1 (ir_version, varint: 0x08); JSON starts with '{', '[' or white space. Kept apart
 * from the importer so telling files apart does not load the protobuf schema.
 */
export function looksLikeOnnx(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[0] === 0x08;
}
