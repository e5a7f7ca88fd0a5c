/**
 * The SVG export as a whole (measure → ELK → validate → render → font subset), in Node:
 * well-formed XML, nothing active, every label as text, hostile labels, determinism, the
 * document round trip through <metadata>, the picture's size, title and description.
 */
import type { Document, Element } from '@xmldom/xmldom';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeElk } from '../../node/elk';
import { fontOutliner, loadFontSources } from '../../node/fonts';
import { FRAME_COLOURS } from '../layout/clusters';
import { example, examples } from '../layout/examples.fixture';
import { fontMeasure } from '../layout/metrics';
import { readDocument } from '../model/read';
import type { DiagramDocument } from '../model/types';
import { nodeName } from '../rules/messages/render';
import { doc as makeDoc } from '../testing';
import { exportSvg, measureDocument, type FontSources } from './pipeline';
import type { SvgOptions } from './svg';
import {
  activeContent,
  allElements,
  byTag,
  childElements,
  drawnExtent,
  labelText,
  nodeGroups,
  nodeRect,
  nodeTitle,
  normalise,
  parseSvg,
  rectOf,
  xmlCarried
} from './svg.fixture';

const elk = nodeElk();
const outline = fontOutliner();
let fonts: FontSources;
beforeAll(async () => {
  fonts = await loadFontSources();
});

type Mode = 'embed' | 'outline';
function render(
  doc: DiagramDocument,
  options: Partial<SvgOptions> = {},
  mode: Mode = 'embed'
): Promise<string> {
  return exportSvg({
    doc,
    elk,
    options,
    ...(mode === 'outline' ? { outline } : { fonts })
  });
}

const HOSTILE_LABELS = [
  '<script>alert(1)</script>',
  ']]>',
  `"quotes' & ampersands`,
  '<!--',
  'javascript:alert(1)',
  'onload=alert(1)',
  '\u202Egnp.exe',
  'zero\u200Bwidth',
  'nul\u0000byte',
  'x'.repeat(5000),
  '<img src=x onerror="alert(1)">',
  '&amp;lt; is not an entity'
];

/** A valid Type 1 stack whose every label (and the title) is hostile. */
function hostileDoc(): DiagramDocument {
  const L = HOSTILE_LABELS;
  const guests = [2, 3, 4, 5];
  return makeDoc(
    [
      'hw hardware',
      'hv hypervisor',
      ...guests.map((i) => `os${i} os`),
      ...guests.map((i) => `svc${i} service`)
    ],
    ['hw>hv', ...guests.map((i) => `hv>os${i}`), ...guests.map((i) => `os${i}>svc${i}`)],
    {
      hw: { label: L[0] },
      hv: { label: L[1], product: 'VMware ESXi' },
      os2: { label: L[2] },
      os3: { label: L[3] },
      os4: { label: L[4] },
      os5: { label: L[5] },
      svc2: { label: L[6] },
      svc3: { label: L[7] },
      svc4: { label: `${L[8]} ${L[10]}` },
      svc5: { label: `${L[9]} ${L[11]}` }
    }
  );
}

/**
 * Every node's label is in the picture as text: the label <text> (or, outlined, a path
 * group's <title>) says the label, whitespace-normalised; a label cut to three lines shows
 * its beginning and an ellipsis, and the node's <title> keeps it whole.
 */
function checkLabels(svg: Document, doc: DiagramDocument, mode: Mode): void {
  const groups = nodeGroups(svg);
  expect(groups.map((g) => g.getAttribute('data-kind'))).toEqual(doc.nodes.map((n) => n.kind));
  const { boxes } = measureDocument(doc);
  doc.nodes.forEach((n, i) => {
    const g = groups[i];
    const label = xmlCarried(nodeName(n, n.id));
    expect(nodeTitle(g), n.id).toBe(label);
    const cut = boxes[n.id].lines.at(-1)!.endsWith('…');
    if (mode === 'outline') {
      expect(childElements(g, 'text'), n.id).toHaveLength(0);
      const titled = allElements(g).filter(
        (e) =>
          e !== g &&
          e.localName === 'g' &&
          childElements(e, 'title')[0]?.textContent === label &&
          childElements(e, 'path').length > 0
      );
      expect(titled.length, `${n.id}: a path group titled with the label`).toBeGreaterThan(0);
      return;
    }
    const text = labelText(g);
    expect(text, n.id).toBeDefined();
    const shown = normalise(text!.textContent ?? '');
    if (!cut) {
      expect(shown, n.id).toBe(normalise(label));
    } else {
      expect(shown.endsWith('…'), n.id).toBe(true);
      expect(normalise(label).startsWith(shown.slice(0, -1).trimEnd()), n.id).toBe(true);
    }
  });
}

function checkSafe(svg: string): Document {
  const parsed = parseSvg(svg);
  expect(activeContent(parsed)).toEqual([]);
  return parsed;
}

describe('exportSvg: well-formed and inert', () => {
  it('every example, both views: parses as XML, nothing active, every label as text', async () => {
    for (const [name, d] of Object.entries(examples())) {
      for (const view of ['graph', 'blocks'] as const) {
        const svg = await render(d, { view });
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), name).toBe(true);
        const parsed = checkSafe(svg);
        checkLabels(parsed, d, 'embed');
        // The font is embedded as a data: URL, for each weight drawn.
        const style = byTag(parsed.documentElement!, 'style')[0].textContent ?? '';
        expect(style.match(/@font-face\{[^}]*url\(data:font\/otf;base64,/g)).toHaveLength(2);
      }
    }
  }, 60_000);

  for (const mode of ['embed', 'outline'] as const) {
    it(`hostile labels come out as text, well-formed and inert (text: ${mode})`, async () => {
      const d = hostileDoc();
      d.title = '<script>alert("title")</script> ]]> & <!-- \u202E';
      for (const view of ['graph', 'blocks'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          const svg = await render(d, { view, theme }, mode);
          const parsed = checkSafe(svg);
          checkLabels(parsed, d, mode);
          const root = parsed.documentElement!;
          expect(childElements(root, 'title')[0].textContent).toBe(d.title);
          // Nothing of the labels became markup.
          expect(byTag(root, 'script')).toEqual([]);
          expect(byTag(root, 'img')).toEqual([]);
          expect(svg.match(/<script|<img|<!--|<!\[CDATA\[/gi)).toBeNull();
          if (mode === 'outline') expect(byTag(root, 'text')).toEqual([]);
          expect(readDocument(svg)).toEqual({ ok: true, document: d });
        }
      }
    }, 60_000);
  }

  it('a word broken across lines reads back without a space inside it', async () => {
    const label = `Server ${'x'.repeat(40)} end`;
    const d = makeDoc(['hw hardware PC', 'os os W'], ['hw>os'], { os: { label } });
    const { boxes } = measureDocument(d);
    expect(boxes.os.lines.length).toBe(3);
    const parsed = checkSafe(await render(d));
    const text = labelText(nodeGroups(parsed)[1])!;
    expect(normalise(text.textContent ?? '')).toBe(label);
  });

  it('the embedded font holds only the text drawn (a small subset)', async () => {
    const svg = await render(example('type2-virtualbox'));
    // Pretendard's OTF files are over 1 MB each; the subset is a few kB.
    expect(svg.length).toBeLessThan(60_000);
  });
});

describe('exportSvg: the same input gives the same bytes', () => {
  it('twice over, in both views and both themes, embedded or outlined', async () => {
    const d = example('type1-esxi');
    const seen = new Set<string>();
    for (const view of ['graph', 'blocks'] as const)
      for (const theme of ['light', 'dark'] as const) {
        const a = await render(d, { view, theme });
        const b = await exportSvg({
          doc: example('type1-esxi'),
          elk: nodeElk(),
          fonts,
          options: { view, theme }
        });
        expect(b, `${view}/${theme}`).toBe(a);
        seen.add(a);
      }
    // And the four pictures differ from each other.
    expect(seen.size).toBe(4);
    const o1 = await render(d, { view: 'blocks' }, 'outline');
    const o2 = await render(d, { view: 'blocks' }, 'outline');
    expect(o2).toBe(o1);
  }, 60_000);
});

describe('exportSvg: the document rides along in <metadata>', () => {
  it('readDocument(svg) gives back every example exactly', async () => {
    for (const [name, d] of Object.entries(examples())) {
      const r = readDocument(await render(d, { view: name.length % 2 ? 'graph' : 'blocks' }));
      expect(r, name).toEqual({ ok: true, document: d });
    }
  }, 60_000);

  it('…and a document with positions, unknown fields and characters XML cannot carry', async () => {
    const d: DiagramDocument = {
      version: 1,
      title: 'Round trip \u0001 \uFFFE \uFFFF \uD800 </metadata> ]]> &amp;',
      theme: 'dark',
      extra: { nested: [1, 2.5, null, true, 'ü'] },
      nodes: [
        { id: 'hw', kind: 'hardware', label: 'Box \uFFFF', position: { x: 10.5, y: -20 } },
        {
          id: 'os',
          kind: 'os',
          label: 'tab\there\r\nCRLF',
          position: { x: 10.5, y: -120 },
          colour: '#f00'
        }
      ],
      edges: [{ id: 'e1', source: 'hw', target: 'os', style: 'dashed' }]
    };
    const svg = await render(d);
    checkSafe(svg);
    expect(readDocument(svg)).toEqual({ ok: true, document: d });
  });
});

describe('exportSvg: size, title and description', () => {
  /** One hardware node alone: a warning (idle hardware) badge and a pill wider than the box. */
  const lonely = () => makeDoc(['hw hardware PC'], [], { hw: { expect: 'dedicated' } });
  /** An invalid nested stack on a narrow box: its pill is wider than the box. */
  const nestedInvalid = () =>
    makeDoc(
      [
        'hw hardware PC',
        'hv hypervisor ESXi',
        'vm os W',
        'ws hypervisor VMware Workstation',
        'svc service S'
      ],
      ['hw>hv', 'hv>vm', 'vm>ws', 'ws>svc']
    );
  const warned = () =>
    makeDoc(['hw hardware S', 'f firmware UEFI', 'o os Windows Server'], ['hw>f', 'hw>o']);

  function checkFit(svg: string, padding: number): void {
    const parsed = checkSafe(svg);
    const root = parsed.documentElement!;
    const w = Number(root.getAttribute('width'));
    const h = Number(root.getAttribute('height'));
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${w} ${h}`);
    const e = drawnExtent(parsed);
    const close = (a: number, b: number, what: string) =>
      expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(0.011);
    close(e.minX, padding, 'left');
    close(e.minY, padding, 'top');
    close(e.maxX, w - padding, 'right');
    close(e.maxY, h - padding, 'bottom');
    // Text starts inside the picture.
    for (const t of [...byTag(root, 'text'), ...byTag(root, 'tspan')]) {
      if (!t.hasAttribute('x')) continue;
      expect(Number(t.getAttribute('x'))).toBeGreaterThan(padding);
      expect(Number(t.getAttribute('y'))).toBeLessThan(h - padding);
    }
  }

  it('viewBox, width and height fit the content with the padding', async () => {
    const docs: [string, DiagramDocument][] = [
      ...Object.entries(examples()),
      ['lonely', lonely()],
      ['warned', warned()],
      ['nested-invalid', nestedInvalid()],
      ['hostile', hostileDoc()]
    ];
    for (const [name, d] of docs)
      for (const view of ['graph', 'blocks'] as const)
        for (const padding of [24, 0, 40]) {
          try {
            checkFit(await render(d, { view, padding }), padding);
          } catch (e) {
            throw new Error(`${name} ${view} padding ${padding}: ${(e as Error).message}`);
          }
        }
  }, 120_000);

  it('no markers: the box alone decides the size', async () => {
    const svg = await render(lonely(), { markers: false, padding: 10 });
    const root = parseSvg(svg).documentElement!;
    const { sizes } = measureDocument(lonely());
    expect(Number(root.getAttribute('width'))).toBe(sizes.hw.width + 20);
    expect(Number(root.getAttribute('height'))).toBe(sizes.hw.height + 20);
  });

  it('the stack pill is wide enough for its text, in English and in Korean', async () => {
    for (const lang of ['en', 'ko'] as const) {
      // "Invalid · nested" / "잘못됨 · 중첩" under a box of the smallest width (the same word
      // as the canvas badge).
      const d = nestedInvalid();
      const svg = await render(d, { lang });
      const parsed = checkSafe(svg);
      const hw = nodeGroups(parsed)[0];
      const pill = childElements(hw, 'g').find(
        (g) => childElements(g, 'rect')[0]?.getAttribute('rx') === '10'
      )!;
      const rect = childElements(pill, 'rect')[0];
      const text = childElements(pill, 'text')[0];
      expect(text.textContent).toBe(lang === 'en' ? 'Invalid · nested' : '잘못됨 · 중첩');
      const textWidth = fontMeasure(text.textContent ?? '', { size: 11, weight: 600 });
      // Text from 10px in, the check mark in the last 20px.
      expect(
        Number(rect.getAttribute('width')),
        `${lang}: ${text.textContent}`
      ).toBeGreaterThanOrEqual(10 + textWidth + 20);
      checkFit(svg, 24);
    }
  });

  it('type2-virtualbox: <title> is the document title, <desc> describes its one stack', async () => {
    const d = example('type2-virtualbox');
    const root = checkSafe(await render(d)).documentElement!;
    const [first, second] = childElements(root);
    expect(first.localName).toBe('title');
    expect(first.textContent).toBe('Type 2: VirtualBox on Windows 11');
    expect(second.localName).toBe('desc');
    const desc = second.textContent ?? '';
    expect(desc).toContain('Type 2 stack');
    expect(desc).toContain('VirtualBox');
    expect(desc).toContain('Windows 11');
    expect(desc).toBe(
      'Laptop (Intel Core i7): Type 2 stack, Oracle VM VirtualBox on Windows 11 running Ubuntu 24.04.'
    );
    expect(root.getAttribute('aria-labelledby')).toBe('sd-title sd-desc');
    expect(first.getAttribute('id')).toBe('sd-title');
    expect(second.getAttribute('id')).toBe('sd-desc');
  });

  it('consolidation: one sentence per stack, in document order; Korean when asked', async () => {
    const d = example('consolidation');
    const desc = (root: Element) => childElements(root, 'desc')[0].textContent ?? '';
    const en = desc(checkSafe(await render(d)).documentElement!);
    const sentences = en.split(/(?<=\.) (?=서버 )/);
    expect(sentences).toHaveLength(2);
    expect(sentences[0].startsWith('서버 1 (Server 1): Type 1 stack, ')).toBe(true);
    expect(sentences[1].startsWith('서버 2 (Server 2): Type 1 stack, ')).toBe(true);
    for (const s of sentences) expect(s.endsWith('.')).toBe(true);
    const ko = desc(checkSafe(await render(d, { lang: 'ko' })).documentElement!);
    expect(ko).toContain('Type 1 스택');
    expect(ko.split('Type 1 스택')).toHaveLength(3);
  });

  it('an empty document: a picture of the padding alone', async () => {
    const root = checkSafe(await render(makeDoc([]), { padding: 16 })).documentElement!;
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['32', '32']);
    expect(nodeGroups(root.ownerDocument!)).toEqual([]);
  });

  it('a document without a title or stacks still has a title and a description', async () => {
    const d = makeDoc(['os os Lonely OS']);
    const root = checkSafe(await render(d)).documentElement!;
    expect(childElements(root, 'title')[0].textContent).toBe('stackdraw diagram');
    expect(childElements(root, 'desc')[0].textContent).toBe('A diagram with no stacks.');
  });
});

describe('exportSvg: cluster frames', () => {
  const fmtBox = (r: { x: number; y: number; width: number; height: number }) =>
    `(${r.x}, ${r.y}, ${r.width}×${r.height})`;
  /** Three machines (hardware, ESXi, one guest); the first and the third in a cluster. */
  const clustered = (label: string, ha = true): DiagramDocument => ({
    ...makeDoc(
      [1, 2, 3].flatMap((m) => [
        `hw${m} hardware Server ${m}`,
        `hv${m} hypervisor ESXi`,
        `vm${m} os Ubuntu`
      ]),
      [1, 2, 3].flatMap((m) => [`hw${m}>hv${m}`, `hv${m}>vm${m}`])
    ),
    clusters: [{ id: 'c1', label, members: ['hw1', 'hw3'], ha }]
  });
  const frameGroup = (svg: Document) =>
    allElements(svg.documentElement!).find((e) => e.getAttribute('data-cluster') === 'c1');

  it('a frame with its title, behind the nodes, around its members; the picture holds it', async () => {
    for (const view of ['graph', 'blocks'] as const)
      for (const mode of ['embed', 'outline'] as const) {
        const what = `${view}/${mode}`;
        const svg = checkSafe(await render(clustered('Production'), { view }, mode));
        const g = frameGroup(svg);
        expect(g, what).toBeDefined();
        expect(childElements(g!, 'title')[0].textContent, what).toBe('Production · HA');
        if (mode === 'embed')
          expect(childElements(g!, 'text')[0].textContent, what).toBe('Production · HA');
        else
          expect(
            allElements(g!).some((e) => e.localName === 'path'),
            what
          ).toBe(true);
        // Drawn before (behind) every node.
        const all = allElements(svg.documentElement!);
        expect(all.indexOf(g!), what).toBeLessThan(all.indexOf(nodeGroups(svg)[0]));
        const frame = rectOf(childElements(g!, 'rect')[0]);
        const groups = nodeGroups(svg);
        const boxOf = (id: string) =>
          nodeRect(groups[[1, 2, 3].flatMap((m) => [`hw${m}`, `hv${m}`, `vm${m}`]).indexOf(id)]);
        for (const id of ['hw1', 'hv1', 'vm1', 'hw3', 'hv3', 'vm3']) {
          const b = boxOf(id);
          expect(frame.x <= b.x && b.x + b.width <= frame.x + frame.width, `${what} ${id}`).toBe(
            true
          );
          expect(frame.y <= b.y && b.y + b.height <= frame.y + frame.height, `${what} ${id}`).toBe(
            true
          );
        }
        for (const id of ['hw2', 'hv2', 'vm2']) {
          const b = boxOf(id);
          expect(b.x >= frame.x + frame.width || b.x + b.width <= frame.x, `${what} ${id}`).toBe(
            true
          );
        }
        // The frame is inside the picture, with the padding.
        const e = drawnExtent(svg);
        expect(e.minY, what).toBeCloseTo(24, 1);
        expect(frame.y, what).toBeCloseTo(24, 1);
      }
  }, 60_000);

  it('a Korean title: its glyphs are in the embedded font subset', async () => {
    const title = '운영클러스터';
    const withFrame = await render(clustered(title, false));
    const parsed = checkSafe(withFrame);
    expect(childElements(frameGroup(parsed)!, 'text')[0].textContent).toBe(title);
    // The semibold face (titles are 600) holds every syllable of the title…
    const face = (svg: string) => {
      const m = /font-weight:600;src:url\(data:font\/otf;base64,([^)]+)\)/.exec(svg);
      return fontkit.create(Buffer.from(m![1], 'base64')) as fontkit.Font;
    };
    for (const ch of title)
      expect(face(withFrame).hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    // …which nothing else in the picture draws: without the cluster they are not there.
    const without = await render({ ...clustered(title, false), clusters: [] });
    for (const ch of title)
      expect(face(without).hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(false);
  });

  it('a failure view: the guests HA restarts on a member are inside its frame', async () => {
    const d = example('redundancy-ha-restart.en');
    const svg = parseSvg(await exportSvg({ doc: d, elk, fonts, failed: ['host1'] }));
    const all = allElements(svg.documentElement!);
    const frame = rectOf(
      childElements(
        all.find((e) => e.hasAttribute('data-cluster'))!,
        'rect'
      )[0]
    );
    const ghosts = all.filter((e) => e.hasAttribute('data-ghost'));
    expect(ghosts.length).toBeGreaterThan(0);
    for (const g of ghosts)
      for (const r of childElements(g, 'rect').map(rectOf)) {
        expect(frame.x <= r.x && r.x + r.width <= frame.x + frame.width, fmtBox(r)).toBe(true);
        expect(frame.y <= r.y && r.y + r.height <= frame.y + frame.height, fmtBox(r)).toBe(true);
      }
  });

  it('dark theme: the dark frame colours', async () => {
    const svg = checkSafe(await render(clustered('P'), { theme: 'dark' }));
    const rect = childElements(frameGroup(svg)!, 'rect')[0];
    expect([rect.getAttribute('fill'), rect.getAttribute('stroke')]).toEqual([
      FRAME_COLOURS.dark.fill,
      FRAME_COLOURS.dark.stroke
    ]);
  });
});

describe('exportSvg: dense documents', () => {
  it('draws overlapping edges on one line once, as their union; a plain stack is unchanged', async () => {
    // 40 nodes, each running on every node before it: 780 edges on one vertical line.
    const nodes: DiagramDocument['nodes'] = [];
    const edges: DiagramDocument['edges'] = [];
    for (let i = 0; i < 40; i++) {
      nodes.push({ id: `n${i}`, kind: i ? 'os' : 'hardware', label: 'x' });
      for (let j = 0; j < i; j++)
        edges.push({ id: `e${j}_${i}`, source: `n${j}`, target: `n${i}` });
    }
    const svg = await exportSvg({ doc: { version: 1, nodes, edges }, elk });
    const edgePaths = [
      ...svg.matchAll(
        /<path d="M[\d.]+ [\d.]+ L[\d.]+ [\d.]+" stroke="[^"]+"( stroke-dasharray="5 3")?\/>/g
      )
    ];
    expect(edgePaths.length).toBeGreaterThan(0);
    expect(edgePaths.length).toBeLessThanOrEqual(nodes.length);
    // The union still reaches from the hardware to the top node.
    const ys = edgePaths.flatMap((m) =>
      [...m[0].matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((y) => Number(y[1]))
    );
    const span = Math.max(...ys) - Math.min(...ys);
    expect(span).toBeGreaterThan(30 * 39);

    const plain = makeDoc(
      ['hw hardware PC', 'hv hypervisor ESXi', 'vm os Ubuntu'],
      ['hw>hv', 'hv>vm']
    );
    const out = await exportSvg({ doc: plain, elk });
    expect(out.match(/<path d="M[\d.]+ [\d.]+ L[\d.]+ [\d.]+" stroke=/g)).toHaveLength(2);
  });
});
