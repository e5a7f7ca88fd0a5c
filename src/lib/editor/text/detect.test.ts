import { describe, expect, it } from 'vitest';
import { fencedStackText, stackTextOf } from './detect';
import { readStackClip } from './paste';

describe('pasted stack text', () => {
  it('finds a ```stackdraw block in Markdown, and where its lines are', () => {
    const md = 'Notes\n\n```stackdraw\nhw PC\n  os Linux\n```\nmore\n';
    expect(stackTextOf(md)).toEqual({ text: 'hw PC\n  os Linux\n', lineShift: 3 });
    expect(stackTextOf('~~~~ stackdraw\r\nhw PC\r\n~~~~\r\n')?.text).toBe('hw PC\n');
  });

  it('takes text that starts like stack text, and leaves JSON, SVG and prose alone', () => {
    expect(stackTextOf('%% lab\n\ntitle: Lab\nhw PC\n')?.text).toBe(
      '%% lab\n\ntitle: Lab\nhw PC\n'
    );
    expect(stackTextOf('하드웨어 서버\n')).toBeDefined();
    expect(stackTextOf('Hypervisor ESXi')).toBeDefined();
    expect(stackTextOf('{"version":1,"nodes":[],"edges":[]}')).toBeUndefined();
    expect(stackTextOf('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBeUndefined();
    expect(stackTextOf('hello world')).toBeUndefined();
    expect(stackTextOf('hwx PC')).toBeUndefined();
  });

  it('reads it into nodes to paste, or says the first error', () => {
    const ok = readStackClip('hw PC\n  os Linux\n', 'en');
    expect(ok.ok && ok.clip.nodes.map((n) => n.label)).toEqual(['PC', 'Linux']);
    expect(ok.ok && ok.clip.edges).toHaveLength(1);
    const bad = readStackClip('hw PC\n  vm Linux\n', 'en');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.line).toBe(2);
      expect(bad.error.message).toMatch(/vm/);
    }
  });
  it('a fenced block pasted into the Text panel goes in without its fence lines', () => {
    expect(fencedStackText('```stackdraw\nhw PC\n  os Linux\n```\n')).toBe('hw PC\n  os Linux\n');
    expect(fencedStackText('hw PC\n  os Linux\n')).toBeUndefined();
  });
});
