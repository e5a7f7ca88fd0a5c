import { describe, expect, it } from 'vitest';
import type { DiagramDocument, DiagramNode } from '../model/types';
import { paneText, parseStack, patchStack, patchStackText } from './index';

/** A user's text: comments, blank lines, Korean kind words, quotes where none are needed. */
const USER = `%% 실험실 구성
title: Lab %% the lab

하드웨어 "Dell R740" #hw1 %% rack 3
  hv ESXi #esx [cores=16]
    %% guests
    os Ubuntu #u1
      svc Web #web %% public
    os "Windows Server" #w1
hw Spare #hw2
`;

const read = (text: string): DiagramDocument => {
  const r = parseStack(text);
  expect(r.errors).toEqual([]);
  return r.document!;
};

const doc = read(USER);

/** `doc` with one node changed. */
const withNode = (d: DiagramDocument, id: string, change: Partial<DiagramNode>) => ({
  ...d,
  nodes: d.nodes.map((n) => (n.id === id ? { ...n, ...change } : n))
});

/** The patched text, checked to read as `next`. */
const patch = (next: DiagramDocument, text = USER, before = doc) => {
  const out = patchStackText(text, before, next);
  expect(out).toBeDefined();
  expect(paneText(read(out!)).text).toBe(paneText(next).text);
  return out!;
};

describe('patchStackText: a canvas change, as small a change to the text as it takes', () => {
  it('a rename rewrites that line only, keeping its indentation, kind word and comment', () => {
    const out = patch(withNode(doc, 'hw1', { label: 'Dell R750' }));
    expect(out).toBe(USER.replace('하드웨어 "Dell R740" #hw1', '하드웨어 "Dell R750" #hw1'));
    const deeper = patch(withNode(doc, 'web', { label: 'Shop' }));
    expect(deeper).toBe(USER.replace('svc Web #web %% public', 'svc Shop #web %% public'));
  });

  it('attributes: changed on the line, other lines byte for byte', () => {
    const out = patch(withNode(doc, 'esx', { cores: 32, product: 'vSphere 8' }));
    expect(out.split('\n')[4]).toBe('  hv ESXi #esx [product="vSphere 8" cores=32]');
    const others = (t: string) => t.split('\n').filter((_, i) => i !== 4);
    expect(others(out)).toEqual(others(USER));
  });

  it('the title line is rewritten with its comment, removed, or added at the top', () => {
    expect(patch({ ...doc, title: 'Prod' })).toBe(USER.replace('title: Lab', 'title: Prod'));
    const none: DiagramDocument = { ...doc };
    delete none.title;
    const without = patch(none);
    expect(without).toBe(USER.replace('title: Lab %% the lab\n', ''));
    expect(patch(doc, without, none)).toBe(`title: Lab\n${without}`);
  });

  it('a deleted leaf loses its line; an added leaf goes after its host’s subtree', () => {
    const deleted: DiagramDocument = {
      ...doc,
      nodes: doc.nodes.filter((n) => n.id !== 'web'),
      edges: doc.edges.filter((e) => e.target !== 'web')
    };
    expect(patch(deleted)).toBe(USER.replace('      svc Web #web %% public\n', ''));

    const added: DiagramDocument = {
      ...doc,
      nodes: [...doc.nodes, { id: 'db', kind: 'service', label: 'Postgres' }],
      edges: [...doc.edges, { id: 'e9', source: 'u1', target: 'db' }]
    };
    expect(patch(added)).toBe(USER.replace('%% public\n', '%% public\n      svc Postgres #db\n'));
    const root: DiagramDocument = {
      ...doc,
      nodes: [...doc.nodes, { id: 'hw3', kind: 'hardware', label: 'New' }]
    };
    expect(patch(root)).toBe(`${USER}hw New #hw3\n`);
  });

  it('an added node keeps to a text indented with tabs', () => {
    const tabs = 'hw A #a\n\tos B #b %% b\n';
    const before = read(tabs);
    const next: DiagramDocument = {
      ...before,
      nodes: [...before.nodes, { id: 'c', kind: 'os', label: 'C' }],
      edges: [...before.edges, { id: 'e2', source: 'a', target: 'c' }]
    };
    expect(patch(next, tabs, before)).toBe('hw A #a\n\tos B #b %% b\n\tos C #c\n');
  });

  it('gives up (undefined) on what it cannot do simply: a node moved to another host', () => {
    const moved: DiagramDocument = {
      ...doc,
      edges: doc.edges.map((e) => (e.target === 'web' ? { ...e, source: 'w1' } : e))
    };
    expect(patchStackText(USER, doc, moved)).toBeUndefined();
    expect(patchStackText('hw A [', doc, doc)).toBeUndefined();
  });

  it('says where each node is in the patched text', () => {
    const p = patchStack(USER, doc, withNode(doc, 'w1', { label: 'Win' }))!;
    expect(p.nodes.get('w1')).toBe(9);
    expect(p.text.split('\n')[8]).toBe('    os Win #w1');
  });

  it('a %% inside quotes is part of the label, not a comment', () => {
    const text = 'hw "50%% off" #a %% note\n';
    const before = read(text);
    expect(patch(withNode(before, 'a', { label: 'Full' }), text, before)).toBe(
      'hw Full #a %% note\n'
    );
  });
});
