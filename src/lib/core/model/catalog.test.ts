import { describe, expect, it } from 'vitest';
import { catalogEntryFor, catalogType, declaredType, matchLabel, matchProduct } from './catalog';
import type { DiagramNode } from './types';

const hv = (label: string, extra: Partial<DiagramNode> = {}): DiagramNode => ({
  id: 'h',
  kind: 'hypervisor',
  label,
  ...extra
});

describe('hypervisor catalog', () => {
  it.each([
    ['VMware ESXi', 'esxi'],
    ['vmware   esxi', 'esxi'],
    ['VMWAREESXI', 'esxi'],
    ['vSphere', 'esxi'],
    ['hyper-v', 'hyperv'],
    ['Citrix Hypervisor', 'xen'],
    ['XCP-ng', 'xen'],
    ['kvm', 'kvm'],
    ['Workstation Player', 'workstation'],
    ['VirtualBox', 'virtualbox'],
    ['Oracle VM VirtualBox', 'virtualbox'],
    ['Parallels', 'parallels'],
    ['Virtual PC', 'virtualpc']
  ])('product %j matches %s exactly, ignoring case and spacing', (product, id) => {
    expect(matchProduct(product)?.id).toBe(id);
  });

  it('a product that is only part of a name does not match', () => {
    expect(matchProduct('ESXi 8')).toBeUndefined();
    expect(matchProduct('VMware')).toBeUndefined();
  });

  it.each([
    ['ESXi 8', 'esxi'],
    ['My esxi host', 'esxi'],
    ['Hyper-V (Windows Server 2022)', 'hyperv'],
    ['KVM on Linux', 'kvm'],
    ['Linux + KVM', 'kvm'],
    ['VirtualBox 7.1', 'virtualbox'],
    ['VMware Workstation Player 17', 'workstation'],
    ['하이퍼바이저 (ESXi)', 'esxi'],
    ['XenServer', 'xen']
  ])('label %j contains %s as whole words', (label, id) => {
    expect(matchLabel(label).map((e) => e.id)).toEqual([id]);
  });

  it('matches whole words only: a boundary is anything but a letter or digit', () => {
    expect(matchLabel('Xenon server')).toEqual([]);
    expect(matchLabel('ESXi8')).toEqual([]);
    expect(matchLabel('myKVM')).toEqual([]);
    expect(matchLabel('ESXi서버')).toEqual([]);
    expect(matchLabel('(KVM)').map((e) => e.id)).toEqual(['kvm']);
  });

  it('labels matching two different entries have no catalog type', () => {
    expect(matchLabel('ESXi and VirtualBox').length).toBe(2);
    expect(catalogType(hv('ESXi and VirtualBox'))).toBeUndefined();
  });

  it('the product wins over the label; a product matching nothing falls back to the label', () => {
    expect(catalogEntryFor(hv('My lab box', { product: 'KVM' }))?.id).toBe('kvm');
    expect(catalogEntryFor(hv('VirtualBox', { product: 'KVM' }))?.id).toBe('kvm');
    expect(catalogEntryFor(hv('VirtualBox', { product: 'Something else' }))?.id).toBe('virtualbox');
  });

  it('applies to hypervisor nodes only', () => {
    expect(catalogType({ id: 'o', kind: 'os', label: 'ESXi' })).toBeUndefined();
    expect(declaredType({ id: 'o', kind: 'os', label: 'ESXi', hypervisorType: 1 })).toBeUndefined();
  });

  it('the declared type is hypervisorType when set, else the catalog type', () => {
    expect(declaredType(hv('VirtualBox'))).toBe(2);
    expect(declaredType(hv('VirtualBox', { hypervisorType: 1 }))).toBe(1);
    expect(declaredType(hv('Proxmox VE'))).toBeUndefined();
    expect(declaredType(hv('Proxmox VE', { hypervisorType: 2 }))).toBe(2);
  });
});
