import { describe, expect, it } from 'vitest';
import {
  catalogEntryFor,
  catalogMatch,
  catalogType,
  cloudInstance,
  declaredType,
  HYPERVISOR_CATALOG,
  isFirmwareHypervisor,
  matchLabel,
  matchProduct,
  NOT_HYPERVISORS,
  tokens
} from './catalog';
import type { DiagramNode } from './types';

const hv = (label: string, extra: Partial<DiagramNode> = {}): DiagramNode => ({
  id: 'h',
  kind: 'hypervisor',
  label,
  ...extra
});
const id = (label: string) => matchLabel(label).hypervisor?.id;

describe('tokens', () => {
  it('NFKC, lower case, split at anything that is not a letter or digit', () => {
    expect(tokens('Hyper-V')).toEqual(['hyper', 'v']);
    expect(tokens('  VMware   ESXi 8.0u2 ')).toEqual(['vmware', 'esxi', '8', '0u2']);
    // Full-width letters (NFKC) and Korean.
    expect(tokens('ＥＳＸｉ')).toEqual(['esxi']);
    expect(tokens('Linux용 Windows 하위 시스템')).toEqual(['linux용', 'windows', '하위', '시스템']);
  });
});

describe('hypervisor catalog v2: every entry and alias', () => {
  const names = HYPERVISOR_CATALOG.flatMap((e) => [e.name, ...e.aliases].map((n) => [n, e.id]));
  it.each(names)('product %j is %s', (name, entry) => {
    expect(matchProduct(name).hypervisor?.id).toBe(entry);
    // Written any other way that keeps its letters: lower case, no separators, hyphens.
    expect(matchProduct(name.toLowerCase()).hypervisor?.id).toBe(entry);
    expect(matchProduct(tokens(name).join('-')).hypervisor?.id).toBe(entry);
  });
  it.each(names)('label "My %s box" contains it', (name, entry) => {
    expect(id(`My ${name} box`)).toBe(entry);
  });
  it('has the entries and types of the rules issue', () => {
    const byId = Object.fromEntries(HYPERVISOR_CATALOG.map((e) => [e.id, e]));
    for (const t1 of ['esxi', 'hyperv', 'xen', 'kvm', 'powervm', 'prsm', 'zvm'])
      expect(byId[t1].type).toBe(1);
    for (const t2 of [
      'workstation',
      'virtualbox',
      'fusion',
      'parallels',
      'virtualpc',
      'qemu',
      'utm',
      'docker-desktop'
    ])
      expect(byId[t2].type).toBe(2);
    expect(byId.kvm.kvmFamily).toBe(true);
    expect(byId.powervm.firmware).toBe(true);
    expect(byId.prsm.firmware).toBe(true);
  });
});

describe('matching rules', () => {
  it.each([
    ['Hyper V', 'hyperv'],
    ['HyperV', 'hyperv'],
    ['hyper-v', 'hyperv'],
    ['Virtual box', 'virtualbox'],
    ['VMware Player', 'workstation'],
    ['버추얼박스', 'virtualbox'],
    ['하이퍼바이저 (ESXi)', 'esxi'],
    ['Proxmox VE 8.2', 'kvm'],
    ['Oracle VM Server for x86', 'xen'],
    ['AHV', 'kvm'],
    ['OpenShift Virtualization', 'kvm'],
    ['Firecracker microVM', 'kvm'],
    ['(KVM)', 'kvm']
  ])('label %j matches %s', (label, entry) => {
    expect(id(label)).toBe(entry);
  });

  it.each(['ESXi8', 'VirtualBoxing', 'Xenon server', 'myKVM', 'ESXi서버', 'VMware'])(
    '%j matches nothing',
    (label) => {
      expect(matchLabel(label)).toEqual({});
    }
  );

  it('product must match a whole name; a label may contain it', () => {
    expect(matchProduct('ESXi 8')).toEqual({});
    expect(matchProduct('VMware')).toEqual({});
    expect(matchProduct('Hyper V').hypervisor?.id).toBe('hyperv');
  });

  it('when two matched names overlap, only the longer counts', () => {
    expect(catalogMatch(hv('Hyper-V Manager'))).toMatchObject({
      notHypervisor: { category: 'management' }
    });
    expect(catalogMatch(hv('Hyper-V Manager')).hypervisor).toBeUndefined();
    expect(catalogMatch(hv('Docker Desktop')).hypervisor?.id).toBe('docker-desktop');
    expect(catalogMatch(hv('Oracle VM VirtualBox')).hypervisor?.id).toBe('virtualbox');
    expect(catalogMatch(hv('vCenter Server')).notHypervisor?.id).toBe('vcenter');
  });

  it('a combining mark separates tokens, as any character that is not a letter or digit', () => {
    expect(id('ESXİ')).toBe('esxi');
    expect(id('Hyper-V\u20dd')).toBe('hyperv');
    expect(id('버추얼박스')).toBe('virtualbox');
  });

  it('QEMU together with a KVM-family name counts as KVM', () => {
    expect(id('QEMU/KVM')).toBe('kvm');
    expect(id('Proxmox (QEMU)')).toBe('kvm');
    expect(id('QEMU')).toBe('qemu');
    // Across the two fields too: product QEMU, label KVM (and the other way round).
    expect(catalogEntryFor(hv('KVM', { product: 'QEMU' }))?.id).toBe('kvm');
    expect(catalogEntryFor(hv('Proxmox VE 8', { product: 'QEMU' }))?.kvmFamily).toBe(true);
    expect(catalogEntryFor(hv('QEMU', { product: 'KVM' }))?.id).toBe('kvm');
    expect(catalogEntryFor(hv('VirtualBox', { product: 'QEMU' }))?.id).toBe('qemu');
  });

  it('other matches to two different entries mean no catalog type', () => {
    expect(matchLabel('ESXi and VirtualBox')).toEqual({});
    expect(catalogType(hv('ESXi and VirtualBox'))).toBeUndefined();
    expect(catalogType(hv('QEMU on VirtualBox'))).toBeUndefined();
  });

  it('the product is tried first; a product matching nothing falls back to the label', () => {
    expect(catalogEntryFor(hv('My lab box', { product: 'KVM' }))?.id).toBe('kvm');
    expect(catalogEntryFor(hv('VirtualBox', { product: 'KVM' }))?.id).toBe('kvm');
    expect(catalogEntryFor(hv('VirtualBox', { product: 'Something else' }))?.id).toBe('virtualbox');
  });

  it('the declared type is hypervisorType when set, else the catalog type', () => {
    expect(declaredType(hv('VirtualBox'))).toBe(2);
    expect(declaredType(hv('VirtualBox', { hypervisorType: 1 }))).toBe(1);
    expect(declaredType(hv('Acme HV'))).toBeUndefined();
    expect(declaredType(hv('Acme HV', { hypervisorType: 2 }))).toBe(2);
    expect(declaredType({ id: 'o', kind: 'os', label: 'ESXi', hypervisorType: 1 })).toBeUndefined();
  });
});

describe('not hypervisors', () => {
  it.each(NOT_HYPERVISORS.flatMap((e) => [e.name, ...e.aliases].map((n) => [n, e.category])))(
    '%j is a %s, not a hypervisor',
    (name, category) => {
      expect(catalogMatch(hv(name))).toMatchObject({ notHypervisor: { category } });
      expect(catalogMatch(hv('x', { product: name }))).toMatchObject({
        notHypervisor: { category }
      });
    }
  );
  it('a label that also names a hypervisor is that hypervisor', () => {
    expect(catalogMatch(hv('KubeVirt on Kubernetes')).hypervisor?.id).toBe('kvm');
    expect(catalogMatch(hv('KubeVirt on Kubernetes')).notHypervisor).toBeUndefined();
  });
});

describe('firmware hypervisors and cloud instances', () => {
  it('PowerVM and PR/SM firmware are hypervisors; other firmware is not', () => {
    expect(isFirmwareHypervisor({ kind: 'firmware', label: 'PowerVM' })).toBe(true);
    expect(isFirmwareHypervisor({ kind: 'firmware', label: 'Firmware', product: 'PR/SM' })).toBe(
      true
    );
    expect(isFirmwareHypervisor({ kind: 'firmware', label: 'UEFI' })).toBe(false);
    expect(isFirmwareHypervisor({ kind: 'hypervisor', label: 'PowerVM' })).toBe(false);
    expect(catalogType({ id: 'f', kind: 'firmware', label: 'POWER Hypervisor' })).toBe(1);
  });
  it.each([
    ['AWS EC2 t3.micro', 'aws'],
    ['Azure VM (B2s)', 'azure'],
    ['Google Compute Engine', 'gcp'],
    ['DigitalOcean Droplet', 'digitalocean'],
    ['Lightsail', 'aws'],
    ['My VPS', 'generic'],
    ['EC2 인스턴스', 'aws'],
    ['클라우드 인스턴스', 'generic']
  ])('hardware %j is a cloud instance (%s)', (label, provider) => {
    expect(cloudInstance({ label })?.id).toBe(provider);
  });
  it('a plain server is not', () => {
    expect(cloudInstance({ label: 'Dell PowerEdge R740' })).toBeUndefined();
  });
});
