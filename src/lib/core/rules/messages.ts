import { catalogEntryFor, type CatalogEntry } from '../model/catalog';
import { josa } from '../i18n/josa';
import { KIND_INFO } from '../model/kinds';
import type { DiagramNode, Expectation } from '../model/types';
import type { Finding, Lang } from './types';

/**
 * The message catalog: every diagnostic's wording, keyed by rule id, in English and Korean.
 * Each message says what is wrong in terms of the user's drawing (node labels); the hint
 * says what to change and why. Wording follows shared/rules/messages.md.
 */

export interface RenderedMessage {
  message: string;
  hint?: string;
}

/** Node lookup by id (a Map, or the graph's index). */
type Nodes = { get(id: string): DiagramNode | undefined };

/** How many labels a list shows before "and N more". */
const LIST_LIMIT = 5;

export function nodeName(node: DiagramNode | undefined, id: string): string {
  if (!node) return id;
  const label = node.label.trim();
  return label === '' ? id : label;
}

export function expectationName(e: Expectation, lang: Lang): string {
  if (lang === 'ko') return e === 'type1' ? 'Type 1' : e === 'type2' ? 'Type 2' : '전용 서버';
  return e === 'type1' ? 'Type 1' : e === 'type2' ? 'Type 2' : 'dedicated';
}

/** A hint specific to a product, for a Type 1 hypervisor drawn on an OS. */
function productHint(entry: CatalogEntry | undefined, lang: Lang): string | undefined {
  if (!entry) return undefined;
  const en: Record<string, string> = {
    hyperv:
      'Turning on Hyper-V puts the hypervisor under Windows; Windows becomes the parent partition running on Hyper-V. Draw hardware → Hyper-V → Windows (parent partition), with the VMs beside it.',
    kvm: 'KVM is part of the Linux kernel; once it is loaded the kernel itself is the hypervisor. Draw one node such as "Linux + KVM" on the hardware. (Some books call KVM hosted; this course treats it as Type 1.)',
    xen: 'Xen boots first and then starts dom0; dom0 is a privileged guest, drawn on Xen like the other domains.',
    esxi: 'ESXi is installed on the bare server instead of an OS: draw it directly on the hardware (or its firmware).'
  };
  const ko: Record<string, string> = {
    hyperv:
      'Hyper-V를 켜면 하이퍼바이저가 Windows 아래로 들어가고 Windows는 Hyper-V 위의 부모 파티션이 됩니다. 하드웨어 → Hyper-V → Windows(부모 파티션)와 VM들로 그리세요.',
    kvm: 'KVM은 리눅스 커널의 일부로, 로드되면 커널 자체가 하이퍼바이저가 됩니다. "Linux + KVM" 노드 하나를 하드웨어 위에 그리세요. (KVM을 호스트형으로 보는 책도 있지만 이 과정은 Type 1로 봅니다.)',
    xen: 'Xen이 먼저 부팅한 뒤 dom0을 시작합니다. dom0도 Xen 위의 (특권) 게스트입니다.',
    esxi: 'ESXi는 OS 대신 서버 하드웨어에 바로 설치됩니다. 하드웨어(또는 펌웨어) 위에 바로 그리세요.'
  };
  return (lang === 'ko' ? ko : en)[entry.id];
}

export function renderFinding(f: Finding, nodes: Nodes, lang: Lang): RenderedMessage {
  const name = (id: string) => nodeName(nodes.get(id), id);
  const q = (id: string) => `"${name(id)}"`;
  const kindOf = (id: string) => nodes.get(id)!.kind;
  const kindName = (id: string) => KIND_INFO[kindOf(id)].name[lang];
  const list = (ids: readonly string[]) => {
    const shown = ids.slice(0, LIST_LIMIT).map(q);
    const rest = ids.length - shown.length;
    if (rest > 0) shown.push(lang === 'ko' ? `외 ${rest}개` : `and ${rest} more`);
    return shown.join(', ');
  };
  // Korean: the quoted label followed by the right particle.
  const k = (id: string, pair: Parameters<typeof josa>[1]) => josa(q(id), pair);
  const ctx = { name, q, k, kindOf, kindName, list, nodes };
  return lang === 'ko' ? renderKo(f, ctx) : renderEn(f, ctx);
}

interface Ctx {
  name: (id: string) => string;
  q: (id: string) => string;
  kindOf: (id: string) => DiagramNode['kind'];
  kindName: (id: string) => string;
  list: (ids: readonly string[]) => string;
  nodes: Nodes;
}

function looksLikeHypervisorProduct(node: DiagramNode | undefined): boolean {
  return !!node && node.kind !== 'hypervisor' && catalogEntryFor(node) !== undefined;
}

function renderEn(f: Finding, c: Ctx): RenderedMessage {
  const { q, list, kindOf, kindName } = c;
  switch (f.rule) {
    case 'multiple-hosts':
      return {
        message: `${q(f.node)} is drawn on ${f.hosts.length} layers at once (${list(f.hosts)}). Each part of a system runs on exactly one layer below it.`,
        hint: 'To show a VM protected by fault tolerance or HA, draw one copy on each hypervisor (primary and secondary). For a clustered service, draw one instance per OS.'
      };
    case 'cycle':
      return {
        message: `These layers sit on each other in a loop: ${[...f.path, f.path[0]].map((id) => c.name(id)).join(' → ')}. A stack has to end at a piece of hardware.`,
        hint: 'Remove one of the connections in the loop, so that going down from any layer ends at the hardware.'
      };
    case 'hardware-on-host':
      return {
        message: `${q(f.hw)} is hardware, but it is drawn on top of ${q(f.host)}. Hardware is always the bottom layer.`,
        hint: 'The virtual CPU, memory and NIC a hypervisor gives a VM are not a separate layer; the edge hypervisor → guest OS already means that. A disk or card you plug in belongs to the physical machine.'
      };
    case 'unplaced':
      return {
        message:
          f.above.length > 0
            ? `${q(f.node)} is not connected down to any hardware (and neither is what runs on it: ${list(f.above)}).`
            : `${q(f.node)} is not connected down to any hardware.`,
        hint: 'Connect it to the layer it runs on: a service to its OS, a guest OS to its hypervisor, a host OS or Type 1 hypervisor to the hardware or firmware.'
      };
    case 'invalid-host': {
      const node = kindOf(f.node);
      const host = kindOf(f.host);
      if (node === 'service') {
        return {
          message: `The service ${q(f.node)} sits directly on the ${kindName(f.host)} ${q(f.host)}. A service needs an operating system under it.`,
          hint:
            host === 'hypervisor'
              ? 'Add a guest OS (a VM) between them: hypervisor → guest OS → service. In the server-consolidation example each web, e-mail, SQL and file server has its own Windows. Management tools such as vCenter also run in a VM or on another machine.'
              : host === 'service'
                ? `A service runs on an OS, not inside another service: connect ${q(f.node)} to the OS that runs it. If ${q(f.host)} is really a platform such as a container engine, draw both as services on the OS.`
                : `Install an operating system first: ${kindName(f.host)} → OS → service.`
        };
      }
      if (node === 'os' && host === 'os') {
        const hints = [
          'To run a guest OS on a running OS, put a Type 2 hypervisor between them (host OS → hypervisor → guest OS).'
        ];
        if (looksLikeHypervisorProduct(c.nodes.get(f.host))) {
          hints.unshift(
            `${q(f.host)} is a hypervisor (the notes call it a "special OS"): set its kind to hypervisor.`
          );
        } else {
          hints.push(
            `If ${q(f.host)} is actually a hypervisor (the notes call it a "special OS"), change its kind to hypervisor.`
          );
        }
        hints.push(
          "A container shares the host's kernel: draw it as a service.",
          'Xen: domU runs on Xen, not on dom0.'
        );
        return {
          message: `${q(f.node)} runs directly on the OS ${q(f.host)}. One OS cannot run inside another without a hypervisor.`,
          hint: hints.join(' ')
        };
      }
      if (host === 'service') {
        return {
          message: `${q(f.node)} is drawn on the service ${q(f.host)}. If ${q(f.host)} is a virtualization program, make it a hypervisor node; otherwise connect ${q(f.node)} to the OS or hypervisor it really runs on.`
        };
      }
      if (node === 'hypervisor' && host === 'hypervisor') {
        return {
          message: `${q(f.node)} is a hosted (Type 2) hypervisor: an application that needs a host OS. It cannot sit directly on ${q(f.host)}. Put a guest OS between them.`,
          hint: `Draw ${q(f.host)} → guest OS → ${q(f.node)}: the Type 2 hypervisor is installed inside that guest OS (nested virtualization).`
        };
      }
      if (node === 'firmware') {
        return {
          message: `Firmware ${q(f.node)} is drawn on ${q(f.host)}, but firmware is stored on and runs directly on the hardware.`,
          hint:
            host === 'hypervisor' || host === 'os'
              ? "A VM's virtual BIOS/UEFI is part of the VM; connect the guest OS straight to the hypervisor."
              : 'Connect the firmware to the hardware it is stored on.'
        };
      }
      return {
        message: `${q(f.node)} (${kindName(f.node)}) cannot run on ${q(f.host)} (${kindName(f.host)}).`
      };
    }
    case 'one-bare-metal-system': {
      const hints = [
        'To run them together, put a hypervisor on the hardware and both OSes on it (Type 1), or add a Type 2 hypervisor to one of them.',
        'Dual boot: draw only the OS you are describing.'
      ];
      const hasHyperV = f.systems.some((id) => catalogEntryFor(c.nodes.get(id)!)?.id === 'hyperv');
      if (hasHyperV)
        hints.push(
          'Hyper-V: Windows (the parent partition) goes on top of Hyper-V, not beside it.'
        );
      return {
        message: `${q(f.hw)} has ${f.systems.length} systems directly on it (${list(f.systems)}). One machine boots one OS or one hypervisor at a time.`,
        hint: hints.join(' ')
      };
    }
    case 'type-mismatch': {
      const fromField = f.from === 'field' ? ` You set hypervisorType to ${f.declared}.` : '';
      if (f.declared === 1) {
        const hint = productHint(f.from === 'catalog' ? f.entry : undefined, 'en');
        return {
          message: `${q(f.hv)} is a bare-metal (Type 1) hypervisor, but it is drawn on top of the OS ${q(f.host)}. A Type 1 hypervisor runs directly on the hardware or its firmware, with no OS underneath.${fromField}`,
          hint:
            hint ??
            `Move ${q(f.hv)} onto the hardware (or its firmware) and put the OSes on it as guests, or, if it really is an application on ${q(f.host)}, set its type to 2.`
        };
      }
      const where =
        kindOf(f.host) === 'hypervisor'
          ? `the hypervisor ${q(f.host)}`
          : `the ${kindName(f.host)} ${q(f.host)}`;
      return {
        message: `${q(f.hv)} is a hosted (Type 2) hypervisor, an application installed on macOS, Windows or Linux, but it is drawn directly on ${where}.${fromField}`,
        hint:
          kindOf(f.host) === 'hypervisor'
            ? `Put a guest OS between them: ${q(f.host)} → guest OS → ${q(f.hv)}.`
            : `Add the host OS: hardware → host OS → ${q(f.hv)} → guest OS.`
      };
    }
    case 'expectation-unmet':
      return { message: expectationEn(f, c) };
    case 'one-firmware':
      return {
        message: `${q(f.hw)} has ${f.firmwares.length} firmware nodes (${list(f.firmwares)}). Draw only the boot firmware (BIOS/UEFI) that the OS or hypervisor starts from; BMC (iDRAC/iLO) and device firmware are not layers of the stack.`
      };
    case 'bypasses-firmware':
      return {
        message: `${q(f.node)} is drawn directly on ${q(f.hw)}, skipping its firmware ${q(f.fw)}. The usual order is hardware → firmware → hypervisor or OS.`,
        hint: `Move ${q(f.node)} onto ${q(f.fw)}.`
      };
    case 'idle-hypervisor':
      return {
        message: `The hypervisor ${q(f.hv)} runs no guest OS yet. A hypervisor exists to run virtual machines; add at least one guest OS.`
      };
    case 'idle-hardware':
      return {
        message: `Nothing is installed on ${q(f.hw)} yet.`,
        hint: 'Put an OS on it (a dedicated server) or a Type 1 hypervisor (to run several virtual machines).'
      };
    case 'type-conflicts-catalog': {
      const other = f.declared === 1 ? 2 : 1;
      return {
        message: `You marked ${q(f.hv)} as Type ${f.declared}, but ${f.entry.name} is normally a Type ${other} hypervisor. The diagram is checked as Type ${f.declared}.`,
        hint: `Set the hypervisor type back to automatic (Type ${other}) unless you mean it.`
      };
    }
    case 'nested': {
      if (f.outer === undefined) {
        return {
          message: `${q(f.hv)} runs directly on the hypervisor ${q(f.host)} (nested virtualization). This works only when the outer hypervisor passes virtualization support to the inner one.`
        };
      }
      const outerEntry = catalogEntryFor(c.nodes.get(f.outer)!);
      const parentPartition =
        outerEntry?.id === 'hyperv' && /windows|parent|부모/i.test(c.nodes.get(f.host)!.label);
      return {
        message: `${q(f.hv)} runs inside ${q(f.host)}, which is itself a virtual machine on ${q(f.outer)} (nested virtualization). This works only when the outer hypervisor passes virtualization support to the VM.`,
        hint: parentPartition
          ? `With Hyper-V enabled, VirtualBox and VMware run their VMs through Hyper-V, so they are really siblings of ${q(f.host)}; the drawing is still fine.`
          : undefined
      };
    }
  }
}

function expectationEn(f: Extract<Finding, { rule: 'expectation-unmet' }>, c: Ctx): string {
  const { q } = c;
  const asked =
    f.expect === 'dedicated'
      ? `You asked for a dedicated server on ${q(f.root)}`
      : `You asked for a Type ${f.expect === 'type1' ? 1 : 2} stack on ${q(f.root)}`;
  switch (f.problem) {
    case 'nothing-installed':
      return `${asked}, but nothing is installed on it yet.`;
    case 'several-systems':
      return `${asked}, but ${f.systems.length} systems sit side by side on it (${c.list(f.systems)}); one machine boots one OS or hypervisor.`;
    case 'hypervisor-on-hardware':
      return f.expect === 'type2'
        ? `${asked}, but ${q(f.hv)} sits directly on the hardware. A Type 2 hypervisor needs a host OS underneath.`
        : `${asked}, but ${q(f.hv)} is installed on it: a dedicated server runs one OS directly, with no hypervisor.`;
    case 'no-hypervisor':
      return f.expect === 'type1'
        ? `${asked}, but ${q(f.os)} is installed directly on the hardware and there is no hypervisor. A Type 1 hypervisor goes on the hardware, with the OSes on it as guests.`
        : `${asked}, but ${q(f.os)} runs no hypervisor. Add a Type 2 hypervisor on the host OS, with a guest OS on it.`;
    case 'type2-on-hardware':
      return `${asked}, but ${q(f.hv)} is a Type 2 hypervisor: it belongs on a host OS, not on the hardware.`;
    case 'is-type2':
      return `${asked}, but this is a Type 2 stack: ${q(f.hv)} runs on the host OS ${q(f.os)}, where Type 1 runs on the hardware itself.`;
    case 'type1-on-os':
      return `${asked}, but ${q(f.hv)} on ${q(f.os)} is a Type 1 hypervisor. A Type 2 stack needs a hosted hypervisor (such as VirtualBox or VMware Workstation) on the host OS.`;
    case 'no-guest':
      return `${asked}, but ${q(f.hv)} has no guest OS.`;
    case 'has-hypervisor':
      return `${asked}, but the hypervisor ${q(f.hv)} runs in it: a dedicated server runs one OS directly, with no hypervisor.`;
  }
}

interface CtxKo extends Ctx {
  k: (id: string, pair: Parameters<typeof josa>[1]) => string;
}

function renderKo(f: Finding, c: CtxKo): RenderedMessage {
  const { q, k, list, kindOf, kindName } = c;
  switch (f.rule) {
    case 'multiple-hosts':
      return {
        message: `${k(f.node, '이/가')} 동시에 ${f.hosts.length}개의 계층(${list(f.hosts)}) 위에 그려져 있습니다. 각 구성 요소는 바로 아래의 한 계층 위에서만 실행됩니다.`,
        hint: '장애 허용(FT)·HA로 보호되는 VM이라면 하이퍼바이저마다 사본을 하나씩(주/보조) 그리세요. 클러스터 서비스라면 OS마다 인스턴스를 하나씩 그리세요.'
      };
    case 'cycle':
      return {
        message: `계층들이 서로를 받치는 순환 구조입니다: ${[...f.path, f.path[0]].map((id) => c.name(id)).join(' → ')}. 모든 스택은 아래로 내려가면 하드웨어에서 끝나야 합니다.`,
        hint: '순환을 이루는 연결 중 하나를 지워, 어느 계층에서 내려가도 하드웨어에 닿도록 하세요.'
      };
    case 'hardware-on-host':
      return {
        message: `${k(f.hw, '은/는')} 하드웨어인데 ${q(f.host)} 위에 그려져 있습니다. 하드웨어는 항상 맨 아래 계층입니다.`,
        hint: '하이퍼바이저가 VM에 제공하는 가상 CPU·메모리·NIC는 별도 계층이 아닙니다. 하이퍼바이저 → 게스트 OS 연결이 이미 그 의미입니다.'
      };
    case 'unplaced':
      return {
        message:
          f.above.length > 0
            ? `${q(f.node)}(과 그 위의 ${list(f.above)})이(가) 어떤 하드웨어에도 연결되어 있지 않습니다.`
            : `${k(f.node, '이/가')} 어떤 하드웨어에도 연결되어 있지 않습니다.`,
        hint: '실행되는 바로 아래 계층에 연결하세요. 서비스는 OS에, 게스트 OS는 하이퍼바이저에, 호스트 OS나 Type 1 하이퍼바이저는 하드웨어(또는 펌웨어)에 연결합니다.'
      };
    case 'invalid-host': {
      const node = kindOf(f.node);
      const host = kindOf(f.host);
      if (node === 'service') {
        return {
          message: `서비스 ${k(f.node, '이/가')} ${kindName(f.host)} ${q(f.host)} 위에 직접 놓여 있습니다. 서비스는 반드시 운영체제 위에서 실행됩니다.`,
          hint:
            host === 'hypervisor'
              ? '사이에 게스트 OS(VM)를 넣으세요: 하이퍼바이저 → 게스트 OS → 서비스. 서버 통합 예제에서도 웹·이메일·SQL·파일 서버가 각각 자기 Windows 위에서 실행됩니다.'
              : host === 'service'
                ? `서비스는 다른 서비스가 아니라 OS 위에서 실행됩니다. ${k(f.node, '을/를')} 실행하는 OS에 연결하세요.`
                : `먼저 운영체제를 설치하세요: ${kindName(f.host)} → OS → 서비스.`
        };
      }
      if (node === 'os' && host === 'os') {
        const hints = [
          '실행 중인 OS 위에 게스트 OS를 올리려면 Type 2 하이퍼바이저를 사이에 넣으세요.'
        ];
        if (looksLikeHypervisorProduct(c.nodes.get(f.host))) {
          hints.unshift(
            `${k(f.host, '은/는')} 하이퍼바이저('특수 OS')입니다. 종류를 hypervisor로 바꾸세요.`
          );
        } else {
          hints.push(
            `${k(f.host, '이/가')} ESXi 같은 하이퍼바이저('특수 OS')라면 종류를 hypervisor로 바꾸세요.`
          );
        }
        hints.push(
          '컨테이너는 호스트 커널을 공유하므로 서비스로 그립니다.',
          'Xen의 domU는 dom0이 아니라 Xen 위에서 실행됩니다.'
        );
        return {
          message: `${k(f.node, '이/가')} 운영체제 ${q(f.host)} 위에 바로 놓여 있습니다. 하이퍼바이저 없이 OS 안에서 다른 OS를 실행할 수 없습니다.`,
          hint: hints.join(' ')
        };
      }
      if (host === 'service') {
        return {
          message: `${k(f.node, '이/가')} 서비스 ${q(f.host)} 위에 있습니다. ${k(f.host, '이/가')} 가상화 프로그램이라면 hypervisor로 바꾸고, 아니라면 실제로 실행되는 OS나 하이퍼바이저에 연결하세요.`
        };
      }
      if (node === 'hypervisor' && host === 'hypervisor') {
        return {
          message: `${k(f.node, '은/는')} 호스트형(Type 2) 하이퍼바이저로, 호스트 OS가 필요한 응용 프로그램입니다. ${q(f.host)} 위에 바로 놓을 수 없으니 사이에 게스트 OS를 넣으세요.`,
          hint: `${q(f.host)} → 게스트 OS → ${q(f.node)} 순서로 그리세요(중첩 가상화).`
        };
      }
      if (node === 'firmware') {
        return {
          message: `펌웨어 ${k(f.node, '이/가')} ${q(f.host)} 위에 있습니다. 펌웨어는 하드웨어에 저장되어 하드웨어 바로 위에서 동작합니다.`,
          hint:
            host === 'hypervisor' || host === 'os'
              ? 'VM의 가상 BIOS/UEFI는 VM의 일부이므로 게스트 OS를 하이퍼바이저에 바로 연결하세요.'
              : '펌웨어를 그것이 저장된 하드웨어에 연결하세요.'
        };
      }
      return {
        message: `${q(f.node)}(${kindName(f.node)})은(는) ${q(f.host)}(${kindName(f.host)}) 위에서 실행될 수 없습니다.`
      };
    }
    case 'one-bare-metal-system': {
      const hints = [
        '동시에 실행하려면 하드웨어 위에 하이퍼바이저를 두고 그 위에 OS들을 올리세요(Type 1). 또는 한쪽 OS에 Type 2 하이퍼바이저를 추가하세요.',
        '듀얼 부팅이라면 설명하려는 OS 하나만 그리세요.'
      ];
      if (f.systems.some((id) => catalogEntryFor(c.nodes.get(id)!)?.id === 'hyperv')) {
        hints.push('Hyper-V의 Windows(부모 파티션)는 Hyper-V 옆이 아니라 위에 있습니다.');
      }
      return {
        message: `${q(f.hw)} 위에 시스템이 ${f.systems.length}개(${list(f.systems)}) 바로 놓여 있습니다. 한 대의 기계는 한 번에 하나의 OS나 하이퍼바이저만 부팅합니다.`,
        hint: hints.join(' ')
      };
    }
    case 'type-mismatch': {
      const fromField =
        f.from === 'field' ? ` hypervisorType을 ${f.declared}(으)로 지정했습니다.` : '';
      if (f.declared === 1) {
        return {
          message: `${k(f.hv, '은/는')} 베어메탈(Type 1) 하이퍼바이저인데 운영체제 ${q(f.host)} 위에 그려져 있습니다. Type 1 하이퍼바이저는 OS 없이 하드웨어(또는 펌웨어) 위에서 직접 실행됩니다.${fromField}`,
          hint:
            productHint(f.from === 'catalog' ? f.entry : undefined, 'ko') ??
            `${k(f.hv, '을/를')} 하드웨어(또는 펌웨어) 위로 옮기고 OS들을 그 위에 게스트로 올리세요. ${q(f.host)} 위의 응용 프로그램이 맞다면 유형을 2로 바꾸세요.`
        };
      }
      const where =
        kindOf(f.host) === 'hypervisor'
          ? `하이퍼바이저 ${q(f.host)}`
          : `${kindName(f.host)} ${q(f.host)}`;
      return {
        message: `${k(f.hv, '은/는')} 호스트형(Type 2) 하이퍼바이저로 macOS·Windows·Linux 위에 설치하는 응용 프로그램인데, ${where} 위에 바로 그려져 있습니다.${fromField}`,
        hint:
          kindOf(f.host) === 'hypervisor'
            ? `사이에 게스트 OS를 넣으세요: ${q(f.host)} → 게스트 OS → ${q(f.hv)}.`
            : `호스트 OS를 넣으세요: 하드웨어 → 호스트 OS → ${q(f.hv)} → 게스트 OS.`
      };
    }
    case 'expectation-unmet':
      return { message: expectationKo(f, c) };
    case 'one-firmware':
      return {
        message: `${q(f.hw)}에 펌웨어가 ${f.firmwares.length}개(${list(f.firmwares)}) 있습니다. OS나 하이퍼바이저가 부팅하는 펌웨어(BIOS/UEFI) 하나만 그리세요. BMC(iDRAC/iLO)나 장치 펌웨어는 스택의 계층이 아닙니다.`
      };
    case 'bypasses-firmware':
      return {
        message: `${k(f.node, '이/가')} 펌웨어 ${k(f.fw, '을/를')} 건너뛰고 ${q(f.hw)} 위에 바로 있습니다. 일반적인 순서는 하드웨어 → 펌웨어 → 하이퍼바이저/OS입니다.`,
        hint: `${k(f.node, '을/를')} ${josa(q(f.fw), '으로/로')} 옮기세요.`
      };
    case 'idle-hypervisor':
      return {
        message: `하이퍼바이저 ${q(f.hv)} 위에 게스트 OS가 없습니다. 하이퍼바이저는 VM을 실행하기 위한 계층이니 게스트 OS를 하나 이상 추가하세요.`
      };
    case 'idle-hardware':
      return {
        message: `${q(f.hw)}에 아직 아무것도 설치되어 있지 않습니다.`,
        hint: 'OS를 올리거나(전용 서버) 여러 VM을 실행하려면 Type 1 하이퍼바이저를 올리세요.'
      };
    case 'type-conflicts-catalog': {
      const other = f.declared === 1 ? 2 : 1;
      return {
        message: `${k(f.hv, '을/를')} Type ${f.declared}(으)로 지정했지만 ${f.entry.name}은(는) 보통 Type ${other} 하이퍼바이저입니다. 지정한 유형으로 검사합니다.`,
        hint: `의도한 것이 아니라면 하이퍼바이저 유형을 자동(Type ${other})으로 되돌리세요.`
      };
    }
    case 'nested': {
      if (f.outer === undefined) {
        return {
          message: `${k(f.hv, '이/가')} 하이퍼바이저 ${q(f.host)} 위에서 바로 실행됩니다(중첩 가상화). 바깥 하이퍼바이저가 가상화 기능을 전달해야 동작합니다.`
        };
      }
      return {
        message: `${k(f.hv, '은/는')} ${q(f.outer)} 위의 가상 머신인 ${q(f.host)} 안에서 실행됩니다(중첩 가상화). 바깥 하이퍼바이저가 가상화 기능을 VM에 전달해야 동작합니다.`
      };
    }
  }
}

function expectationKo(f: Extract<Finding, { rule: 'expectation-unmet' }>, c: CtxKo): string {
  const { q, k } = c;
  const asked =
    f.expect === 'dedicated'
      ? `${k(f.root, '을/를')} 전용 서버로 기대했지만`
      : `${k(f.root, '을/를')} Type ${f.expect === 'type1' ? 1 : 2} 스택으로 기대했지만`;
  switch (f.problem) {
    case 'nothing-installed':
      return `${asked} 아직 아무것도 설치되어 있지 않습니다.`;
    case 'several-systems':
      return `${asked} 시스템 ${f.systems.length}개(${c.list(f.systems)})가 나란히 놓여 있습니다. 한 대의 기계는 하나의 OS나 하이퍼바이저만 부팅합니다.`;
    case 'hypervisor-on-hardware':
      return f.expect === 'type2'
        ? `${asked} ${k(f.hv, '이/가')} 하드웨어 위에 바로 있습니다. Type 2 하이퍼바이저 아래에는 호스트 OS가 있어야 합니다.`
        : `${asked} ${k(f.hv, '이/가')} 설치되어 있습니다. 전용 서버는 하이퍼바이저 없이 OS 하나를 직접 실행합니다.`;
    case 'no-hypervisor':
      return f.expect === 'type1'
        ? `${asked} ${k(f.os, '이/가')} 하드웨어에 바로 설치되어 있고 하이퍼바이저가 없습니다. Type 1 하이퍼바이저를 하드웨어 위에 두고 OS들을 그 위에 게스트로 올리세요.`
        : `${asked} ${q(f.os)} 위에 하이퍼바이저가 없습니다. 호스트 OS 위에 Type 2 하이퍼바이저와 게스트 OS를 추가하세요.`;
    case 'type2-on-hardware':
      return `${asked} ${k(f.hv, '은/는')} Type 2 하이퍼바이저입니다. 하드웨어가 아니라 호스트 OS 위에 있어야 합니다.`;
    case 'is-type2':
      return `${asked} 이것은 Type 2 스택입니다: ${k(f.hv, '이/가')} 호스트 OS ${q(f.os)} 위에서 실행됩니다. Type 1은 하드웨어 위에서 바로 실행됩니다.`;
    case 'type1-on-os':
      return `${asked} ${q(f.os)} 위의 ${k(f.hv, '은/는')} Type 1 하이퍼바이저입니다. Type 2 스택에는 호스트 OS 위의 호스트형 하이퍼바이저(VirtualBox, VMware Workstation 등)가 필요합니다.`;
    case 'no-guest':
      return `${asked} ${q(f.hv)} 위에 게스트 OS가 없습니다.`;
    case 'has-hypervisor':
      return `${asked} 하이퍼바이저 ${k(f.hv, '이/가')} 들어 있습니다. 전용 서버는 하이퍼바이저 없이 OS 하나를 직접 실행합니다.`;
  }
}
