import { READER_CATALOGS, renderReaderMessage } from '../../model/read-messages';
import type { StackErrorParams as P, StackMessageCatalog } from './catalog';

/** English messages of the stack text's errors. */

const or = (xs: readonly string[] = []) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
const mean = (p: P) => (p.suggestion ? ` (did you mean ${p.suggestion}?)` : '');
/** A suggested id, written as the text names it (`#a`). */
const refSuggestion = (p: P): P => (p.suggestion ? { ...p, suggestion: `#${p.suggestion}` } : p);
const ROLE = { host: 'host', replica: 'primary', member: 'member' } as const;

export const EN: StackMessageCatalog = {
  'odd-indent': {
    message: (p) => `indented by ${p.count} spaces: a level is two spaces`,
    hint: () => 'Indent by 2, 4, 6 … spaces (or one tab a level).'
  },
  'deep-indent': {
    message: (p) => `indented ${p.count} levels deeper than the line above`,
    hint: () =>
      'A line goes one level deeper than the line it runs on: indent it by one more level than its host.'
  },
  'indented-first': {
    message: () => 'the first node is indented, but there is nothing above it to run on',
    hint: () => 'Start the first node at the left edge.'
  },
  'indented-setting': {
    message: (p) => `${p.word} is indented`,
    hint: () => 'Settings (title: …) and cluster lines start at the left edge.'
  },
  'mixed-indent': {
    message: (p) =>
      p.style === 'tab'
        ? `indented with a tab, but this block indents with spaces (line ${p.otherLine})`
        : p.style === 'space'
          ? `indented with spaces, but this block indents with tabs (line ${p.otherLine})`
          : 'indented with both tabs and spaces',
    hint: () => 'Indent with two spaces or with one tab a level, the same way in the whole block.'
  },
  'under-cluster': {
    message: () => 'nothing runs on a cluster',
    hint: () =>
      'Write the machines at the left edge and name them in the cluster: cluster Prod [members=#srv1,#srv2].'
  },
  'unknown-kind': {
    message: (p) => `unknown kind "${p.word}"${mean(p)}`,
    hint: () =>
      'A line starts with its kind: hw, fw, hv, os, ct or svc (or hardware, firmware, hypervisor, container, service; 하드웨어, 펌웨어, 하이퍼바이저, 운영체제, 컨테이너, 서비스). A VM is an os on a hypervisor.'
  },
  'unknown-attribute': {
    message: (p) => `unknown attribute "${p.word}"${mean(p)}`,
    hint: (p) =>
      `Attributes here: ${or(p.allowed)}. A field stackdraw does not know is written with a +: [+${p.word}=…].`
  },
  'unclosed-quote': {
    message: () => 'a quote is not closed',
    hint: () =>
      'End the quoted text with " on the same line; inside quotes write " as \\" and a backslash as \\\\.'
  },
  'unclosed-bracket': {
    message: () => '[ is not closed',
    hint: () => 'End the attributes with ] on the same line: os Ubuntu [cores=2].'
  },
  'bad-json': {
    message: (p) =>
      `"${p.word}" is not valid JSON${p.unclosed ? ': it is not closed on this line' : p.json ? `: ${READER_CATALOGS.en.json(p.json)}` : ''}`,
    hint: () =>
      'A value in { } or [ ] is JSON on one line: {"key": "value"}, with strings in double quotes.'
  },
  'missing-ref': {
    message: (p) => `no node has the id #${p.word}${mean(refSuggestion(p))}`,
    hint: (p) =>
      p.role === 'member'
        ? `A cluster member is a hardware line named by its id: write one (hw Server #${p.word}), or name an id that exists.`
        : `The ${ROLE[p.role ?? 'host']} is named by its id: give that line #${p.word} (os Ubuntu #${p.word}), or name an id that exists.`
  },
  'duplicate-id': {
    message: (p) =>
      p.generated
        ? `this line's id "${p.word}" (from its label) is already used on line ${p.otherLine}`
        : `the id #${p.word} is already used on line ${p.otherLine}`,
    hint: () => 'Ids are unique: give one of the two lines another #id.'
  },
  'duplicate-attribute': {
    message: (p) => `${p.word} is given twice`,
    hint: () => 'Keep one of them.'
  },
  'bad-value': {
    message: (p) => `${p.word} must be ${or(p.allowed)}`,
    hint: (p) => {
      const first = p.allowed?.[0] ?? 'value';
      if (p.word?.endsWith(':')) return `Write it as ${p.word} ${first}.`;
      return `Write ${or(p.allowed)} right after the =, with no space: [${p.word}=${first}].`;
    }
  },
  'bad-number': {
    message: (p) => `${p.word} must be a number ${p.range}`,
    hint: (p) => `Write a number such as 4 or 2.5 right after the =: [${p.word}=16].`
  },
  'missing-value': {
    message: (p) => `${p.word} has no value`,
    hint: (p) => `Write it as ${p.word}=value.`
  },
  'unexpected-text': {
    message: (p) => `unexpected "${p.word}"`,
    hint: () =>
      'After the label come only #id, [attributes] and a %% comment. A label with these characters goes in quotes: os "Lab #2".'
  },
  'empty-id': {
    message: () => '# without an id',
    hint: () => 'Write the id right after the #, with no space: #vm1.'
  },
  'unknown-setting': {
    message: (p) => `unknown setting "${p.word}:"${mean(p)}`,
    hint: () =>
      'Settings are title: and version:. A document field stackdraw does not know is written with a +: +source: "notes".'
  },
  'setting-after-node': {
    message: (p) => `${p.word} comes after the first node`,
    hint: () => 'Settings go at the top, before the first node.'
  },
  'duplicate-setting': {
    message: (p) => `${p.word} is set twice (line ${p.otherLine})`,
    hint: () => 'Keep one of them.'
  },
  'self-host': {
    message: (p) => `#${p.word} is named as its own host`,
    hint: () => 'A node runs on another node: name the other one.'
  },
  'duplicate-host': {
    message: (p) => `#${p.word} is named twice as a host of this node`,
    hint: () => 'A line already runs on the line it is indented under: leave it out of on=.'
  },
  'half-position': {
    message: (p) => `${p.word} is given without ${p.word === 'x' ? 'y' : 'x'}`,
    hint: () => 'A position has both: [x=120 y=40] (px).'
  },
  document: {
    message: (p) =>
      p.reader ? renderReaderMessage(p.reader, 'en') : 'the document cannot be read',
    hint: (p) =>
      p.reader?.key.startsWith('replica')
        ? 'replicaOf goes on the FT copy and names its primary, a guest OS, by its #id: os Web #vm1, then os "Web (FT copy)" [replicaOf=#vm1] on another host.'
        : p.reader?.key.startsWith('member')
          ? "A cluster's members are machines: hardware lines with nothing under them, named by their #id: cluster Prod [members=#srv1,#srv2 ha]."
          : 'Fix the line it names.'
  },
  'more-errors': {
    message: (p) => `… and ${p.count} more errors`
  }
};
