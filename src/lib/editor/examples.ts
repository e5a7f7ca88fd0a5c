import { base } from '$app/paths';
import type { Lang } from '$lib/core/index';

/** One bundled example document, served from `static/examples/`. */
export interface Example {
  /** File name under `/examples/`. */
  file: string;
  title: Record<Lang, string>;
}

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
