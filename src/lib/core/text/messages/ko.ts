import { josa } from '../../i18n/josa';
import { READER_CATALOGS, renderReaderMessage } from '../../model/read-messages';
import type { StackErrorParams as P, StackMessageCatalog } from './catalog';

/** 스택 텍스트 오류의 한국어 메시지. 조사는 josa()로 붙인다. */

const or = (xs: readonly string[] = []) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} 또는 ${xs[xs.length - 1]}`;
const mean = (p: P) => (p.suggestion ? ` (${josa(p.suggestion, '을/를')} 쓰려고 했나요?)` : '');
/** 텍스트에 쓰는 모양의 id 제안(`#a`). */
const refSuggestion = (p: P): P => (p.suggestion ? { ...p, suggestion: `#${p.suggestion}` } : p);
const ROLE = { host: '호스트', replica: '주 사본', member: '구성원' } as const;

export const KO: StackMessageCatalog = {
  'odd-indent': {
    message: (p) => `${p.count}칸 들여 썼습니다: 한 단계는 두 칸입니다`,
    hint: () => '2, 4, 6 … 칸(또는 한 단계에 탭 하나)으로 들여 쓰세요.'
  },
  'deep-indent': {
    message: (p) => `위 줄보다 ${p.count}단계 더 들여 썼습니다`,
    hint: () => '한 줄은 그것이 실행되는 줄보다 한 단계만 더 들여 씁니다.'
  },
  'indented-first': {
    message: () => '첫 노드가 들여 쓰여 있지만 그 위에 실행될 곳이 없습니다',
    hint: () => '첫 노드는 왼쪽 끝에서 시작하세요.'
  },
  'indented-setting': {
    message: (p) => `${josa(p.word ?? '', '이/가')} 들여 쓰여 있습니다`,
    hint: () => '설정(title: …)과 클러스터 줄은 왼쪽 끝에서 시작합니다.'
  },
  'mixed-indent': {
    message: (p) =>
      p.style === 'tab'
        ? `탭으로 들여 썼지만 이 블록은 공백으로 들여 씁니다 (${p.otherLine}번째 줄)`
        : p.style === 'space'
          ? `공백으로 들여 썼지만 이 블록은 탭으로 들여 씁니다 (${p.otherLine}번째 줄)`
          : '탭과 공백을 섞어 들여 썼습니다',
    hint: () => '블록 전체에서 한 단계를 공백 두 칸 또는 탭 하나로 똑같이 들여 쓰세요.'
  },
  'under-cluster': {
    message: () => '클러스터 위에서는 아무것도 실행되지 않습니다',
    hint: () =>
      '기계들은 왼쪽 끝에 쓰고 클러스터에서 이름으로 가리키세요: cluster Prod [members=#srv1,#srv2].'
  },
  'unknown-kind': {
    message: (p) => `알 수 없는 종류 "${p.word}"${mean(p)}`,
    hint: () =>
      '줄은 종류로 시작합니다: 하드웨어, 펌웨어, 하이퍼바이저, 운영체제, 컨테이너, 서비스 (또는 hw, fw, hv, os, ct, svc). VM은 하이퍼바이저 위의 운영체제(os)입니다.'
  },
  'unknown-attribute': {
    message: (p) => `알 수 없는 속성 "${p.word}"${mean(p)}`,
    hint: (p) =>
      `여기에 쓸 수 있는 속성: ${or(p.allowed)}. stackdraw가 모르는 필드는 +를 붙여 씁니다: [+${p.word}=…].`
  },
  'unclosed-quote': {
    message: () => '따옴표가 닫히지 않았습니다',
    hint: () =>
      '따옴표 안의 글은 같은 줄에서 "로 끝내세요. 따옴표 안에서 "는 \\"로, 역슬래시는 \\\\로 씁니다.'
  },
  'unclosed-bracket': {
    message: () => '[가 닫히지 않았습니다',
    hint: () => '속성은 같은 줄에서 ]로 끝내세요: os Ubuntu [cores=2].'
  },
  'bad-json': {
    message: (p) =>
      `${josa(`"${p.word}"`, '은/는')} 올바른 JSON이 아닙니다${p.unclosed ? ': 이 줄에서 닫히지 않았습니다' : p.json ? `: ${READER_CATALOGS.ko.json(p.json)}` : ''}`,
    hint: () => '{ }나 [ ] 안의 값은 한 줄짜리 JSON입니다: {"key": "value"}, 문자열은 큰따옴표로.'
  },
  'missing-ref': {
    message: (p) => `id가 #${p.word}인 노드가 없습니다${mean(refSuggestion(p))}`,
    hint: (p) =>
      p.role === 'member'
        ? `클러스터 구성원은 id로 가리키는 하드웨어 줄입니다: 그런 줄을 쓰거나(hw Server #${p.word}) 있는 id를 쓰세요.`
        : `${josa(ROLE[p.role ?? 'host'], '은/는')} id로 가리킵니다: 그 줄에 ${josa(`#${p.word}`, '을/를')} 붙이거나(os Ubuntu #${p.word}) 있는 id를 쓰세요.`
  },
  'duplicate-id': {
    message: (p) =>
      p.generated
        ? `이 줄의 id "${p.word}"(레이블에서 만든 것)은(는) 이미 ${p.otherLine}번째 줄에서 쓰고 있습니다`
        : `id ${josa(`#${p.word}`, '은/는')} 이미 ${p.otherLine}번째 줄에서 쓰고 있습니다`,
    hint: () => 'id는 하나뿐이어야 합니다: 두 줄 중 하나에 다른 #id를 붙이세요.'
  },
  'duplicate-attribute': {
    message: (p) => `${josa(p.word ?? '', '이/가')} 두 번 있습니다`,
    hint: () => '하나만 남기세요.'
  },
  'bad-value': {
    message: (p) => `${p.word}의 값은 ${(p.allowed ?? []).join(', ')} 중 하나여야 합니다`,
    hint: (p) => {
      const first = p.allowed?.[0] ?? '값';
      if (p.word?.endsWith(':')) return `${p.word} ${first} 처럼 쓰세요.`;
      return `= 바로 뒤에 빈칸 없이 ${or(p.allowed)} 중 하나를 씁니다: [${p.word}=${first}].`;
    }
  },
  'bad-number': {
    message: (p) => `${p.word}의 값은 수(${p.range})여야 합니다`,
    hint: (p) => `= 바로 뒤에 4나 2.5 같은 수를 쓰세요: [${p.word}=16].`
  },
  'missing-value': {
    message: (p) => `${p.word}에 값이 없습니다`,
    hint: (p) => `${p.word}=값 으로 쓰세요.`
  },
  'unexpected-text': {
    message: (p) => `예상하지 못한 "${p.word}"`,
    hint: () =>
      '레이블 뒤에는 #id, [속성], %% 주석만 올 수 있습니다. 이런 글자가 든 레이블은 따옴표로 감싸세요: os "Lab #2".'
  },
  'empty-id': {
    message: () => '# 뒤에 id가 없습니다',
    hint: () => 'id는 # 바로 뒤에 빈칸 없이 씁니다: #vm1.'
  },
  'unknown-setting': {
    message: (p) => `알 수 없는 설정 "${p.word}:"${mean(p)}`,
    hint: () =>
      '설정은 title:과 version:입니다. stackdraw가 모르는 문서 필드는 +를 붙여 씁니다: +source: "notes".'
  },
  'setting-after-node': {
    message: (p) => `${josa(p.word ?? '', '이/가')} 첫 노드보다 뒤에 있습니다`,
    hint: () => '설정은 맨 위, 첫 노드보다 앞에 씁니다.'
  },
  'duplicate-setting': {
    message: (p) => `${josa(p.word ?? '', '이/가')} 두 번 설정되었습니다 (${p.otherLine}번째 줄)`,
    hint: () => '하나만 남기세요.'
  },
  'self-host': {
    message: (p) => `${josa(`#${p.word}`, '이/가')} 자기 자신의 호스트로 되어 있습니다`,
    hint: () => '노드는 다른 노드 위에서 실행됩니다: 다른 노드를 가리키세요.'
  },
  'duplicate-host': {
    message: (p) => `${josa(`#${p.word}`, '이/가')} 이 노드의 호스트로 두 번 적혀 있습니다`,
    hint: () => '들여 쓴 줄은 이미 바로 위 단계의 줄 위에서 실행됩니다: on=에서 빼세요.'
  },
  'half-position': {
    message: (p) => `${p.word}만 있고 ${p.word === 'x' ? 'y' : 'x'}가 없습니다`,
    hint: () => '위치에는 둘 다 씁니다: [x=120 y=40] (px).'
  },
  document: {
    message: (p) => (p.reader ? renderReaderMessage(p.reader, 'ko') : '문서를 읽을 수 없습니다'),
    hint: (p) =>
      p.reader?.key.startsWith('replica')
        ? 'replicaOf는 FT 사본에 쓰고, 주 사본인 게스트 OS를 #id로 가리킵니다: os Web #vm1, 다른 호스트에 os "Web (FT copy)" [replicaOf=#vm1].'
        : p.reader?.key.startsWith('member')
          ? '클러스터의 구성원은 기계, 곧 아래에 아무것도 없는 하드웨어 줄이며 #id로 씁니다: cluster Prod [members=#srv1,#srv2 ha].'
          : '이 줄을 고치세요.'
  },
  'more-errors': {
    message: (p) => `… 그 밖의 오류 ${p.count}개`
  }
};
