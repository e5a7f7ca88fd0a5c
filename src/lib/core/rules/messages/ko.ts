import type { MessageCatalog, Words } from './catalog';
import type { HypervisorType } from '../../model/types';
import type { Type1HintFamily } from '../types';

/**
 * 한국어 메시지: 그림에 대한 한 문장, 그리고 개념을 알려 주는 힌트. 종류와 필드는 한국어
 * 화면의 낱말(하드웨어, 하이퍼바이저, 하이퍼바이저 유형 …)로 쓰고, 조사는 언제나 josa()로
 * 붙인다. 용어는 강의 노트를 따른다: 베어메탈(Type 1), 호스트형·호스티드(Type 2),
 * 이중화, 고가용성(HA), FT.
 */

const youSet = (from: 'field' | 'catalog', t: HypervisorType, w: Words) =>
  from === 'field' ? ` 하이퍼바이저 유형을 ${w.josa(String(t), '으로/로')} 지정했습니다.` : '';

/** "Proxmox VE는 KVM 기반입니다. " — 제품이 곧 그 계열이면 생략. */
const builtOn = (product: string | undefined, family: string, w: Words) =>
  product && product !== family ? `${w.josa(product, '은/는')} ${family} 기반입니다. ` : '';

const TYPE1_HINTS: Record<
  Type1HintFamily,
  (p: { hv: string; host: string; product?: string }, w: Words) => string
> = {
  hyperv: () =>
    'Hyper-V를 켜면 하이퍼바이저가 Windows 아래로 들어가고, Windows는 Hyper-V 위에서 도는 루트(부모) 파티션이 됩니다. 하드웨어 → Hyper-V → Windows(루트 파티션)로 그리고, VM들은 그 옆에 두세요.',
  kvm: (p, w) =>
    `${builtOn(p.product, 'KVM', w)}KVM은 리눅스 커널의 일부로, 로드되면 커널 자체가 하이퍼바이저가 됩니다. 호스트의 리눅스와 KVM을 하이퍼바이저 노드 하나로 묶어 하드웨어 위에 바로 그리고 VM들을 그 위에 올리세요. 호스트 자체의 서비스와 컨테이너도 그 위에 둘 수 있습니다. (KVM을 호스트형으로 보는 책도 있지만 이 과정은 Type 1로 봅니다.)`,
  xen: (p, w) =>
    `${builtOn(p.product, 'Xen', w)}Xen이 먼저 부팅한 뒤 관리 도메인 dom0을 시작합니다. dom0도 다른 도메인처럼 Xen 위에 그리는 (특권) 게스트입니다.`,
  esxi: () =>
    'ESXi는 OS 대신 서버 하드웨어에 바로 설치됩니다. 하드웨어(또는 펌웨어) 위에 바로 그리고 게스트 OS들을 그 위에 올리세요.',
  powervm: () =>
    'PowerVM은 IBM Power 서버의 펌웨어에 들어 있습니다. 하드웨어 위에 펌웨어로 그리면 stackdraw가 Type 1 하이퍼바이저로 보고, LPAR(AIX, IBM i, Linux)들을 그 위에 게스트로 올리면 됩니다.',
  prsm: () =>
    'PR/SM은 IBM Z 메인프레임의 펌웨어에 들어 있습니다. 하드웨어 위에 펌웨어로 그리고 LPAR(z/OS, z/VM, Linux)들을 그 위에 게스트로 올리세요.',
  zvm: () =>
    'z/VM은 IBM Z 메인프레임의 LPAR 안에서 PR/SM 위에 바로 실행됩니다. PR/SM(또는 하드웨어) 위에 그리고 게스트들을 그 위에 올리세요.',
  declared: (p, w) =>
    `${w.k(p.hv, '을/를')} 하드웨어(또는 펌웨어) 위로 옮기고 OS들을 그 위에 게스트로 올리세요. ${w.q(p.host)} 위의 응용 프로그램이 맞다면 하이퍼바이저 유형을 2로 바꾸세요.`
};

/** "\"서버 1\"에 Type 1 스택을 요청했지만" */
const asked = (p: { root: string; expect: 'type1' | 'type2' | 'dedicated' }, w: Words) =>
  `${w.q(p.root)}에 ${w.josa(w.expectation(p.expect), '을/를')} 요청했지만`;
const complete = (p: { expect: 'type1' | 'type2' | 'dedicated' }, w: Words) =>
  `완성된 ${w.expectation(p.expect)}: ${w.shape(p.expect)}.`;

const SERVICE_NEEDS_OS =
  '사이에 게스트 OS(VM)를 넣으세요: 하이퍼바이저 → 게스트 OS → 서비스. 강의 노트의 서버 통합 예제에서도 웹·이메일·SQL·파일 서버가 각각 자기 Windows 위에서 실행됩니다. (KVM 계열 호스트, 즉 Proxmox VE처럼 KVM을 포함한 리눅스만 서비스를 직접 실행합니다.)';

const UNCATALOGUED_HINT =
  '유형을 안다면 하이퍼바이저 유형을 1이나 2로 지정하거나, 알려진 제품 이름(ESXi, Hyper-V, KVM, VirtualBox …)을 쓰세요.';

/** The one sentence of every single-point-of-failure variant (their hints differ). */
const spofMessage = (p: { hw: string; services: string[] }, w: Words): string =>
  `${w.k(p.hw, '은/는')} 단일 장애점(SPOF)입니다. 이 기계가 고장 나면 ${w.josa(w.list(p.services), '이/가')} 멈추며, HA 재시작도 다른 곳의 FT 사본도 없습니다.`;

export const ko: MessageCatalog = {
  'multiple-hosts.guest-os': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 동시에 하이퍼바이저 ${p.hosts.length}개(${w.list(p.hosts)}) 위에 그려져 있습니다. 실행 중인 VM의 호스트는 하나뿐입니다.`,
    hint: () =>
      '강의 노트는 VM을 두 가지로 보호합니다(이중화). 고가용성(HA) 재시작: VM은 지금 실행 중인 곳에 하나만 그립니다. 장애가 나면 다른 호스트에서 다시 시작되며 사본은 여전히 하나입니다. FT(실시간 복제, 동시 실행): 주 사본과 보조 사본을 서로 다른 호스트의 하이퍼바이저에 하나씩 그립니다.'
  },
  'multiple-hosts.other': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 동시에 계층 ${p.hosts.length}개(${w.list(p.hosts)}) 위에 그려져 있습니다. 각 구성 요소는 바로 아래의 한 계층 위에서만 실행됩니다.`,
    hint: () =>
      '실제로 실행되는 계층과의 연결 하나만 남기세요. 클러스터 서비스라면 OS마다 인스턴스를 하나씩 그리세요.'
  },
  cycle: {
    message: (p, w) =>
      `계층들이 서로를 받치는 순환 구조입니다: ${[...p.path, p.path[0]].map(w.name).join(' → ')}. 모든 스택은 아래로 내려가면 하드웨어에서 끝나야 합니다.`,
    hint: () =>
      '순환을 이루는 연결 중 하나를 지워, 어느 계층에서 내려가도 하드웨어에 닿도록 하세요.'
  },
  'hardware-on-host.virtual': {
    message: (p, w) =>
      `${w.k(p.hw, '은/는')} 하드웨어인데 ${w.q(p.host)} 위에 그려져 있습니다. 하드웨어는 항상 맨 아래 계층입니다.`,
    hint: () =>
      '하이퍼바이저가 VM에 제공하는 가상 CPU·메모리·NIC는 별도 계층이 아닙니다. 하이퍼바이저 → 게스트 OS 연결이 이미 그 의미입니다. 꽂아 쓰는 디스크나 카드는 물리 기계의 일부입니다.'
  },
  'hardware-on-host.device': {
    message: (p, w) =>
      `${w.k(p.hw, '은/는')} 하드웨어인데 하드웨어 ${w.q(p.host)} 위에 그려져 있습니다. 하드웨어는 항상 맨 아래 계층입니다.`,
    hint: (p, w) =>
      `꽂아 쓰는 디스크, 카드, 장치는 물리 기계의 일부입니다. ${w.k(p.host, '을/를')} 한 번만 그리고 부품은 빼거나 이름에 적으세요.`
  },
  'hardware-on-host.on-firmware': {
    message: (p, w) =>
      `${w.k(p.hw, '이/가')} 펌웨어 ${w.q(p.host)} 위에 그려져 있습니다. 하드웨어가 맨 아래이고, 펌웨어는 그 하드웨어에 저장되어 있습니다.`,
    hint: () => '연결 방향을 뒤집으세요: 하드웨어 → 펌웨어 → OS 또는 하이퍼바이저.'
  },
  'unplaced.alone': {
    message: (p, w) => `${w.k(p.node, '은/는')} 어떤 하드웨어에도 연결되어 있지 않습니다.`,
    hint: () =>
      '실행되는 바로 아래 계층에 연결하세요. 서비스는 OS나 컨테이너에, 컨테이너는 OS에, 게스트 OS는 하이퍼바이저에, 호스트 OS나 Type 1 하이퍼바이저는 하드웨어(또는 펌웨어)에 연결합니다.'
  },
  'unplaced.with-above': {
    message: (p, w) =>
      `${w.k(p.node, '은/는')} 어떤 하드웨어에도 연결되어 있지 않습니다. 그 위에서 실행되는 ${w.list(p.above)}도 마찬가지입니다.`,
    hint: (p, w) =>
      `${w.k(p.node, '을/를')} 실행되는 바로 아래 계층에 연결하세요. 서비스는 OS나 컨테이너에, 컨테이너는 OS에, 게스트 OS는 하이퍼바이저에, 호스트 OS나 Type 1 하이퍼바이저는 하드웨어(또는 펌웨어)에 연결합니다.`
  },
  'invalid-host.service-on-hypervisor': {
    message: (p, w) =>
      `서비스 ${w.k(p.node, '이/가')} 하이퍼바이저 ${w.q(p.host)} 위에 바로 놓여 있습니다. 서비스 아래에는 운영체제가 있어야 합니다.`,
    hint: () => SERVICE_NEEDS_OS
  },
  'invalid-host.service-on-esxi': {
    message: (p, w) =>
      `서비스 ${w.k(p.node, '이/가')} 하이퍼바이저 ${w.q(p.host)} 위에 바로 놓여 있습니다. 서비스 아래에는 운영체제가 있어야 합니다.`,
    hint: () =>
      `${SERVICE_NEEDS_OS} vCenter 같은 관리 도구도 ESXi 위가 아니라 자기 VM(vCenter Server Appliance)이나 다른 기계에서 실행됩니다.`
  },
  'invalid-host.service-on-bare': {
    message: (p, w) =>
      `서비스 ${w.k(p.node, '이/가')} ${w.noun(p.host)} ${w.q(p.host)} 위에 바로 놓여 있습니다. 서비스 아래에는 운영체제가 있어야 합니다.`,
    hint: (p, w) => `먼저 운영체제를 설치하세요: ${w.noun(p.host)} → OS → 서비스.`
  },
  'invalid-host.service-on-service': {
    message: (p, w) =>
      `서비스 ${w.k(p.node, '이/가')} 다른 서비스 ${w.q(p.host)} 위에 그려져 있습니다. 서비스는 OS나 컨테이너 위에서 실행됩니다.`,
    hint: (p, w) =>
      `${w.k(p.node, '을/를')} 실행하는 OS(또는 컨테이너)에 연결하세요. ${w.k(p.host, '이/가')} 컨테이너 엔진(Docker, Podman …)이라면 엔진은 OS 위의 서비스로, 그 컨테이너들은 OS 위의 컨테이너로 그리세요.`
  },
  'invalid-host.container-needs-os': {
    message: (p, w) =>
      `컨테이너 ${w.k(p.node, '이/가')} ${w.noun(p.host)} ${w.q(p.host)} 위에 바로 놓여 있습니다. 컨테이너는 운영체제의 커널을 함께 씁니다.`,
    hint: (p, w) =>
      `컨테이너는 OS 위에서, 예를 들어 VM의 게스트 OS 위에서 실행됩니다: ${w.noun(p.host)} → OS → 컨테이너. (KVM 계열 호스트, 즉 Proxmox VE처럼 KVM을 포함한 리눅스만 컨테이너를 직접 실행합니다.)`
  },
  'invalid-host.container-on-app': {
    message: (p, w) =>
      `컨테이너 ${w.k(p.node, '이/가')} ${w.noun(p.host)} ${w.q(p.host)} 위에 그려져 있습니다. 컨테이너는 엔진과 함께 OS 위에서 실행됩니다.`,
    hint: (p, w) =>
      `${w.k(p.node, '을/를')} 엔진(Docker, Podman, containerd …)을 실행하는 OS에 연결하세요. 엔진 자체는 그 OS 위의 서비스입니다. ${w.k(p.host, '이/가')} 안에 엔진을 둔 시스템 컨테이너(LXC, LXD)라면 OS로 그리세요.`
  },
  'invalid-host.os-on-os': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 운영체제 ${w.q(p.host)} 위에 바로 놓여 있습니다. 하이퍼바이저 없이 OS 안에서 다른 OS를 실행할 수 없습니다.`,
    hint: (p, w) =>
      `실행 중인 OS 위에 게스트 OS를 올리려면 Type 2 하이퍼바이저를 사이에 넣으세요(호스트 OS → 하이퍼바이저 → 게스트 OS). ${w.k(p.node, '이/가')} 컨테이너라면 종류를 컨테이너로 바꾸세요. Xen의 domU는 dom0이 아니라 Xen 위에서 실행됩니다.`
  },
  'invalid-host.os-on-hypervisor-product': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 운영체제로 그려진 ${w.q(p.host)} 위에 있습니다. 그런데 ${w.josa(p.product, '은/는')} 하이퍼바이저입니다(강의 노트의 '특수 OS').`,
    hint: (p, w) =>
      `${w.q(p.host)}의 종류를 하이퍼바이저로 바꾸세요. 그러면 ${w.k(p.node, '은/는')} 그 위의 게스트 OS가 됩니다.`
  },
  'invalid-host.os-on-container': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 컨테이너 ${w.q(p.host)} 안에 그려져 있습니다. 컨테이너는 호스트의 커널을 함께 쓰므로 그 안에서 OS를 실행할 수 없습니다.`,
    hint: (p, w) =>
      `${w.k(p.node, '이/가')} 컨테이너 이미지(Ubuntu, Alpine …)라면 OS 위의 컨테이너로 그리세요. OS 전체를 실행하려면 하이퍼바이저와 VM을 쓰세요.`
  },
  'invalid-host.system-on-app': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} ${w.noun(p.host)} ${w.q(p.host)} 위에 있습니다. OS나 하이퍼바이저는 하드웨어, 펌웨어, 하이퍼바이저 위에서 실행됩니다(하이퍼바이저는 OS 위에서도).`,
    hint: (p, w) =>
      `${w.k(p.host, '이/가')} 가상화 프로그램이라면 종류를 하이퍼바이저로 바꾸고, 아니라면 ${w.k(p.node, '을/를')} 실제로 실행되는 OS나 하이퍼바이저에 연결하세요.`
  },
  'invalid-host.type2-on-hypervisor': {
    message: (p, w) =>
      `${w.k(p.node, '은/는')} 호스트형(호스티드, Type 2) 하이퍼바이저로, 호스트 OS가 필요한 응용 프로그램입니다. ${w.q(p.host)} 위에 바로 놓을 수 없습니다.`,
    hint: (p, w) =>
      `사이에 게스트 OS를 넣으세요: ${w.q(p.host)} → 게스트 OS → ${w.q(p.node)}(중첩 가상화).`
  },
  'invalid-host.firmware-on-virtual': {
    message: (p, w) =>
      `펌웨어 ${w.k(p.node, '이/가')} ${w.q(p.host)} 위에 있습니다. 펌웨어는 하드웨어에 저장되어 하드웨어 바로 위에서 동작합니다.`,
    hint: () => 'VM의 가상 BIOS/UEFI는 VM의 일부입니다. 게스트 OS를 하이퍼바이저에 바로 연결하세요.'
  },
  'invalid-host.firmware-above-os': {
    message: (p, w) =>
      `펌웨어 ${w.k(p.node, '이/가')} 운영체제 ${w.q(p.host)} 위에 있습니다. 펌웨어는 OS 위가 아니라 아래에 있습니다.`,
    hint: () => '계층을 순서대로 그리세요: 하드웨어 → BIOS/UEFI → OS → 서비스.'
  },
  'invalid-host.firmware-elsewhere': {
    message: (p, w) =>
      `펌웨어 ${w.k(p.node, '이/가')} ${w.noun(p.host)} ${w.q(p.host)} 위에 있습니다. 펌웨어는 하드웨어에 저장되어 하드웨어 바로 위에서 동작합니다.`,
    hint: () => '펌웨어를 그것이 저장된 하드웨어에 연결하세요.'
  },
  'invalid-host.on-misplaced-firmware': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 펌웨어 ${w.q(p.host)} 위에 있는데, 그 펌웨어는 ${w.q(p.below)} 위에 그려져 있습니다.`,
    hint: (p, w) =>
      `${w.k(p.node, '을/를')} ${w.josa(w.q(p.below), '으로/로')} 바로 연결하세요. 펌웨어는 OS 아래, 하드웨어 위에 있습니다.`
  },
  'invalid-host.other': {
    message: (p, w) =>
      `${w.josa(`${w.q(p.node)}(${w.noun(p.node)})`, '은/는')} ${w.q(p.host)}(${w.noun(p.host)}) 위에서 실행될 수 없습니다.`
  },
  'one-bare-metal-system.oses': {
    message: (p, w) =>
      `${w.q(p.hw)} 위에 시스템 ${p.systems.length}개(${w.list(p.systems)})가 바로 놓여 있습니다. 한 대의 기계는 한 번에 OS나 하이퍼바이저 하나만 부팅합니다.`,
    hint: () =>
      '함께 실행하려면 하드웨어 위에 하이퍼바이저를 두고 OS들을 그 위에 게스트로 올리거나(Type 1), 한쪽 OS에 Type 2 하이퍼바이저를 추가하세요. 듀얼 부팅이라면 설명하려는 OS 하나만 그리세요.'
  },
  'one-bare-metal-system.hyperv-beside': {
    message: (p, w) =>
      `${w.q(p.hw)} 위에 시스템 ${p.systems.length}개(${w.list(p.systems)})가 바로 놓여 있습니다. 한 대의 기계는 한 번에 OS나 하이퍼바이저 하나만 부팅합니다.`,
    hint: () =>
      'Hyper-V를 켜면 Windows(루트·부모 파티션)는 Hyper-V 옆이 아니라 위에 놓입니다. 하드웨어 → Hyper-V → Windows로 그리고 VM들은 Windows 옆에 두세요.'
  },
  'one-bare-metal-system.mixed': {
    message: (p, w) =>
      `${w.q(p.hw)} 위에 시스템 ${p.systems.length}개(${w.list(p.systems)})가 바로 놓여 있습니다. 한 대의 기계는 한 번에 OS나 하이퍼바이저 하나만 부팅합니다.`,
    hint: () =>
      '하드웨어 위의 Type 1 하이퍼바이저는 OS들을 게스트로 실행합니다. OS들을 하이퍼바이저에 연결하세요. Type 2 하이퍼바이저라면 호스트 OS 위에 놓습니다.'
  },
  'type-mismatch.type1-on-os': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} 베어메탈(Type 1) 하이퍼바이저인데 운영체제 ${w.q(p.host)} 위에 그려져 있습니다. Type 1 하이퍼바이저는 OS 없이 하드웨어(또는 펌웨어) 위에서 바로 실행됩니다.${youSet(p.from, p.declared, w)}`,
    hint: (p, w) => TYPE1_HINTS[p.family](p, w)
  },
  'type-mismatch.type1-on-guest-os': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} 베어메탈(Type 1) 하이퍼바이저인데 ${w.q(p.outer)}의 게스트 OS인 ${w.q(p.host)} 위에 그려져 있습니다.${youSet(p.from, p.declared, w)}`,
    hint: (p, w) =>
      `중첩 가상화라면 ${w.k(p.hv, '을/를')} 바깥 하이퍼바이저 ${w.q(p.outer)} 위에 바로, 하나의 VM으로 그리세요: ${w.q(p.outer)} → ${w.q(p.hv)} → 게스트 OS. ${w.k(p.outer, '이/가')} 그 VM에 가상화 기능을 전달하면 동작합니다.`
  },
  'type-mismatch.type2-on-bare': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} 호스트형(호스티드, Type 2) 하이퍼바이저로 macOS·Windows·Linux 위에 설치하는 응용 프로그램인데, ${w.noun(p.host)} ${w.q(p.host)} 위에 바로 그려져 있습니다.${youSet(p.from, p.declared, w)}`,
    hint: (p, w) => `호스트 OS를 넣으세요: 하드웨어 → 호스트 OS → ${w.q(p.hv)} → 게스트 OS.`
  },
  'type-mismatch.type2-on-hypervisor': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} 호스트형(호스티드, Type 2) 하이퍼바이저로 macOS·Windows·Linux 위에 설치하는 응용 프로그램인데, 하이퍼바이저 ${w.q(p.host)} 위에 바로 그려져 있습니다.${youSet(p.from, p.declared, w)}`,
    hint: (p, w) => `사이에 게스트 OS를 넣으세요: ${w.q(p.host)} → 게스트 OS → ${w.q(p.hv)}.`
  },
  'expectation-unmet.nothing-installed': {
    message: (p, w) => `${asked(p, w)} 아직 아무것도 설치되어 있지 않습니다.`,
    hint: complete
  },
  'expectation-unmet.several-systems': {
    message: (p, w) =>
      `${asked(p, w)} 시스템 ${p.systems.length}개(${w.list(p.systems)})가 나란히 놓여 있습니다. 한 대의 기계는 OS나 하이퍼바이저 하나만 부팅합니다.`,
    hint: complete
  },
  'expectation-unmet.hypervisor-under-type2': {
    message: (p, w) =>
      `${asked(p, w)} ${w.k(p.hv, '이/가')} 하드웨어 위에 바로 있습니다. Type 2 하이퍼바이저 아래에는 호스트 OS가 있어야 합니다.`,
    hint: complete
  },
  'expectation-unmet.hypervisor-in-dedicated': {
    message: (p, w) =>
      `${asked(p, w)} 하이퍼바이저 ${w.k(p.hv, '이/가')} 설치되어 있습니다. 전용 서버는 하이퍼바이저 없이 OS 하나를 직접 실행합니다.`,
    hint: complete
  },
  'expectation-unmet.no-hypervisor-type1': {
    message: (p, w) =>
      `${asked(p, w)} ${w.k(p.os, '이/가')} 하드웨어에 바로 설치되어 있고 하이퍼바이저가 없습니다. Type 1 하이퍼바이저를 하드웨어 위에 두고 OS들을 그 위에 게스트로 올리세요.`,
    hint: complete
  },
  'expectation-unmet.no-hypervisor-type2': {
    message: (p, w) =>
      `${asked(p, w)} ${w.q(p.os)} 위에 하이퍼바이저가 없습니다. 호스트 OS 위에 Type 2 하이퍼바이저와 게스트 OS를 추가하세요.`,
    hint: complete
  },
  'expectation-unmet.type2-on-hardware': {
    message: (p, w) =>
      `${asked(p, w)} ${w.k(p.hv, '은/는')} Type 2 하이퍼바이저입니다. 하드웨어가 아니라 호스트 OS 위에 있어야 합니다.`,
    hint: complete
  },
  'expectation-unmet.is-type2': {
    message: (p, w) =>
      `${asked(p, w)} 이것은 Type 2 스택입니다. ${w.k(p.hv, '이/가')} 호스트 OS ${w.q(p.os)} 위에서 실행되는데, Type 1은 하드웨어 위에서 바로 실행됩니다.`,
    hint: complete
  },
  'expectation-unmet.type1-misplaced': {
    message: (p, w) =>
      `${asked(p, w)} Type 1 하이퍼바이저 ${w.k(p.hv, '이/가')} 하드웨어 바로 위가 아니라 운영체제 ${w.q(p.os)} 위에 그려져 있습니다.`,
    hint: complete
  },
  'expectation-unmet.type1-on-host-os': {
    message: (p, w) =>
      `${asked(p, w)} ${w.q(p.os)} 위의 ${w.k(p.hv, '은/는')} Type 1 하이퍼바이저입니다. Type 2 스택에는 호스트 OS 위의 호스트형 하이퍼바이저(VirtualBox, VMware Workstation 등)가 필요합니다.`,
    hint: complete
  },
  'expectation-unmet.no-guest': {
    message: (p, w) => `${asked(p, w)} ${w.q(p.hv)} 위에 게스트 OS가 없습니다.`,
    hint: complete
  },
  'expectation-unmet.guest-hypervisor': {
    message: (p, w) =>
      `${asked(p, w)} 그 안에서 하이퍼바이저 ${w.k(p.hv, '이/가')} 실행됩니다. 전용 서버는 하이퍼바이저 없이 OS 하나를 직접 실행합니다.`,
    hint: complete
  },
  'one-firmware': {
    message: (p, w) =>
      `${w.q(p.hw)}에 펌웨어가 ${p.firmwares.length}개(${w.list(p.firmwares)}) 있습니다. OS나 하이퍼바이저가 부팅하는 펌웨어(BIOS/UEFI) 하나만 그리세요.`,
    hint: () =>
      'BMC(iDRAC, iLO)나 장치 펌웨어는 스택의 계층이 아닙니다. 빼거나 하드웨어 이름에 적으세요.'
  },
  'bypasses-firmware': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 펌웨어 ${w.k(p.fw, '을/를')} 건너뛰고 ${w.q(p.hw)} 위에 바로 있습니다. 일반적인 순서는 하드웨어 → 펌웨어 → 하이퍼바이저/OS입니다.`,
    hint: (p, w) => `${w.k(p.node, '을/를')} ${w.josa(w.q(p.fw), '으로/로')} 옮기세요.`
  },
  'idle-hypervisor': {
    message: (p, w) => `하이퍼바이저 ${w.q(p.hv)} 위에 아직 게스트 OS가 없습니다.`,
    hint: () => '하이퍼바이저는 가상 머신을 실행하는 계층입니다. 게스트 OS를 하나 이상 올리세요.'
  },
  'idle-hardware': {
    message: (p, w) => `${w.q(p.hw)}에 아직 아무것도 설치되어 있지 않습니다.`,
    hint: () =>
      'OS를 올리거나(전용 서버), 여러 가상 머신을 실행하려면 Type 1 하이퍼바이저를 올리세요.'
  },
  'type-conflicts-catalog': {
    message: (p, w) =>
      `${w.k(p.hv, '을/를')} Type ${w.josa(String(p.declared), '으로/로')} 지정했지만 ${w.josa(p.product, '은/는')} 보통 Type ${p.catalogType} 하이퍼바이저입니다. 지정한 유형(Type ${p.declared})으로 검사합니다.`,
    hint: (p) =>
      `의도한 것이 아니라면 하이퍼바이저 유형을 자동(Type ${p.catalogType})으로 되돌리세요.`
  },
  'not-a-hypervisor.container-engine': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 하이퍼바이저로 그려져 있지만 ${w.josa(p.name, '은/는')} 가상 머신이 아니라 컨테이너를 실행합니다. 하이퍼바이저가 아닙니다.`,
    hint: (p, w) =>
      `컨테이너는 호스트 OS의 커널을 함께 씁니다. VM도 게스트 OS도 없습니다. ${w.josa(p.name, '을/를')} OS 위의 서비스로, 각 컨테이너를 그 OS 위의 컨테이너로 그리세요.`
  },
  'not-a-hypervisor.windows-feature': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 하이퍼바이저로 그려져 있지만 ${w.josa(p.name, '은/는')} Hyper-V 위에서 동작하는 Windows 기능입니다.`,
    hint: (p, w) =>
      `${w.josa(p.name, '을/를')} 켜면 Windows 자체가 Hyper-V 위에서 실행됩니다. 하드웨어 → Hyper-V → [Windows(루트 파티션), 그리고 그 기능이 실행하는 VM(WSL 2의 리눅스, 샌드박스 등)]처럼 Hyper-V 위에 나란히 그리세요.`
  },
  'not-a-hypervisor.management': {
    message: (p, w) =>
      `${w.k(p.node, '이/가')} 하이퍼바이저로 그려져 있지만 ${w.josa(p.name, '은/는')} 하이퍼바이저를 관리하는 도구이지 하이퍼바이저가 아닙니다.`,
    hint: (p, w) =>
      `${w.josa(p.name, '은/는')} OS 위의 서비스나 응용 프로그램으로 실행됩니다(vCenter는 자기 VM에서, libvirt는 KVM 호스트에서, Hyper-V 관리자는 관리용 PC에서). 서비스로 그리세요. 관리 대상 하이퍼바이저들은 그대로 둡니다.`
  },
  'uncatalogued-hypervisor.on-bare': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} stackdraw가 모르는 하이퍼바이저라서 그려진 위치로 유형을 판단합니다. 하드웨어 위에 있으므로 베어메탈(Type 1) 하이퍼바이저로 봅니다.`,
    hint: () => UNCATALOGUED_HINT
  },
  'uncatalogued-hypervisor.on-os': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} stackdraw가 모르는 하이퍼바이저라서 그려진 위치로 유형을 판단합니다. OS 위에 있으므로 호스트형(호스티드, Type 2) 하이퍼바이저로 봅니다.`,
    hint: () => UNCATALOGUED_HINT
  },
  'uncatalogued-hypervisor.on-hypervisor': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} stackdraw가 모르는 하이퍼바이저라서 그려진 위치로 유형을 판단합니다. 다른 하이퍼바이저 위에 있으므로 중첩된 Type 1 하이퍼바이저로 봅니다.`,
    hint: () => UNCATALOGUED_HINT
  },
  'uncatalogued-hypervisor.unplaced': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} stackdraw가 모르는 하이퍼바이저이고 아직 아무 위에도 놓여 있지 않아 유형을 판단할 수 없습니다.`,
    hint: () =>
      '하드웨어 위(Type 1)나 OS 위(Type 2)에 놓거나, 하이퍼바이저 유형을 1이나 2로 지정하세요.'
  },
  'cloud-instance.provider': {
    message: (p, w) =>
      `${w.k(p.hw, '은/는')} 클라우드 인스턴스입니다. 이 기계 자체가 제공업체 하이퍼바이저(${p.hypervisor}) 위의 VM입니다.`,
    hint: () =>
      '강의 노트는 가상화의 예로 AWS를 듭니다. 물리 서버와 하이퍼바이저는 제공업체가 운영하고, 인스턴스는 그 게스트입니다. 인스턴스 안에서 실행되는 것을 그릴 때는 하드웨어로 그려도 됩니다.'
  },
  'cloud-instance.generic': {
    message: (p, w) =>
      `${w.k(p.hw, '은/는')} 클라우드 인스턴스입니다. 이 기계 자체가 제공업체 하이퍼바이저 위의 VM입니다.`,
    hint: () =>
      'AWS EC2는 Nitro(KVM 기반), Azure VM은 Hyper-V, Google Compute Engine은 KVM 위에서 실행됩니다. 인스턴스 안에서 실행되는 것을 그릴 때는 하드웨어로 그려도 됩니다.'
  },
  'nested.on-hypervisor': {
    message: (p, w) =>
      `${w.k(p.hv, '이/가')} 하이퍼바이저 ${w.q(p.host)} 위에서 바로 실행됩니다(중첩 가상화). 바깥 하이퍼바이저가 가상화 기능을 안쪽에 전달해야 동작합니다.`,
    hint: () =>
      '중첩 하이퍼바이저는 실습 환경에서 흔합니다(예: VM 안의 ESXi). 운영 환경의 하이퍼바이저는 보통 하드웨어 위에서 실행됩니다.'
  },
  'nested.in-guest': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} ${w.q(p.outer)} 위의 가상 머신인 ${w.q(p.host)} 안에서 실행됩니다(중첩 가상화). 바깥 하이퍼바이저가 가상화 기능을 VM에 전달해야 동작합니다.`,
    hint: (p, w) => `${w.q(p.outer)}에서 VM ${w.q(p.host)}의 중첩 가상화(VT-x/AMD-V 전달)를 켜세요.`
  },
  'nested.in-root-partition': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} 두 번째 하이퍼바이저 층입니다: ${w.q(p.outer)}의 루트 파티션인 ${w.q(p.host)}에서 실행됩니다 (Hyper-V를 켜면 Windows 자체가 Hyper-V 위에서 실행됩니다).`,
    hint: () =>
      '따로 켤 것은 없습니다: 이때 VirtualBox와 VMware Workstation은 Windows 하이퍼바이저 플랫폼, 곧 Hyper-V를 통해 VM을 실행하므로 중첩 가상화 지원이 필요 없습니다. 그림은 이대로 괜찮습니다.'
  },
  'nested.on-firmware-hypervisor': {
    message: (p, w) =>
      `${w.k(p.hv, '은/는')} 펌웨어 하이퍼바이저 ${w.q(p.host)}의 논리 파티션(LPAR)에서 실행됩니다.`,
    hint: () =>
      '여기서는 하이퍼바이저가 두 단계인 것이 일반적인 운영 환경입니다. 펌웨어 하이퍼바이저(IBM Z의 PR/SM, IBM Power의 PowerVM)가 기계를 LPAR로 나누고, LPAR 안의 하이퍼바이저(예: z/VM)가 자기 게스트를 실행합니다.'
  },
  'ft-same-host': {
    message: (p, w) =>
      `${w.k(p.primary, '과/와')} 그 FT 사본 ${w.k(p.replica, '이/가')} 모두 ${w.q(p.hw)}에서 실행됩니다. ${w.k(p.hw, '이/가')} 고장 나면 두 사본이 함께 멈추므로 장애 허용(FT)이 아무것도 보호하지 못합니다.`,
    hint: () =>
      '장애 허용(FT)은 VM의 보조 사본을 다른 호스트에서 동시에(lockstep) 실행합니다(13.2.3). 사본을 다른 기계의 하이퍼바이저 위로 옮기면 기계 하나가 고장 나도 사본 하나는 계속 실행됩니다.'
  },
  'ft-no-replica': {
    message: (p, w) =>
      `${w.k(p.guest, '은/는')} 장애 허용(FT)으로 표시되어 있지만 실행 중인 사본이 없습니다.`,
    hint: (p, w) =>
      p.target !== undefined
        ? `${w.q(p.target)} 위에 보조 사본을 추가하세요. 같은 VM이 다른 호스트에서 동시에 실행되다가 이 호스트가 고장 나면 중단 없이 이어받습니다.`
        : '다른 기계의 하이퍼바이저 위에 이 VM의 보조 사본을 그리고 이 VM의 사본으로 지정하세요(속성 패널: "FT 사본 추가…"). 사본은 동시에 실행되다가 이 호스트가 고장 나면 중단 없이 이어받습니다.'
  },
  'ha-no-cluster.none': {
    message: (p, w) =>
      `${w.k(p.guest, '은/는')} HA로 보호되지만 그 기계 ${w.k(p.hw, '은/는')} 어떤 클러스터에도 속하지 않아 다시 시작할 다른 호스트가 없습니다.`,
    hint: () =>
      'HA는 호스트가 고장 나면 VM을 같은 클러스터의 다른 호스트에서 다시 시작합니다(13.2.3). 이 기계와 하이퍼바이저가 있는 다른 기계를 선택해 클러스터로 묶고 HA를 켜세요.'
  },
  'ha-no-cluster.alone': {
    message: (p, w) =>
      `${w.k(p.guest, '은/는')} HA로 보호되지만 그 기계 ${w.k(p.hw, '은/는')} 클러스터 "${p.clusterName}"의 유일한 구성원이라 다시 시작할 다른 호스트가 없습니다.`,
    hint: () =>
      '하이퍼바이저가 있는 다른 기계를 클러스터에 추가하세요. 이 호스트가 고장 나면 HA가 VM을 그곳에서 다시 시작합니다.'
  },
  'ha-no-cluster.ha-off': {
    message: (p, w) =>
      `${w.k(p.guest, '은/는')} HA로 보호되지만 클러스터 "${p.clusterName}"의 HA가 꺼져 있어 ${w.k(p.hw, '이/가')} 고장 나도 다시 시작되지 않습니다.`,
    hint: () =>
      '클러스터의 HA를 켜세요. 구성원 하나가 고장 나면 그 위의 HA 보호 VM이 다른 구성원에서 다시 시작됩니다.'
  },
  'memory-overcommit': {
    message: (p, w) =>
      p.hostOs
        ? `${w.q(p.hw)}의 VM에 준 메모리 ${w.gib(p.used - p.hostOs)}와 호스트 OS가 쓰는 ${w.gib(p.hostOs)}를 합하면 ${w.gib(p.used)}인데 이 기계의 메모리는 ${w.gib(p.capacity)}입니다.`
        : `${w.q(p.hw)}의 VM에 준 메모리는 ${w.gib(p.used)}인데 이 기계의 메모리는 ${w.gib(p.capacity)}입니다.`,
    hint: () =>
      '호스트에는 VM을 감당할 용량이 있어야 합니다(13.2.3). VM의 메모리를 줄이거나, 메모리를 늘리거나, VM 일부를 다른 호스트로 옮기세요. (Type 2 하이퍼바이저라면 호스트 OS가 쓰는 메모리도 포함됩니다.)'
  },
  'ha-no-failover-capacity': {
    message: (p, w) =>
      p.members.length === 1
        ? `클러스터 "${p.clusterName}"에서 ${w.k(p.members[0], '이/가')} 고장 나면 나머지 구성원의 여유 메모리로는 그 위의 HA 보호 VM을 다시 시작할 수 없습니다.`
        : `클러스터 "${p.clusterName}"에서 ${w.list(p.members)} 중 하나라도 고장 나면 나머지 구성원의 여유 메모리로는 그 위의 HA 보호 VM을 다시 시작할 수 없습니다.`,
    hint: () =>
      'HA에는 여유 용량이 필요합니다. 나머지 호스트의 여유 메모리를 합쳐 고장 난 호스트의 HA 보호 VM을 받을 수 있어야 합니다(큰 VM부터, 처음 맞는 호스트에). 메모리나 호스트를 늘리거나 VM의 메모리를 줄이세요.'
  },
  'single-point-of-failure.dedicated': {
    message: spofMessage,
    hint: () =>
      '전용 서버의 약점입니다(13.2.2). 서비스를 HA가 켜진 클러스터의 VM에서 실행하거나, 그 VM의 FT 사본을 다른 호스트에 두세요.'
  },
  'single-point-of-failure.host': {
    message: spofMessage,
    hint: () =>
      '그 VM이 보호되지 않습니다. 이 호스트를 HA가 켜진 클러스터에 넣고 VM을 HA로 표시하거나(다른 호스트에서 다시 시작), 다른 호스트에 FT 사본을 두세요(중단 없음).'
  },
  'single-point-of-failure.no-room': {
    message: spofMessage,
    hint: () =>
      '그 VM은 HA로 표시되어 있지만, 클러스터의 다른 구성원에 다시 시작할 여유 메모리가 없습니다. 클러스터에 메모리나 호스트를 늘리거나 VM의 메모리를 줄이세요.'
  },
  'single-point-of-failure.same-host': {
    message: spofMessage,
    hint: () =>
      '같은 호스트에 있는 FT 사본은 함께 고장 납니다. 사본을 다른 호스트로 옮기세요(속성 → FT 사본 추가…로 새로 만든 뒤 이 사본을 삭제).'
  }
};
