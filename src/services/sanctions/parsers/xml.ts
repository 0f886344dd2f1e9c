/**
 * XML reading for the UN, EU and UK lists: the whole document is checked for well-formedness first
 * (a download cut short fails here, with its line), then parsed into plain objects with attributes
 * kept and namespaces dropped. Values stay strings: ids like `0123` must not become numbers.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { rejectFile } from './common.ts';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

/** The innermost element left open, from the validator's "Invalid '[…tag names…]' found." message. */
function unclosedElements(message: string): string | undefined {
  const list = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(message)?.[1];
  if (!list) return undefined;
  try {
    const names = JSON.parse(list) as unknown;
    const last = Array.isArray(names) ? names[names.length - 1] : undefined;
    return typeof last === 'string' ? last.slice(0, 60) : undefined;
  } catch {
    return undefined;
  }
}

/** The document's root element and its name; `sanctions_file_invalid` when it is not well-formed XML. */
export function parseXml(text: string, file: string): { name: string; root: XmlNode } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw rejectFile('empty_file', 'the file is empty', { file });
  // No publisher uses a DTD; refusing one rules out entity-expansion bombs.
  if (/<!DOCTYPE/i.test(body.slice(0, 4096))) {
    throw rejectFile('xml_invalid', 'a document type declaration is not accepted', { file });
  }
  const verdict = XMLValidator.validate(body);
  if (verdict !== true) {
    const unclosed = unclosedElements(verdict.err.msg);
    if (unclosed) {
      // The validator reports elements still open at the end as "line 1": name the real place.
      throw rejectFile('xml_invalid', `the file ends before <${unclosed}> is closed (it is cut short)`, {
        file,
        line: body.split('\n').length,
      });
    }
    const lastLine = body.trimEnd().split('\n').length;
    const problem = verdict.err.msg.replace(/\s+/g, ' ');
    // An error on the last line is, almost always, a download cut inside a tag.
    const message =
      verdict.err.line >= lastLine
        ? `the file ends inside a tag (it is cut short): ${problem}`
        : `not well-formed XML: ${problem}`;
    throw rejectFile('xml_invalid', message, { file, line: verdict.err.line });
  }
  const document = parser.parse(body) as XmlNode;
  const name = Object.keys(document).find(
    (key) => !key.startsWith('?') && !key.startsWith('@') && key !== '#text',
  );
  const root = name ? document[name] : undefined;
  if (!name) throw rejectFile('root_invalid', 'the document has no root element', { file });
  return { name, root: root && typeof root === 'object' ? (root as XmlNode) : {} };
}

/** A child that may occur once or many times, always as an array. */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (item && typeof item === 'object' ? (item as XmlNode) : { '#text': item }));
}

/** The text of a child element (or an attribute, `@name`), trimmed; '' when absent. */
export function text(node: unknown, name: string): string {
  if (!node || typeof node !== 'object') return '';
  const value = (node as XmlNode)[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return '';
  if (typeof first === 'object') return String((first as XmlNode)['#text'] ?? '').trim();
  return String(first).trim();
}

/** The texts of every occurrence of a child element. */
export function texts(node: unknown, name: string): string[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value])
    .map((item) =>
      (item && typeof item === 'object' ? String((item as XmlNode)['#text'] ?? '') : String(item)).trim(),
    )
    .filter((item) => item !== '');
}
