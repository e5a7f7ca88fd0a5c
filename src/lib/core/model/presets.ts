import type { Lang, Localized } from '../i18n/lang';
import { tokens } from './catalog';
import { KIND_SPECS, KINDS, type NodeKind } from './kinds';
import type { HypervisorType } from './types';

/** A palette entry: a node ready to drop, from the course notes' products and services. */
export interface Preset {
  id: string;
  kind: NodeKind;
  /** The new node's label, by language (product names are the same in both). */
  label: Localized;
  product?: string;
  hypervisorType?: HypervisorType;
  group: 'kinds' | 'hypervisors' | 'os' | 'containers' | 'services' | 'other';
  /** Extra words the palette filter matches (e.g. Korean). */
  keywords?: string;
}

const same = (s: string): Localized => ({ en: s, ko: s });

/** One plain node per kind, first in the palette (from the kind spec). */
const KIND_PRESETS: readonly Preset[] = KINDS.map((kind) => ({
  id: `kind-${kind}`,
  kind,
  label: KIND_SPECS[kind].defaultLabel,
  group: 'kinds',
  keywords: `${KIND_SPECS[kind].name.en} ${KIND_SPECS[kind].name.ko}`
}));

export const PRESETS: readonly Preset[] = [
  ...KIND_PRESETS,
  {
    id: 'esxi',
    kind: 'hypervisor',
    label: same('ESXi'),
    product: 'VMware ESXi',
    group: 'hypervisors',
    keywords: 'vmware vsphere 브이엠웨어 이에스엑스아이 type 1'
  },
  {
    id: 'hyperv',
    kind: 'hypervisor',
    label: same('Hyper-V'),
    product: 'Microsoft Hyper-V',
    group: 'hypervisors',
    keywords: 'microsoft 하이퍼브이 마이크로소프트 type 1'
  },
  {
    id: 'xen',
    kind: 'hypervisor',
    label: same('Xen'),
    product: 'Xen',
    group: 'hypervisors',
    keywords: 'citrix xcp-ng 젠 type 1'
  },
  {
    id: 'kvm',
    kind: 'hypervisor',
    label: same('KVM'),
    product: 'KVM',
    group: 'hypervisors',
    keywords: 'linux 리눅스 type 1'
  },
  {
    id: 'proxmox',
    kind: 'hypervisor',
    label: same('Proxmox VE'),
    product: 'Proxmox VE',
    group: 'hypervisors',
    keywords: 'kvm linux 프록스목스 리눅스 type 1'
  },
  {
    id: 'powervm',
    kind: 'firmware',
    label: same('PowerVM'),
    product: 'IBM PowerVM',
    group: 'hypervisors',
    keywords: 'ibm power lpar firmware 펌웨어 type 1'
  },
  {
    id: 'workstation',
    kind: 'hypervisor',
    label: same('VMware Workstation'),
    product: 'VMware Workstation',
    group: 'hypervisors',
    keywords: 'player pro 브이엠웨어 워크스테이션 type 2'
  },
  {
    id: 'virtualbox',
    kind: 'hypervisor',
    label: same('VirtualBox'),
    product: 'Oracle VM VirtualBox',
    group: 'hypervisors',
    keywords: 'oracle 버추얼박스 오라클 type 2'
  },
  {
    id: 'fusion',
    kind: 'hypervisor',
    label: same('VMware Fusion'),
    product: 'VMware Fusion',
    group: 'hypervisors',
    keywords: 'mac 브이엠웨어 퓨전 type 2'
  },
  {
    id: 'parallels',
    kind: 'hypervisor',
    label: same('Parallels Desktop'),
    product: 'Parallels Desktop',
    group: 'hypervisors',
    keywords: 'mac 패러렐즈 type 2'
  },
  {
    id: 'virtualpc',
    kind: 'hypervisor',
    label: same('Virtual PC'),
    product: 'Microsoft Virtual PC',
    group: 'hypervisors',
    keywords: 'microsoft type 2'
  },

  {
    id: 'windows-server',
    kind: 'os',
    label: same('Windows Server'),
    group: 'os',
    keywords: '윈도우 서버'
  },
  { id: 'windows-11', kind: 'os', label: same('Windows 11'), group: 'os', keywords: '윈도우' },
  { id: 'ubuntu', kind: 'os', label: same('Ubuntu'), group: 'os', keywords: 'linux 우분투 리눅스' },
  { id: 'debian', kind: 'os', label: same('Debian'), group: 'os', keywords: 'linux 리눅스' },
  {
    id: 'rhel',
    kind: 'os',
    label: same('Red Hat Enterprise Linux'),
    group: 'os',
    keywords: 'linux rhel 리눅스'
  },
  { id: 'macos', kind: 'os', label: same('macOS'), group: 'os', keywords: 'mac apple 맥' },

  {
    id: 'web',
    kind: 'service',
    label: { en: 'Web server', ko: '웹 서버' },
    group: 'services',
    keywords: 'web 웹 서버 http'
  },
  {
    id: 'email',
    kind: 'service',
    label: { en: 'Email server', ko: '이메일 서버' },
    group: 'services',
    keywords: 'email 이메일 메일 서버 mail'
  },
  {
    id: 'sql',
    kind: 'service',
    label: { en: 'SQL server', ko: 'SQL 서버' },
    group: 'services',
    keywords: '데이터베이스 db'
  },
  {
    id: 'file',
    kind: 'service',
    label: { en: 'File server', ko: '파일 서버' },
    group: 'services',
    keywords: 'file 파일 서버'
  },
  {
    id: 'dhcp',
    kind: 'service',
    label: { en: 'DHCP server', ko: 'DHCP 서버' },
    group: 'services',
    keywords: '서버'
  },
  {
    id: 'ad',
    kind: 'service',
    label: { en: 'Active Directory', ko: '액티브 디렉터리(AD)' },
    group: 'services',
    keywords: 'active directory ad 액티브 디렉터리'
  },
  {
    id: 'radius',
    kind: 'service',
    label: { en: 'RADIUS server', ko: 'RADIUS 서버' },
    group: 'services',
    keywords: '인증 서버'
  },
  {
    id: 'netmgmt',
    kind: 'service',
    label: { en: 'Network management', ko: '네트워크 관리 서버' },
    group: 'services',
    keywords: 'network management 네트워크 관리 서버'
  },
  {
    id: 'docker-engine',
    kind: 'service',
    label: same('Docker Engine'),
    group: 'containers',
    keywords: 'container engine 컨테이너 엔진 podman 도커'
  },
  {
    id: 'nginx-container',
    kind: 'container',
    label: same('nginx'),
    group: 'containers',
    keywords: 'container docker 컨테이너 도커 web 웹'
  },
  {
    id: 'postgres-container',
    kind: 'container',
    label: same('PostgreSQL'),
    group: 'containers',
    keywords: 'container docker 컨테이너 database db'
  },

  { id: 'uefi', kind: 'firmware', label: same('UEFI'), group: 'other', keywords: '펌웨어' },
  { id: 'bios', kind: 'firmware', label: same('BIOS'), group: 'other', keywords: '펌웨어' },
  {
    id: 'rack-server',
    kind: 'hardware',
    label: same('Dell PowerEdge R740'),
    group: 'other',
    keywords: '서버 하드웨어'
  },
  {
    id: 'laptop',
    kind: 'hardware',
    label: { en: 'Laptop', ko: '노트북' },
    group: 'other',
    keywords: '노트북 pc 하드웨어'
  }
];

/**
 * Presets that match `query`: every word of it is part of the preset's label (in either
 * language), kind, kind name, product or keywords, ignoring case (a one-letter word must be
 * a whole word: "hyper v" finds Hyper-V, not every hypervisor); or the query without its
 * separators is part of the text without its own ("hyperv", "virtual box").
 */
export function filterPresets(query: string, presets: readonly Preset[] = PRESETS): Preset[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...presets];
  const squashed = tokens(query).join('');
  return presets.filter((p) => {
    const spec = KIND_SPECS[p.kind];
    const text = [
      p.label.en,
      p.label.ko,
      p.kind,
      spec.name.en,
      spec.name.ko,
      p.product ?? '',
      p.keywords ?? ''
    ].join(' ');
    const hay = text.toLowerCase();
    const toks = tokens(text);
    if (squashed !== '' && toks.join('').includes(squashed)) return true;
    return words.every((w) => (w.length === 1 ? toks.includes(w) : hay.includes(w)));
  });
}

/** A preset's label in `lang`. */
export const presetLabel = (p: Preset, lang: Lang): string => p.label[lang];
