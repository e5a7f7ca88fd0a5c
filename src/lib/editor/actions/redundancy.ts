import type { Action } from './action';

export const makeCluster: Action = {
  id: 'make-cluster',
  label: { en: 'Make a cluster', ko: '클러스터 만들기' },
  description: {
    en: 'Make a cluster of the selected machines',
    ko: '선택한 기계로 클러스터 만들기'
  },
  enabled: ({ app }) => app.editor.selection.length > 0,
  run: ({ app }) => app.editor.makeCluster()
};

export const consolidate: Action = {
  id: 'consolidate',
  label: { en: 'Consolidate…', ko: '통합…' },
  description: {
    en: 'Consolidate dedicated servers onto hypervisor hosts',
    ko: '전용 서버를 하이퍼바이저 호스트로 통합'
  },
  run: ({ app }) => {
    app.editor.consolidating = true;
  }
};
