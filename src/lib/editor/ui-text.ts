import type { Lang, Severity } from '$lib/core/index';

/** The few words of interface text on the start page, in each language. */
export const UI_TEXT = {
  en: {
    example: 'Example',
    language: 'Language',
    loading: 'Loading…',
    loadFailed: 'Could not load the example',
    unreadable: 'The document could not be read',
    valid: 'Valid',
    invalid: 'Invalid',
    stacks: 'Stacks',
    noStacks: 'No stacks: the document has no hardware.',
    diagnostics: 'Diagnostics',
    noProblems: 'No problems found.',
    hint: 'Hint',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' }
  },
  ko: {
    example: '예제',
    language: '언어',
    loading: '불러오는 중…',
    loadFailed: '예제를 불러오지 못했습니다',
    unreadable: '문서를 읽을 수 없습니다',
    valid: '유효',
    invalid: '오류 있음',
    stacks: '스택',
    noStacks: '스택이 없습니다: 문서에 하드웨어가 없습니다.',
    diagnostics: '진단',
    noProblems: '문제가 없습니다.',
    hint: '힌트',
    severity: { error: '오류', warning: '경고', info: '참고' }
  }
} satisfies Record<Lang, { severity: Record<Severity, string>; [key: string]: unknown }>;

export const LANGUAGES: readonly { code: Lang; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ko', name: '한국어' }
];
