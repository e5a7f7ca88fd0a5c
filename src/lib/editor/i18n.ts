import {
  CLASSIFICATION_LABELS,
  josa,
  type Fix,
  KIND_SPECS,
  KINDS,
  type Lang,
  type NodeKind,
  type Severity
} from '$lib/core/index';

/** Kind names and classification labels come from the core, in each language. */
const kindNames = (lang: Lang) =>
  Object.fromEntries(KINDS.map((k) => [k, KIND_SPECS[k].name[lang]])) as Record<NodeKind, string>;

/** Every word of the editor's interface, in English and Korean. */
const en = {
  appName: 'stackdraw',
  untitled: 'Untitled diagram',
  title: 'Diagram title',
  open: 'Open…',
  examples: 'Examples',
  exportMenu: 'Export',
  file: 'File',
  settings: 'Settings',
  downloadSvg: 'Download SVG',
  downloadPng: 'Download PNG',
  copySvg: 'Copy SVG',
  copyMarkdown: 'Copy Markdown',
  copied: 'Copied to the clipboard',
  pngReduced: (w: number, h: number) =>
    `The PNG is ${w} × ${h} px, drawn smaller to stay within 16,384 px a side and 100 megapixels.`,
  arrange: 'Arrange automatically',
  view: 'View',
  viewGraph: 'Graph',
  viewBlocks: 'Blocks',
  language: 'Language',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSystem: 'System',
  shortcuts: 'Keyboard shortcuts',
  close: 'Close',
  palette: 'Palette',
  paletteHint:
    'Drag onto the canvas or onto a node, or press Enter to put it on top of the selected node.',
  filter: 'Filter',
  kinds: 'Layers',
  presetsHypervisors: 'Hypervisors',
  presetsOs: 'Operating systems',
  presetsContainers: 'Containers',
  presetsServices: 'Services (course notes)',
  presetsOther: 'Hardware and firmware',
  noMatch: 'Nothing matches.',
  inspector: 'Inspector',
  nothingSelected:
    'Select a node to edit it. Build a stack from the palette: hardware at the bottom, services on top.',
  manySelected: (n: number) => `${n} nodes selected`,
  label: 'Label',
  kind: 'Kind',
  product: 'Product',
  hypervisorType: 'Hypervisor type',
  auto: 'Automatic',
  autoType: (t: string) => `Automatic (${t})`,
  type1: 'Type 1 (bare metal)',
  type2: 'Type 2 (hosted)',
  expectation: 'Should be',
  expectAny: 'Any',
  expectType1: 'Type 1 stack',
  expectType2: 'Type 2 stack',
  expectDedicated: 'Dedicated server',
  delete: 'Delete',
  swapDirection: 'Swap direction',
  refused: {
    loop: 'That would make a loop: a layer cannot run on what runs on it.',
    self: 'A layer cannot run on itself.',
    duplicate: 'These two are already connected.'
  } as Record<'loop' | 'self' | 'duplicate', string>,
  problems: 'Problems',
  noProblems: 'No problems. Every stack follows the rules.',
  showMore: (n: number, left: number) => `Show ${n} more (${left} not shown)`,
  quickFix: 'Fix',
  /** What a quick fix will do, on its button. */
  fixLabel: (fix: Fix, kind: (k: NodeKind) => string): string => {
    switch (fix.type) {
      case 'insert-host-os':
        return 'add a host OS under it';
      case 'insert-guest-os':
        return 'add a guest OS between';
      case 'add-guest-os':
        return 'add a guest OS';
      case 'insert-hypervisor':
        return 'put a hypervisor under them';
      case 'move-onto-firmware':
        return 'move it onto the firmware';
      case 'reset-hypervisor-type':
        return `reset the type (Type ${fix.to})`;
      case 'set-kind':
        return `make it a ${kind(fix.kind).toLowerCase()}`;
      case 'redraw-container-engine':
        return 'redraw as a service with containers';
      case 'swap-with-host':
        return 'put it under the OS';
      case 'merge-into-host':
        return 'make one node with the OS';
      case 'enable-ha':
        return 'turn HA on for the cluster';
      case 'add-ft-replica':
        return 'add the FT copy';
    }
  },
  hint: 'Hint',
  unplacedGroup: 'Not on any hardware',
  documentGroup: 'Diagram',
  stacks: (n: number) => `${n} stack${n === 1 ? '' : 's'}`,
  noStacks: 'No stacks yet',
  errors: (n: number) => `${n} error${n === 1 ? '' : 's'}`,
  warnings: (n: number) => `${n} warning${n === 1 ? '' : 's'}`,
  saved: 'Saved',
  saving: 'Saving…',
  notSaved: 'Not saved',
  met: 'met',
  notMet: 'not met',
  expected: 'expected',
  nested: 'nested',
  canvas: 'Diagram canvas',
  rename: 'Rename',
  openFailed: (file: string) => `Could not open ${file}`,
  diagramKept: 'Your diagram is unchanged.',
  more: 'More',
  skipToCanvas: 'Skip to canvas',
  reading: (name: string, size: string) => `Reading ${name} (${size})…`,
  clipboardNotDiagram:
    'The clipboard holds text that is not a stackdraw diagram, so nothing was pasted.',
  layoutFailed: 'Automatic layout failed; the nodes stay where they were.',
  layoutTimeout: 'Automatic layout took longer than 10 s; the nodes stay where they were.',
  layoutCrashed:
    'Automatic layout of this diagram did not finish last time, so automatic arrangement is off. Arrange it with Auto layout when you are ready.',
  restoreFailed: (reason: string) =>
    `The saved diagram could not be restored: ${reason}. It is kept as it was; this is a new diagram.`,
  downloadSaved: 'Download the saved data',
  savedAsCopy: 'Saved as a copy',
  otherTabCopy: 'This diagram was changed in another tab. Your edits are kept as a separate copy.',
  errorAt: (what: 'node' | 'edge', n: number, id: string | undefined, field?: string) =>
    `${what} ${n}${id !== undefined ? ` (id "${id}")` : ''}${field ? `, field ${field}` : ''}`,
  errorField: (field: string) => `field ${field}`,
  errorFile: 'the file',
  recent: 'Recent',
  otherTab: 'This diagram was just changed in another tab.',
  reloadTheirs: 'Load that version',
  keepMine: 'Keep mine as a new diagram',
  storageFull:
    'The browser’s storage is full: your diagram is kept in this tab only. Save it to a file to be safe.',
  saveToFile: 'Save to a file',
  dropHere: 'Drop a stackdraw .json or .svg file to open it',
  hostOf: (host: string) => `runs on ${host}`,
  runsOn: (guest: string, host: string) => `${guest} runs on ${host}`,
  severity: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<Severity, string>,
  kindNames: kindNames('en'),
  classification: CLASSIFICATION_LABELS.en as Record<string, string>,
  mouseShortcuts: [
    ['Double-click a node', 'Rename it'],
    ['Shift + click, drag on the canvas', 'Add to the selection / select with a box'],
    ['Drag a node onto another', 'It now runs there']
  ] as [string, string][],
  // Redundancy: capacity, protection, clusters, the failure view, consolidation.
  cores: 'Cores',
  memoryGiB: 'Memory (GiB)',
  vcpus: 'vCPUs',
  capacityHint: 'Leave empty if unknown.',
  protection: 'Protection',
  protectionNone: 'None',
  protectionHa: 'HA: restart on another host',
  protectionFt: 'FT: lockstep copy on another host',
  addReplica: 'Add FT copy on…',
  ftCopySuffix: ' (FT copy)',
  hasReplica: (copy: string, on: string) => `FT copy: ${copy} on ${on}`,
  showReplica: 'Show it',
  replicaOf: (name: string) => `FT copy of ${name}`,
  showPrimary: 'Show the primary',
  cluster: 'Cluster',
  clusterNone: 'None',
  clusterName: 'Cluster name',
  clusterHa: 'HA: restart a failed host’s VMs on the others',
  clusterMembers: (n: number) => `${n} ${n === 1 ? 'machine' : 'machines'}`,
  removeCluster: 'Remove cluster',
  makeCluster: (n: number) => `Make a cluster of ${n} ${n === 1 ? 'machine' : 'machines'}`,
  consolidate: 'Consolidate…',
  consolidateTitle: 'Consolidate dedicated servers',
  consolidateWhat: (n: number, gib: string, all: boolean) =>
    `${all ? (n === 1 ? 'The diagram’s dedicated server' : `All ${n} dedicated servers of the diagram`) : `${n} dedicated ${n === 1 ? 'server' : 'servers'} selected`}${gib ? `; their OSes take ${gib}` : ''}.`,
  consolidateNone: 'Select dedicated servers (hardware → OS → services) to consolidate.',
  consolidateHypervisor: 'Hypervisor',
  consolidateHosts: 'Hosts',
  consolidateFewest: 'The fewest that fit',
  consolidateHostMemory: 'Memory per host (GiB)',
  consolidateHostCores: 'Cores per host',
  consolidateHa: 'Put the hosts in an HA cluster and protect every VM',
  consolidateGo: 'Consolidate',
  cancel: 'Cancel',
  whatIf: 'What if…?',
  whatIfTitle: 'What if … fails?',
  whatIfHint:
    'Click machines or other nodes to fail them (click again to repair). The diagram does not change.',
  whatIfLeave: 'Leave',
  whatIfNothing: 'Nothing has failed yet: every service runs.',
  whatIfOn: (machine: string) => `on ${machine}`,
  whatIfNoRoom: (guest: string, memory: boolean) =>
    `${guest}: no ${memory ? 'free memory' : 'host'} to restart on`,
  whatIfFailed: 'Failed',
  whatIfReadOnly: 'What if … fails? only shows: leave it (Escape) to edit the diagram.',
  spof: (n: number) => `${n} single ${n === 1 ? 'point' : 'points'} of failure`,
  textPanel: 'Text',
  textPanelTitle: 'Stack text',
  textPanelHint:
    'One node per line, indented under the node it runs on (two spaces). Enter keeps the indentation, Tab goes a level deeper, Shift+Tab a level back. The canvas follows as you type.',
  textLoading: 'Loading the text editor…',
  textLoadFailed: 'The text editor could not be loaded.',
  textClose: 'Close the text panel',
  textInSync: 'In step with the canvas',
  textPending: 'Applying…',
  textErrors: (n: number) =>
    `${n} ${n === 1 ? 'error' : 'errors'} in the text: the canvas keeps the last good diagram`,
  textLine: (line: number) => `Line ${line}`,
  pasteStackFailed: (line: number, column: number, message: string, hint?: string) =>
    `The pasted stack text cannot be read (line ${line}, column ${column}): ${message}${hint ? ` ${hint}` : ''} Nothing was pasted.`
};

export type Messages = typeof en;

const ko: Messages = {
  appName: 'stackdraw',
  untitled: '제목 없는 다이어그램',
  title: '다이어그램 제목',
  open: '열기…',
  examples: '예제',
  exportMenu: '내보내기',
  file: '파일',
  settings: '설정',
  downloadSvg: 'SVG 다운로드',
  downloadPng: 'PNG 다운로드',
  copySvg: 'SVG 복사',
  copyMarkdown: 'Markdown 복사',
  copied: '클립보드에 복사했습니다',
  pngReduced: (w, h) => `PNG를 ${w} × ${h} px로 줄여 그렸습니다(한 변 16,384 px, 1억 화소 이내).`,
  arrange: '항상 자동 배치',
  view: '보기',
  viewGraph: '그래프',
  viewBlocks: '블록',
  language: '언어',
  theme: '테마',
  themeLight: '밝게',
  themeDark: '어둡게',
  themeSystem: '시스템',
  shortcuts: '단축키',
  close: '닫기',
  palette: '팔레트',
  paletteHint: '캔버스나 노드 위로 끌어 놓거나, Enter를 눌러 선택한 노드 위에 올리세요.',
  filter: '찾기',
  kinds: '계층',
  presetsHypervisors: '하이퍼바이저',
  presetsOs: '운영체제',
  presetsContainers: '컨테이너',
  presetsServices: '서비스 (강의 노트)',
  presetsOther: '하드웨어와 펌웨어',
  noMatch: '일치하는 항목이 없습니다.',
  inspector: '속성',
  nothingSelected:
    '노드를 선택하면 편집할 수 있습니다. 팔레트에서 스택을 쌓으세요: 아래는 하드웨어, 위는 서비스.',
  manySelected: (n) => `노드 ${n}개 선택됨`,
  label: '이름',
  kind: '종류',
  product: '제품',
  hypervisorType: '하이퍼바이저 유형',
  auto: '자동',
  autoType: (t) => `자동 (${t})`,
  type1: 'Type 1 (베어메탈)',
  type2: 'Type 2 (호스트형·호스티드)',
  expectation: '기대하는 구성',
  expectAny: '상관없음',
  expectType1: 'Type 1 스택',
  expectType2: 'Type 2 스택',
  expectDedicated: '전용 서버',
  delete: '삭제',
  swapDirection: '방향 바꾸기',
  refused: {
    loop: '순환이 생깁니다. 어떤 계층도 자기 위에서 실행되는 것 위에 놓일 수 없습니다.',
    self: '계층은 자기 자신 위에서 실행될 수 없습니다.',
    duplicate: '두 노드는 이미 연결되어 있습니다.'
  },
  problems: '문제',
  noProblems: '문제가 없습니다. 모든 스택이 규칙을 따릅니다.',
  showMore: (n, left) => `${n}개 더 보기(보이지 않는 문제 ${left}개)`,
  quickFix: '고치기',
  fixLabel: (fix, kind) => {
    switch (fix.type) {
      case 'insert-host-os':
        return '아래에 호스트 OS 넣기';
      case 'insert-guest-os':
        return '사이에 게스트 OS 넣기';
      case 'add-guest-os':
        return '게스트 OS 추가';
      case 'insert-hypervisor':
        return '아래에 하이퍼바이저 넣기';
      case 'move-onto-firmware':
        return '펌웨어 위로 옮기기';
      case 'reset-hypervisor-type':
        return `유형 되돌리기(Type ${fix.to})`;
      case 'set-kind':
        return `${josa(kind(fix.kind), '으로/로')} 바꾸기`;
      case 'redraw-container-engine':
        return '서비스와 컨테이너로 다시 그리기';
      case 'swap-with-host':
        return 'OS 아래로 옮기기';
      case 'merge-into-host':
        return 'OS와 한 노드로 합치기';
      case 'enable-ha':
        return '클러스터 HA 켜기';
      case 'add-ft-replica':
        return 'FT 사본 추가';
    }
  },
  hint: '힌트',
  unplacedGroup: '하드웨어에 연결되지 않음',
  documentGroup: '다이어그램',
  stacks: (n) => `스택 ${n}개`,
  noStacks: '아직 스택이 없습니다',
  errors: (n) => `오류 ${n}개`,
  warnings: (n) => `경고 ${n}개`,
  saved: '저장됨',
  saving: '저장 중…',
  notSaved: '저장되지 않음',
  met: '충족',
  notMet: '미충족',
  expected: '기대',
  nested: '중첩',
  canvas: '다이어그램 캔버스',
  rename: '이름 바꾸기',
  openFailed: (file) => `${josa(file, '을/를')} 열 수 없습니다`,
  diagramKept: '지금의 다이어그램은 그대로입니다.',
  more: '더 보기',
  skipToCanvas: '캔버스로 건너뛰기',
  reading: (name, size) => `${name} (${size}) 읽는 중…`,
  clipboardNotDiagram: '클립보드의 텍스트가 stackdraw 다이어그램이 아니어서 붙여넣지 않았습니다.',
  layoutFailed: '자동 배치에 실패했습니다. 노드는 원래 자리에 있습니다.',
  layoutTimeout: '자동 배치가 10초를 넘겼습니다. 노드는 원래 자리에 있습니다.',
  layoutCrashed:
    '지난번에 이 다이어그램의 자동 배치가 끝나지 않아 자동 배치를 껐습니다. 준비되면 자동 배치 버튼으로 배치하세요.',
  restoreFailed: (reason) =>
    `저장된 다이어그램을 복원할 수 없습니다: ${reason}. 저장된 데이터는 그대로 두고 새 다이어그램을 시작했습니다.`,
  downloadSaved: '저장된 데이터 다운로드',
  savedAsCopy: '사본으로 저장됨',
  otherTabCopy:
    '다른 탭에서 이 다이어그램이 바뀌었습니다. 이 탭의 편집은 별도 사본으로 보관됩니다.',
  errorAt: (what, n, id, field) =>
    `${what === 'node' ? '노드' : '연결'} ${n}${id !== undefined ? `(id "${id}")` : ''}${field ? `, 필드 ${field}` : ''}`,
  errorField: (field) => `필드 ${field}`,
  errorFile: '파일',
  recent: '최근',
  otherTab: '다른 탭에서 이 다이어그램이 방금 바뀌었습니다.',
  reloadTheirs: '그 버전 불러오기',
  keepMine: '내 것을 새 다이어그램으로 유지',
  storageFull:
    '브라우저 저장 공간이 가득 찼습니다. 다이어그램은 이 탭에만 있습니다. 파일로 저장해 두세요.',
  saveToFile: '파일로 저장',
  dropHere: 'stackdraw .json 또는 .svg 파일을 놓으면 엽니다',
  hostOf: (host) => `${host} 위에서 실행`,
  runsOn: (guest, host) => `${guest}: ${host} 위에서 실행`,
  severity: { error: '오류', warning: '경고', info: '참고' },
  kindNames: kindNames('ko'),
  classification: CLASSIFICATION_LABELS.ko,
  mouseShortcuts: [
    ['노드 두 번 클릭', '이름 바꾸기'],
    ['Shift + 클릭, 캔버스 끌기', '선택에 추가 / 영역 선택'],
    ['노드를 다른 노드 위로 끌기', '그 위에서 실행']
  ],
  cores: '코어',
  memoryGiB: '메모리 (GiB)',
  vcpus: 'vCPU',
  capacityHint: '모르면 비워 두세요.',
  protection: '보호',
  protectionNone: '없음',
  protectionHa: 'HA: 다른 호스트에서 다시 시작',
  protectionFt: 'FT: 다른 호스트에서 동시 실행되는 사본',
  addReplica: 'FT 사본 추가…',
  ftCopySuffix: ' (FT 사본)',
  hasReplica: (copy, on) => `FT 사본: ${on}의 ${copy}`,
  showReplica: '보기',
  replicaOf: (name) => `${name}의 FT 사본`,
  showPrimary: '원본 보기',
  cluster: '클러스터',
  clusterNone: '없음',
  clusterName: '클러스터 이름',
  clusterHa: 'HA: 고장 난 호스트의 VM을 다른 호스트에서 다시 시작',
  clusterMembers: (n) => `기계 ${n}대`,
  removeCluster: '클러스터 삭제',
  makeCluster: (n) => `기계 ${n}대로 클러스터 만들기`,
  consolidate: '통합…',
  consolidateTitle: '전용 서버 통합',
  consolidateWhat: (n, gib, all) =>
    `${all ? `다이어그램의 전용 서버 ${n}대 전부입니다` : `전용 서버 ${n}대를 선택했습니다`}${gib ? `. OS 메모리 합계 ${gib}` : ''}.`,
  consolidateNone: '통합할 전용 서버(하드웨어 → OS → 서비스)를 선택하세요.',
  consolidateHypervisor: '하이퍼바이저',
  consolidateHosts: '호스트 수',
  consolidateFewest: '메모리에 맞는 최소',
  consolidateHostMemory: '호스트당 메모리 (GiB)',
  consolidateHostCores: '호스트당 코어',
  consolidateHa: '호스트를 HA 클러스터로 묶고 모든 VM 보호',
  consolidateGo: '통합',
  cancel: '취소',
  whatIf: '고장 나면?',
  whatIfTitle: '고장 나면 어떻게 될까?',
  whatIfHint: '고장 낼 기계나 노드를 클릭하세요(다시 클릭하면 복구). 다이어그램은 바뀌지 않습니다.',
  whatIfLeave: '끝내기',
  whatIfReadOnly:
    '‘고장 나면?’ 모드에서는 보기만 합니다. 다이어그램을 고치려면 모드를 끝내세요(Escape).',
  whatIfNothing: '아직 고장 난 것이 없습니다. 모든 서비스가 실행 중입니다.',
  whatIfOn: (machine) => `${machine}에서`,
  whatIfNoRoom: (guest, memory) =>
    `${guest}: 다시 시작할 ${memory ? '여유 메모리' : '호스트'}가 없습니다`,
  whatIfFailed: '고장',
  spof: (n) => `단일 장애점 ${n}개`,
  textPanel: '텍스트',
  textPanelTitle: '스택 텍스트',
  textPanelHint:
    '한 줄에 노드 하나, 그 노드가 실행되는 노드 아래에 들여 씁니다(공백 두 칸). Enter는 들여쓰기를 그대로 두고, Tab은 한 단계 더, Shift+Tab은 한 단계 덜 들여 씁니다. 입력하는 대로 캔버스가 따라옵니다.',
  textLoading: '텍스트 편집기를 불러오는 중…',
  textLoadFailed: '텍스트 편집기를 불러오지 못했습니다.',
  textClose: '텍스트 패널 닫기',
  textInSync: '캔버스와 같음',
  textPending: '적용하는 중…',
  textErrors: (n) => `텍스트에 오류 ${n}개: 캔버스는 마지막으로 올바른 다이어그램을 유지합니다`,
  textLine: (line) => `${line}번째 줄`,
  pasteStackFailed: (line, column, message, hint) =>
    `붙여 넣은 스택 텍스트를 읽을 수 없습니다(${line}번째 줄, ${column}번째 칸): ${message}${hint ? ` ${hint}` : ''} 아무것도 붙여 넣지 않았습니다.`
};

export const MESSAGES: Record<Lang, Messages> = { en, ko };

/** The language to start in: the saved choice, else the browser's. */
export function initialLang(saved: string | null, browserLanguages: readonly string[]): Lang {
  if (saved === 'en' || saved === 'ko') return saved;
  return browserLanguages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}
