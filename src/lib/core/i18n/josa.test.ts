import { describe, expect, it } from 'vitest';
import { josa } from './josa';

describe('Korean particles', () => {
  it('picks the particle from the final Hangul syllable', () => {
    expect(josa('서버', '이/가')).toBe('서버가');
    expect(josa('하드웨어', '을/를')).toBe('하드웨어를');
    expect(josa('"웹 서버"', '은/는')).toBe('"웹 서버"는');
    expect(josa('운영체제 펌웨어', '과/와')).toBe('운영체제 펌웨어와');
    expect(josa('"관리 콘솔"', '이/가')).toBe('"관리 콘솔"이');
  });
  it('handles 으로/로 with ㄹ as a vowel', () => {
    expect(josa('펌웨어', '으로/로')).toBe('펌웨어로');
    expect(josa('콘솔', '으로/로')).toBe('콘솔로');
    expect(josa('서버 판', '으로/로')).toBe('서버 판으로');
  });
  it('reads digits as Korean numbers', () => {
    expect(josa('Windows 11', '이/가')).toBe('Windows 11이');
    expect(josa('ESXi 8', '은/는')).toBe('ESXi 8은');
    expect(josa('Ubuntu 24.04', '을/를')).toBe('Ubuntu 24.04를');
  });
  it('reads acronyms by their letter names', () => {
    expect(josa('KVM', '은/는')).toBe('KVM은');
    expect(josa('"Hyper-V"', '이/가')).toBe('"Hyper-V"가');
    expect(josa('AWS', '을/를')).toBe('AWS를');
    expect(josa('URL', '으로/로')).toBe('URL로');
    expect(josa('"VM"', '과/와')).toBe('"VM"과');
  });
  it('reads Latin words by their last letters where that is clear', () => {
    expect(josa('"Linux"', '이/가')).toBe('"Linux"가');
    expect(josa('Xen', '은/는')).toBe('Xen은');
    expect(josa('Intel', '으로/로')).toBe('Intel로');
    expect(josa('"VMware Workstation"', '을/를')).toBe('"VMware Workstation"을');
    expect(josa('"Windows"', '이/가')).toBe('"Windows"가');
    expect(josa('Docker', '은/는')).toBe('Docker는');
  });
  it('reads a silent final e after m or n', () => {
    expect(josa('"Chrome"', '이/가')).toBe('"Chrome"이');
    expect(josa('Alpine', '은/는')).toBe('Alpine은');
  });
  it('uses the combined form where the reading is not clear', () => {
    expect(josa('"Apple"', '이/가')).toBe('"Apple"이(가)');
    expect(josa('ESXi', '으로/로')).toBe('ESXi로');
    expect(josa('Web', '으로/로')).toBe('Web(으)로');
  });
});
