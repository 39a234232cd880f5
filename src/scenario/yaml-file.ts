/**
 * Reads one YAML file into a located tree. Syntax errors become user errors
 * naming the file, line and column, in plain words.
 */
import { readFile } from 'node:fs/promises';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { UserError } from '../errors.js';
import { ScenarioError } from './issues.js';
import { formatLoc, type Entry, type Loc, type LocNode } from './tree.js';

/** Plain-word explanations for the yaml package's most common error codes. */
const PLAIN_WORDS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'a value cannot have nested keys: is the next line indented too far, or does a value containing ": " need quotes?',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line: check the indentation of the lines here',
  BAD_INDENT: 'the indentation here does not line up with the lines above',
  DUPLICATE_KEY: 'this key appears twice in the same mapping; keep one',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs',
  MISSING_CHAR: 'a quote or bracket opened here is not closed',
  UNEXPECTED_TOKEN: 'this character is not expected here',
  BAD_SCALAR_START: 'a value starting with this character must be quoted',
};

/** Parses YAML text; `source` names it in errors (a file name, or a `--set` option). */
export function parseYaml(text: string, source: string): LocNode {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): Loc => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { source, line, col };
  };
  if (doc.errors.length > 0) {
    // One problem per line: the parser's later complaints about a line are echoes of its first.
    const firstPerLine = new Map([...doc.errors].reverse().map((e) => [at(e.pos[0]).line, e])).values();
    const issues = [...firstPerLine].map((e) => {
      const plain = PLAIN_WORDS[e.code];
      return { loc: at(e.pos[0]), path: '', message: `malformed YAML: ${e.message}${plain ? ` (${plain})` : ''}` };
    });
    throw new ScenarioError(issues, source, 'YAML is indentation-sensitive: nested keys go two spaces further right than their parent');
  }
  return doc.contents ? toTree(doc.contents as YamlNode, doc, at) : { kind: 'map', entries: new Map(), loc: at(0) };
}

/** Reads and parses a YAML file; `shownAs` is the name errors use for it. */
export async function readYamlFile(file: string, shownAs: string): Promise<LocNode> {
  return parseYaml(await readFile(file, 'utf8'), shownAs);
}

function toTree(node: YamlNode, doc: Document, at: (offset: number | undefined) => Loc): LocNode {
  const loc = at(node.range?.[0]);
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) throw new UserError(`${formatLoc(loc)}: malformed YAML: the anchor '${node.source}' is not defined before this alias`);
    return toTree(target, doc, at);
  }
  if (isScalar(node)) return { kind: 'scalar', value: node.value, loc };
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((n) => toTree(n as YamlNode, doc, at)), loc };
  if (isMap(node)) {
    const entries = new Map<string, Entry>();
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const keyLoc = key ? at(key.range?.[0]) : loc;
      if (!isScalar(key)) throw new UserError(`${formatLoc(keyLoc)}: malformed YAML: keys must be plain names, not lists or mappings`);
      const value = pair.value as YamlNode | null;
      entries.set(String(key.value), { keyLoc, node: value ? toTree(value, doc, at) : { kind: 'scalar', value: null, loc: keyLoc } });
    }
    return { kind: 'map', entries, loc };
  }
  throw new UserError(`${formatLoc(loc)}: malformed YAML: unsupported node`);
}
