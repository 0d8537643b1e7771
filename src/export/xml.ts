// Characters XML 1.0 cannot hold at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/FFFF).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text made safe for XML element content and attribute values: markup characters escaped, characters XML
 * cannot represent dropped, and tab/CR/LF kept as character references so attribute values keep them.
 */
export function xmlEscape(value: string | number | boolean): string {
  return String(value)
    .replace(INVALID_XML, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
