import { base } from '$app/paths';
import type { Lang } from '$lib/core/index';

/** One bundled example document, served from `static/examples/`. */
export interface Example {
  /** File name under `/examples/`; or one per language (labels in that language). */
  file: string | Record<Lang, string>;
  title: Record<Lang, string>;
}

/** The file of an example in the UI language. */
export function exampleFile(ex: Example, lang: Lang): string {
  return typeof ex.file === 'string' ? ex.file : ex.file[lang];
}

/** An example written once per language: `name.en.json`, `name.ko.json`. */
const twoLanguages = (name: string) => ({ en: `${name}.en.json`, ko: `${name}.ko.json` });

/** Every bundled example, in the order the picker lists them. Keep in step with `static/examples/`. */
export const EXAMPLES: readonly Example[] = [
  {
    file: 'type2-virtualbox.json',
    title: { en: 'Type 2: VirtualBox on Windows 11', ko: 'Type 2: Windows 11 위의 VirtualBox' }
  },
  {
    file: 'type1-esxi.json',
    title: {
      en: 'Type 1: ESXi with Windows Server guests',
      ko: 'Type 1: ESXi와 Windows Server 게스트'
    }
  },
  {
    file: 'dedicated-server.json',
    title: { en: 'Dedicated server', ko: '전용 서버' }
  },
  {
    file: 'consolidation.json',
    title: {
      en: 'Server consolidation: 8 dedicated servers → 2 virtualized servers',
      ko: '서버 통합: 전용 서버 8대 → 가상화 서버 2대'
    }
  },
  {
    file: 'nested-lab.json',
    title: {
      en: 'Nested lab: Workstation inside a Windows VM on ESXi',
      ko: '중첩 실습: ESXi 위 Windows VM 안의 Workstation'
    }
  },
  {
    file: twoLanguages('redundancy-dedicated-8'),
    title: {
      en: 'Redundancy: 8 dedicated servers, each a single point of failure',
      ko: '이중화: 전용 서버 8대, 모두 단일 장애점'
    }
  },
  {
    file: twoLanguages('redundancy-consolidated-ha'),
    title: {
      en: 'Redundancy: consolidated onto 2 ESXi hosts in an HA cluster',
      ko: '이중화: HA 클러스터의 ESXi 호스트 2대로 통합'
    }
  },
  {
    file: twoLanguages('redundancy-ha-restart'),
    title: {
      en: 'Redundancy: HA restarts a VM on the other host',
      ko: '이중화: HA가 VM을 다른 호스트에서 다시 시작'
    }
  },
  {
    file: twoLanguages('redundancy-ft-pair'),
    title: {
      en: 'Redundancy: an FT lockstep pair on two hosts',
      ko: '이중화: 두 호스트의 FT 동시 실행 쌍'
    }
  },
  {
    file: twoLanguages('redundancy-ha-capacity'),
    title: {
      en: 'Redundancy: a cluster without room for a failed host’s VMs',
      ko: '이중화: 고장 난 호스트의 VM을 받을 여유가 없는 클러스터'
    }
  },
  {
    file: 'mistake-service-on-hypervisor.json',
    title: {
      en: 'Mistake: a service directly on a hypervisor',
      ko: '실수: 하이퍼바이저 바로 위의 서비스'
    }
  },
  {
    file: 'mistake-two-oses.json',
    title: {
      en: 'Mistake: two OSes on one server without a hypervisor',
      ko: '실수: 하이퍼바이저 없이 한 서버에 OS 두 개'
    }
  },
  {
    file: 'mistake-type2-on-bare-metal.json',
    title: {
      en: 'Mistake: a Type 2 hypervisor on bare metal',
      ko: '실수: 베어메탈 위의 Type 2 하이퍼바이저'
    }
  }
];

export const DEFAULT_EXAMPLE = 'type2-virtualbox.json';

/** The URL an example is fetched from, under the app's base path (`/stackdraw/examples/…`). */
export function examplePath(file: string): string {
  return `${base}/examples/${encodeURIComponent(file)}`;
}
