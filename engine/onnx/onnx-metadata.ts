// Reads ModelProto.metadata_props straight from the protobuf bytes. The entry
// script needs the model's threshold at init() in the browser too, and a
// 40-line wire-format scan is far lighter than shipping protobufjs for it.

const MODEL_METADATA_PROPS = 14;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;
const LENGTH_DELIMITED = 2;

interface Cursor {
  bytes: Uint8Array;
  pos: number;
}

function varint(c: Cursor): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = c.bytes[c.pos++];
    if (byte === undefined) throw new Error('truncated ONNX model');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
  }
}

/** Calls `visit(field, start, end)` for each length-delimited field in [from, to); skips the rest. */
function scan(bytes: Uint8Array, from: number, to: number, visit: (field: number, start: number, end: number) => void): void {
  const c: Cursor = { bytes, pos: from };
  while (c.pos < to) {
    const tag = varint(c);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 0) {
      varint(c);
    } else if (wire === 1 || wire === 5) {
      c.pos += wire === 1 ? 8 : 4;
    } else if (wire === LENGTH_DELIMITED) {
      const length = varint(c);
      if (c.pos + length > to) throw new Error('truncated ONNX model');
      visit(field, c.pos, c.pos + length);
      c.pos += length;
    } else {
      throw new Error(`unsupported protobuf wire type ${wire} in ONNX model`);
    }
  }
  if (c.pos !== to) throw new Error('truncated ONNX model');
}

/** The model's metadata_props as a plain record (later duplicates win). */
export function readOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const decoder = new TextDecoder();
  const props: Record<string, string> = {};
  scan(bytes, 0, bytes.length, (field, start, end) => {
    if (field !== MODEL_METADATA_PROPS) return;
    let key = '';
    let value = '';
    scan(bytes, start, end, (inner, s, e) => {
      if (inner === ENTRY_KEY) key = decoder.decode(bytes.subarray(s, e));
      if (inner === ENTRY_VALUE) value = decoder.decode(bytes.subarray(s, e));
    });
    props[key] = value;
  });
  return props;
}
