import { describe, expect, it } from 'vitest';
import type { DiagramDocument } from '../model/types';
import { expectationBadge, stackBadge } from './summary';
import { validate } from './validate';

const doc = (expect: 'type1' | 'type2', guest: boolean): DiagramDocument => ({
  version: 1,
  nodes: [
    { id: 'hw', kind: 'hardware', label: 'Box', expect },
    { id: 'hv', kind: 'hypervisor', label: 'ESXi', hypervisorType: 1 },
    ...(guest ? [{ id: 'vm', kind: 'os' as const, label: 'Guest' }] : [])
  ],
  edges: [
    { id: 'e1', source: 'hw', target: 'hv' },
    ...(guest ? [{ id: 'e2', source: 'hv', target: 'vm' }] : [])
  ]
});

describe('the badge of a stack with an expectation', () => {
  it('an unfinished stack says what is missing, with no cross', () => {
    const [s] = validate(doc('type1', false)).stacks;
    expect(expectationBadge(s, 'en')).toBe('expected Type 1: incomplete, no guest OS yet');
    expect(expectationBadge(s, 'ko')).toBe('기대 유형 1: 미완성, 아직 게스트 OS 없음');
    expect(stackBadge(s, 'en')).toEqual({ text: 'Type 1', mark: 'none' });
    expect(stackBadge(s, 'ko').text).toBe('유형 1');
  });
  it('a finished one is met, a wrong one is not met', () => {
    const [met] = validate(doc('type1', true)).stacks;
    expect(expectationBadge(met, 'en')).toBe('expected Type 1: met');
    expect(stackBadge(met, 'en').mark).toBe('ok');
    const [wrong] = validate(doc('type2', true)).stacks;
    expect(expectationBadge(wrong, 'en')).toBe('expected Type 2: not met');
    expect(expectationBadge(wrong, 'ko')).toBe('기대 유형 2: 미충족');
    expect(stackBadge(wrong, 'en').mark).toBe('bad');
  });
});
