import type { HypervisorType, NodeKind } from './types';

/** A palette entry: a node ready to drop, from the course notes' products and services. */
export interface Preset {
  id: string;
  kind: NodeKind;
  label: string;
  product?: string;
  hypervisorType?: HypervisorType;
  group: 'kinds' | 'hypervisors' | 'os' | 'services' | 'other';
  /** Extra words the palette filter matches (e.g. Korean). */
  keywords?: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'kind-hardware',
    kind: 'hardware',
    label: 'Server',
    group: 'kinds',
    keywords: '하드웨어 서버'
  },
  { id: 'kind-firmware', kind: 'firmware', label: 'UEFI', group: 'kinds', keywords: '펌웨어 bios' },
  {
    id: 'kind-hypervisor',
    kind: 'hypervisor',
    label: 'Hypervisor',
    group: 'kinds',
    keywords: '하이퍼바이저'
  },
  { id: 'kind-os', kind: 'os', label: 'OS', group: 'kinds', keywords: '운영체제' },
  { id: 'kind-service', kind: 'service', label: 'Service', group: 'kinds', keywords: '서비스' },

  {
    id: 'esxi',
    kind: 'hypervisor',
    label: 'ESXi',
    product: 'VMware ESXi',
    group: 'hypervisors',
    keywords: 'vmware vsphere type 1'
  },
  {
    id: 'hyperv',
    kind: 'hypervisor',
    label: 'Hyper-V',
    product: 'Microsoft Hyper-V',
    group: 'hypervisors',
    keywords: 'microsoft type 1'
  },
  {
    id: 'xen',
    kind: 'hypervisor',
    label: 'Xen',
    product: 'Xen',
    group: 'hypervisors',
    keywords: 'citrix xcp-ng type 1'
  },
  {
    id: 'kvm',
    kind: 'hypervisor',
    label: 'KVM',
    product: 'KVM',
    group: 'hypervisors',
    keywords: 'linux type 1'
  },
  {
    id: 'workstation',
    kind: 'hypervisor',
    label: 'VMware Workstation',
    product: 'VMware Workstation',
    group: 'hypervisors',
    keywords: 'player type 2'
  },
  {
    id: 'virtualbox',
    kind: 'hypervisor',
    label: 'VirtualBox',
    product: 'Oracle VM VirtualBox',
    group: 'hypervisors',
    keywords: 'oracle type 2'
  },
  {
    id: 'fusion',
    kind: 'hypervisor',
    label: 'VMware Fusion',
    product: 'VMware Fusion',
    group: 'hypervisors',
    keywords: 'mac type 2'
  },
  {
    id: 'parallels',
    kind: 'hypervisor',
    label: 'Parallels Desktop',
    product: 'Parallels Desktop',
    group: 'hypervisors',
    keywords: 'mac type 2'
  },
  {
    id: 'virtualpc',
    kind: 'hypervisor',
    label: 'Virtual PC',
    product: 'Microsoft Virtual PC',
    group: 'hypervisors',
    keywords: 'microsoft type 2'
  },

  {
    id: 'windows-server',
    kind: 'os',
    label: 'Windows Server',
    group: 'os',
    keywords: '윈도우 서버'
  },
  { id: 'windows-11', kind: 'os', label: 'Windows 11', group: 'os', keywords: '윈도우' },
  { id: 'ubuntu', kind: 'os', label: 'Ubuntu', group: 'os', keywords: 'linux 우분투 리눅스' },
  { id: 'debian', kind: 'os', label: 'Debian', group: 'os', keywords: 'linux 리눅스' },
  {
    id: 'rhel',
    kind: 'os',
    label: 'Red Hat Enterprise Linux',
    group: 'os',
    keywords: 'linux rhel 리눅스'
  },
  { id: 'macos', kind: 'os', label: 'macOS', group: 'os', keywords: 'mac apple 맥' },

  { id: 'web', kind: 'service', label: 'Web server', group: 'services', keywords: '웹 서버 http' },
  {
    id: 'email',
    kind: 'service',
    label: 'Email server',
    group: 'services',
    keywords: '이메일 메일 서버 mail'
  },
  {
    id: 'sql',
    kind: 'service',
    label: 'SQL server',
    group: 'services',
    keywords: '데이터베이스 db'
  },
  { id: 'file', kind: 'service', label: 'File server', group: 'services', keywords: '파일 서버' },
  { id: 'dhcp', kind: 'service', label: 'DHCP server', group: 'services', keywords: '서버' },
  {
    id: 'ad',
    kind: 'service',
    label: 'Active Directory',
    group: 'services',
    keywords: 'ad 액티브 디렉터리'
  },
  {
    id: 'radius',
    kind: 'service',
    label: 'RADIUS server',
    group: 'services',
    keywords: '인증 서버'
  },
  {
    id: 'netmgmt',
    kind: 'service',
    label: 'Network management',
    group: 'services',
    keywords: '네트워크 관리 서버'
  },

  { id: 'uefi', kind: 'firmware', label: 'UEFI', group: 'other', keywords: '펌웨어' },
  { id: 'bios', kind: 'firmware', label: 'BIOS', group: 'other', keywords: '펌웨어' },
  {
    id: 'rack-server',
    kind: 'hardware',
    label: 'Dell PowerEdge R740',
    group: 'other',
    keywords: '서버 하드웨어'
  },
  {
    id: 'laptop',
    kind: 'hardware',
    label: 'Laptop',
    group: 'other',
    keywords: '노트북 pc 하드웨어'
  }
];

/** Presets whose label, kind, product or keywords contain every word of `query`. */
export function filterPresets(query: string, presets: readonly Preset[] = PRESETS): Preset[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...presets];
  return presets.filter((p) => {
    const hay = `${p.label} ${p.kind} ${p.product ?? ''} ${p.keywords ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
