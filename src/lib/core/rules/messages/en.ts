import type { MessageCatalog, Words } from './catalog';
import type { HypervisorType } from '../../model/types';
import type { Type1HintFamily } from '../types';

/**
 * English messages: one sentence about the user's drawing, then a hint about the idea.
 * Wording after shared/rules/messages.md; keys and parameters in ../types.ts.
 */

const youSet = (from: 'field' | 'catalog', t: HypervisorType) =>
  from === 'field' ? ` You set its hypervisor type to ${t}.` : '';

/** "Proxmox VE is built on KVM. " — nothing when the product is the family itself. */
const builtOn = (product: string | undefined, family: string) =>
  product && product !== family ? `${product} is built on ${family}. ` : '';

const TYPE1_HINTS: Record<
  Type1HintFamily,
  (p: { hv: string; host: string; product?: string }, w: Words) => string
> = {
  hyperv: () =>
    'Turning on Hyper-V puts the hypervisor under Windows: Windows becomes its root (parent) partition, running on Hyper-V. Draw hardware → Hyper-V → Windows (root partition), with the VMs beside it.',
  kvm: (p) =>
    `${builtOn(p.product, 'KVM')}KVM is part of the Linux kernel: once it is loaded, the kernel itself is the hypervisor. Draw the host's Linux and KVM as one hypervisor node directly on the hardware, with the VMs on it; the host's own services and containers may sit on it too. (Some books call KVM hosted; this course treats it as Type 1.)`,
  xen: (p) =>
    `${builtOn(p.product, 'Xen')}Xen boots first and then starts dom0, its control domain: dom0 is a privileged guest, drawn on Xen like the other domains.`,
  esxi: () =>
    'ESXi is installed on the bare server instead of an OS: draw it directly on the hardware (or its firmware), with the guest OSes on it.',
  powervm: () =>
    'PowerVM is built into the firmware of IBM Power servers: draw it on the hardware as firmware (stackdraw treats it as a Type 1 hypervisor there), with the LPARs (AIX, IBM i, Linux) on it as guests.',
  prsm: () =>
    'PR/SM is built into the firmware of IBM Z mainframes: draw it on the hardware as firmware, with the LPARs (z/OS, z/VM, Linux) on it as guests.',
  zvm: () =>
    'z/VM runs in an LPAR of an IBM Z mainframe, directly on PR/SM: draw it on PR/SM (or on the hardware), with its guests on it.',
  declared: (p, w) =>
    `Move ${w.q(p.hv)} onto the hardware (or its firmware) and put the OSes on it as guests, or, if it really is an application on ${w.q(p.host)}, set its hypervisor type to 2.`
};

const asked = (p: { root: string; expect: 'type1' | 'type2' | 'dedicated' }, w: Words) =>
  `You asked for ${w.expectation(p.expect)} on ${w.q(p.root)}`;
const complete = (p: { expect: 'type1' | 'type2' | 'dedicated' }, w: Words) =>
  `A complete ${w.expectation(p.expect).replace(/^an? /, '')}: ${w.shape(p.expect)}.`;

const SERVICE_NEEDS_OS =
  'Add a guest OS (a VM) between them: hypervisor → guest OS → service. In the notes’ consolidation example each web, e-mail, SQL and file server has its own Windows. (Only a KVM-family host, Linux with KVM such as Proxmox VE, runs services itself.)';

/** The one sentence of every single-point-of-failure variant (their hints differ). */
const spofMessage = (p: { hw: string; services: string[] }, w: Words): string =>
  `${w.q(p.hw)} is a single point of failure: if it fails, ${w.list(p.services)} ${p.services.length === 1 ? 'stops' : 'stop'}, with no HA restart and no FT copy elsewhere.`;

export const en: MessageCatalog = {
  'multiple-hosts.guest-os': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn on ${p.hosts.length} hypervisors at once (${w.list(p.hosts)}). A running VM has exactly one host.`,
    hint: () =>
      'The notes protect a VM in two ways. HA restart: draw the VM once, where it runs now; after a failure it is restarted on another host, still one copy. FT (lockstep): draw a primary and a secondary copy, each on a hypervisor of its own host.'
  },
  'multiple-hosts.other': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn on ${p.hosts.length} layers at once (${w.list(p.hosts)}). Each part of a system runs on exactly one layer below it.`,
    hint: () =>
      'Keep only the connection to the layer it really runs on. For a clustered service, draw one instance on each OS.'
  },
  cycle: {
    message: (p, w) =>
      `These layers sit on each other in a loop: ${[...p.path, p.path[0]].map(w.name).join(' → ')}. A stack has to end at a piece of hardware.`,
    hint: () =>
      'Remove one of the connections in the loop, so that going down from any layer ends at the hardware.'
  },
  'hardware-on-host.virtual': {
    message: (p, w) =>
      `${w.q(p.hw)} is hardware, but it is drawn on top of ${w.q(p.host)}. Hardware is always the bottom layer.`,
    hint: () =>
      'The virtual CPU, memory and NIC a hypervisor gives a VM are not a separate layer: the edge hypervisor → guest OS already means that. A disk or card you plug in belongs to the physical machine.'
  },
  'hardware-on-host.device': {
    message: (p, w) =>
      `${w.q(p.hw)} is hardware, but it is drawn on top of the hardware ${w.q(p.host)}. Hardware is always the bottom layer.`,
    hint: (p, w) =>
      `A disk, card or device you plug in belongs to the physical machine: draw ${w.q(p.host)} once and leave its parts out (or name them in its label).`
  },
  'hardware-on-host.on-firmware': {
    message: (p, w) =>
      `${w.q(p.hw)} is drawn on top of the firmware ${w.q(p.host)}. The hardware is the bottom; its firmware is stored on it.`,
    hint: () => 'Turn the connection around: hardware → firmware → OS or hypervisor.'
  },
  'unplaced.alone': {
    message: (p, w) => `${w.q(p.node)} is not connected down to any hardware.`,
    hint: () =>
      'Connect it to the layer it runs on: a service to its OS or container, a container to its OS, a guest OS to its hypervisor, a host OS or Type 1 hypervisor to the hardware or firmware.'
  },
  'unplaced.with-above': {
    message: (p, w) =>
      `${w.q(p.node)} is not connected down to any hardware, and neither is what runs on it: ${w.list(p.above)}.`,
    hint: (p, w) =>
      `Connect ${w.q(p.node)} to the layer it runs on: a service to its OS or container, a container to its OS, a guest OS to its hypervisor, a host OS or Type 1 hypervisor to the hardware or firmware.`
  },
  'invalid-host.service-on-hypervisor': {
    message: (p, w) =>
      `The service ${w.q(p.node)} sits directly on the hypervisor ${w.q(p.host)}. A service needs an operating system under it.`,
    hint: () => SERVICE_NEEDS_OS
  },
  'invalid-host.service-on-esxi': {
    message: (p, w) =>
      `The service ${w.q(p.node)} sits directly on the hypervisor ${w.q(p.host)}. A service needs an operating system under it.`,
    hint: () =>
      `${SERVICE_NEEDS_OS} Management tools such as vCenter run in a VM of their own (the vCenter Server Appliance) or on another machine, not on ESXi itself.`
  },
  'invalid-host.service-on-bare': {
    message: (p, w) =>
      `The service ${w.q(p.node)} sits directly on the ${w.noun(p.host)} ${w.q(p.host)}. A service needs an operating system under it.`,
    hint: (p, w) => `Install an operating system first: ${w.noun(p.host)} → OS → service.`
  },
  'invalid-host.service-on-service': {
    message: (p, w) =>
      `The service ${w.q(p.node)} is drawn on another service, ${w.q(p.host)}. A service runs on an OS or in a container.`,
    hint: (p, w) =>
      `Connect ${w.q(p.node)} to the OS (or container) that runs it. If ${w.q(p.host)} is a container engine (Docker, Podman …), draw the engine as a service and its containers as containers on the OS.`
  },
  'invalid-host.container-needs-os': {
    message: (p, w) =>
      `The container ${w.q(p.node)} sits directly on the ${w.noun(p.host)} ${w.q(p.host)}. Containers share the kernel of an operating system.`,
    hint: (p, w) =>
      `Containers run on an OS, for instance a VM's guest OS: ${w.noun(p.host)} → OS → container. (Only a KVM-family host, Linux with KVM such as Proxmox VE, runs containers itself.)`
  },
  'invalid-host.container-on-app': {
    message: (p, w) =>
      `The container ${w.q(p.node)} is drawn on the ${w.noun(p.host)} ${w.q(p.host)}. A container runs on an OS, beside its engine.`,
    hint: (p, w) =>
      `Connect ${w.q(p.node)} to the OS that runs its engine (Docker, Podman, containerd …); the engine itself is a service on that OS. If ${w.q(p.host)} is a system container (LXC, LXD) with an engine inside it, draw it as an OS.`
  },
  'invalid-host.os-on-os': {
    message: (p, w) =>
      `${w.q(p.node)} runs directly on the OS ${w.q(p.host)}. One OS cannot run inside another without a hypervisor.`,
    hint: (p, w) =>
      `To run a guest OS on a running OS, put a Type 2 hypervisor between them (host OS → hypervisor → guest OS). If ${w.q(p.node)} is a container, make its kind container. Xen: domU runs on Xen, not on dom0.`
  },
  'invalid-host.os-on-hypervisor-product': {
    message: (p, w) =>
      `${w.q(p.node)} runs on ${w.q(p.host)}, which is drawn as an OS; but ${p.product} is a hypervisor (the notes call it a "special OS").`,
    hint: (p, w) =>
      `Change the kind of ${w.q(p.host)} to hypervisor: ${w.q(p.node)} then runs on it as a guest OS.`
  },
  'invalid-host.os-on-container': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn inside the container ${w.q(p.host)}. An OS cannot run in a container: containers share their host's kernel.`,
    hint: (p, w) =>
      `If ${w.q(p.node)} is a container image (Ubuntu, Alpine…), make it a container on the OS; to run a whole OS, use a hypervisor and a VM.`
  },
  'invalid-host.system-on-app': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn on the ${w.noun(p.host)} ${w.q(p.host)}, which cannot run it: an OS or hypervisor runs on hardware, firmware or a hypervisor (a hypervisor also on an OS).`,
    hint: (p, w) =>
      `If ${w.q(p.host)} is a virtualization program, make it a hypervisor; otherwise connect ${w.q(p.node)} to the OS or hypervisor it really runs on.`
  },
  'invalid-host.type2-on-hypervisor': {
    message: (p, w) =>
      `${w.q(p.node)} is a hosted (Type 2) hypervisor: an application that needs a host OS. It cannot sit directly on ${w.q(p.host)}.`,
    hint: (p, w) =>
      `Put a guest OS between them: ${w.q(p.host)} → guest OS → ${w.q(p.node)} (nested virtualization).`
  },
  'invalid-host.firmware-on-virtual': {
    message: (p, w) =>
      `The firmware ${w.q(p.node)} is drawn on ${w.q(p.host)}, but firmware is stored on the hardware and runs directly on it.`,
    hint: () =>
      "A VM's virtual BIOS/UEFI is part of the VM: connect the guest OS straight to the hypervisor."
  },
  'invalid-host.firmware-above-os': {
    message: (p, w) =>
      `The firmware ${w.q(p.node)} is drawn on the OS ${w.q(p.host)}. Firmware sits under the OS, not above it.`,
    hint: () => 'Draw the layers in order: hardware → BIOS/UEFI → OS → service.'
  },
  'invalid-host.firmware-elsewhere': {
    message: (p, w) =>
      `The firmware ${w.q(p.node)} is drawn on the ${w.noun(p.host)} ${w.q(p.host)}, but firmware is stored on the hardware and runs directly on it.`,
    hint: () => 'Connect the firmware to the hardware it is stored on.'
  },
  'invalid-host.on-misplaced-firmware': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn on the firmware ${w.q(p.host)}, which is itself drawn on ${w.q(p.below)}.`,
    hint: (p, w) =>
      `Connect ${w.q(p.node)} straight to ${w.q(p.below)}; the firmware belongs under the OS, on the hardware.`
  },
  'invalid-host.other': {
    message: (p, w) =>
      `${w.q(p.node)} (${w.noun(p.node)}) cannot run on ${w.q(p.host)} (${w.noun(p.host)}).`
  },
  'one-bare-metal-system.oses': {
    message: (p, w) =>
      `${w.q(p.hw)} has ${p.systems.length} systems directly on it (${w.list(p.systems)}). One machine boots one OS or one hypervisor at a time.`,
    hint: () =>
      'To run them together, put a hypervisor on the hardware and the OSes on it as guests (Type 1), or add a Type 2 hypervisor to one of them. Dual boot: draw only the OS you are describing.'
  },
  'one-bare-metal-system.hyperv-beside': {
    message: (p, w) =>
      `${w.q(p.hw)} has ${p.systems.length} systems directly on it (${w.list(p.systems)}). One machine boots one OS or one hypervisor at a time.`,
    hint: () =>
      'Hyper-V: turning it on puts Windows, its root (parent) partition, on top of Hyper-V, not beside it. Draw hardware → Hyper-V → Windows, with the VMs beside Windows.'
  },
  'one-bare-metal-system.mixed': {
    message: (p, w) =>
      `${w.q(p.hw)} has ${p.systems.length} systems directly on it (${w.list(p.systems)}). One machine boots one OS or one hypervisor at a time.`,
    hint: () =>
      'A Type 1 hypervisor on the hardware runs the OSes as its guests: connect them to the hypervisor. A Type 2 hypervisor goes on the host OS instead.'
  },
  'type-mismatch.type1-on-os': {
    message: (p, w) =>
      `${w.q(p.hv)} is a bare-metal (Type 1) hypervisor, but it is drawn on top of the OS ${w.q(p.host)}. A Type 1 hypervisor runs directly on the hardware or its firmware, with no OS underneath.${youSet(p.from, p.declared)}`,
    hint: (p, w) => TYPE1_HINTS[p.family](p, w)
  },
  'type-mismatch.type1-on-guest-os': {
    message: (p, w) =>
      `${w.q(p.hv)} is a bare-metal (Type 1) hypervisor, but it is drawn on ${w.q(p.host)}, a guest OS of ${w.q(p.outer)}.${youSet(p.from, p.declared)}`,
    hint: (p, w) =>
      `For nested virtualization, draw ${w.q(p.hv)} directly on the outer hypervisor ${w.q(p.outer)}, as a VM of its own: ${w.q(p.outer)} → ${w.q(p.hv)} → guest OS. It works when ${w.q(p.outer)} passes virtualization support to that VM.`
  },
  'type-mismatch.type2-on-bare': {
    message: (p, w) =>
      `${w.q(p.hv)} is a hosted (Type 2) hypervisor, an application installed on macOS, Windows or Linux, but it is drawn directly on the ${w.noun(p.host)} ${w.q(p.host)}.${youSet(p.from, p.declared)}`,
    hint: (p, w) => `Add the host OS: hardware → host OS → ${w.q(p.hv)} → guest OS.`
  },
  'type-mismatch.type2-on-hypervisor': {
    message: (p, w) =>
      `${w.q(p.hv)} is a hosted (Type 2) hypervisor, an application installed on macOS, Windows or Linux, but it is drawn directly on the hypervisor ${w.q(p.host)}.${youSet(p.from, p.declared)}`,
    hint: (p, w) => `Put a guest OS between them: ${w.q(p.host)} → guest OS → ${w.q(p.hv)}.`
  },
  'expectation-unmet.nothing-installed': {
    message: (p, w) => `${asked(p, w)}, but nothing is installed on it yet.`,
    hint: complete
  },
  'expectation-unmet.several-systems': {
    message: (p, w) =>
      `${asked(p, w)}, but ${p.systems.length} systems sit side by side on it (${w.list(p.systems)}); one machine boots one OS or hypervisor.`,
    hint: complete
  },
  'expectation-unmet.hypervisor-under-type2': {
    message: (p, w) =>
      `${asked(p, w)}, but ${w.q(p.hv)} sits directly on the hardware. A Type 2 hypervisor needs a host OS underneath.`,
    hint: complete
  },
  'expectation-unmet.hypervisor-in-dedicated': {
    message: (p, w) =>
      `${asked(p, w)}, but the hypervisor ${w.q(p.hv)} is installed on it: a dedicated server runs one OS directly, with no hypervisor.`,
    hint: complete
  },
  'expectation-unmet.no-hypervisor-type1': {
    message: (p, w) =>
      `${asked(p, w)}, but ${w.q(p.os)} is installed directly on the hardware and there is no hypervisor. A Type 1 hypervisor goes on the hardware, with the OSes on it as guests.`,
    hint: complete
  },
  'expectation-unmet.no-hypervisor-type2': {
    message: (p, w) =>
      `${asked(p, w)}, but ${w.q(p.os)} runs no hypervisor. Add a Type 2 hypervisor on the host OS, with a guest OS on it.`,
    hint: complete
  },
  'expectation-unmet.type2-on-hardware': {
    message: (p, w) =>
      `${asked(p, w)}, but ${w.q(p.hv)} is a Type 2 hypervisor: it belongs on a host OS, not on the hardware.`,
    hint: complete
  },
  'expectation-unmet.is-type2': {
    message: (p, w) =>
      `${asked(p, w)}, but this is a Type 2 stack: ${w.q(p.hv)} runs on the host OS ${w.q(p.os)}, where Type 1 runs on the hardware itself.`,
    hint: complete
  },
  'expectation-unmet.type1-misplaced': {
    message: (p, w) =>
      `${asked(p, w)}, but the Type 1 hypervisor ${w.q(p.hv)} is drawn on the OS ${w.q(p.os)} instead of directly on the hardware.`,
    hint: complete
  },
  'expectation-unmet.type1-on-host-os': {
    message: (p, w) =>
      `${asked(p, w)}, but ${w.q(p.hv)} on ${w.q(p.os)} is a Type 1 hypervisor. A Type 2 stack needs a hosted hypervisor (such as VirtualBox or VMware Workstation) on the host OS.`,
    hint: complete
  },
  'expectation-unmet.no-guest': {
    message: (p, w) => `${asked(p, w)}, but ${w.q(p.hv)} has no guest OS.`,
    hint: complete
  },
  'expectation-unmet.guest-hypervisor': {
    message: (p, w) =>
      `${asked(p, w)}, but the hypervisor ${w.q(p.hv)} runs in it: a dedicated server runs one OS directly, with no hypervisor.`,
    hint: complete
  },
  'one-firmware': {
    message: (p, w) =>
      `${w.q(p.hw)} has ${p.firmwares.length} firmware nodes (${w.list(p.firmwares)}). Draw only the boot firmware (BIOS/UEFI) that the OS or hypervisor starts from.`,
    hint: () =>
      'A BMC (iDRAC, iLO) and device firmware are not layers of the stack: leave them out, or name them in the hardware’s label.'
  },
  'bypasses-firmware': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn directly on ${w.q(p.hw)}, skipping its firmware ${w.q(p.fw)}. The usual order is hardware → firmware → hypervisor or OS.`,
    hint: (p, w) => `Move ${w.q(p.node)} onto ${w.q(p.fw)}.`
  },
  'idle-hypervisor': {
    message: (p, w) => `The hypervisor ${w.q(p.hv)} runs no guest OS yet.`,
    hint: () => 'A hypervisor exists to run virtual machines: add at least one guest OS on it.'
  },
  'idle-hardware': {
    message: (p, w) => `Nothing is installed on ${w.q(p.hw)} yet.`,
    hint: () =>
      'Put an OS on it (a dedicated server), or a Type 1 hypervisor to run several virtual machines.'
  },
  'type-conflicts-catalog': {
    message: (p, w) =>
      `You marked ${w.q(p.hv)} as Type ${p.declared}, but ${p.product} is normally a Type ${p.catalogType} hypervisor. The diagram is checked as Type ${p.declared}.`,
    hint: (p) =>
      `Set the hypervisor type back to automatic (Type ${p.catalogType}) unless you mean it.`
  },
  'not-a-hypervisor.container-engine': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn as a hypervisor, but ${p.name} runs containers, not virtual machines: it is not a hypervisor.`,
    hint: (p) =>
      `Containers share the host OS's kernel: there is no VM and no guest OS. Draw ${p.name} as a service on the OS, and each container as a container on that OS.`
  },
  'not-a-hypervisor.windows-feature': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn as a hypervisor, but ${p.name} is a Windows feature that runs on Hyper-V.`,
    hint: (p) =>
      `With ${p.name} on, Windows itself runs on Hyper-V. Draw hardware → Hyper-V → [Windows (root partition), and the VM it runs, such as WSL 2's Linux or the sandbox], side by side on Hyper-V.`
  },
  'not-a-hypervisor.management': {
    message: (p, w) =>
      `${w.q(p.node)} is drawn as a hypervisor, but ${p.name} is a management tool: it manages hypervisors, it is not one.`,
    hint: (p) =>
      `${p.name} runs as a service or an application on an OS (vCenter in a VM of its own, libvirt on the KVM host, Hyper-V Manager on an admin PC): draw it as a service; the hypervisors it manages stay where they are.`
  },
  'uncatalogued-hypervisor.on-bare': {
    message: (p, w) =>
      `stackdraw does not know the hypervisor ${w.q(p.hv)}, so it is judged by where it is drawn: on the hardware, as a bare-metal (Type 1) hypervisor.`,
    hint: () =>
      'If you know its type, set its hypervisor type to 1 or 2, or name a known product (ESXi, Hyper-V, KVM, VirtualBox…).'
  },
  'uncatalogued-hypervisor.on-os': {
    message: (p, w) =>
      `stackdraw does not know the hypervisor ${w.q(p.hv)}, so it is judged by where it is drawn: on an OS, as a hosted (Type 2) hypervisor.`,
    hint: () =>
      'If you know its type, set its hypervisor type to 1 or 2, or name a known product (ESXi, Hyper-V, KVM, VirtualBox…).'
  },
  'uncatalogued-hypervisor.on-hypervisor': {
    message: (p, w) =>
      `stackdraw does not know the hypervisor ${w.q(p.hv)}, so it is judged by where it is drawn: on another hypervisor, as a nested Type 1 hypervisor.`,
    hint: () =>
      'If you know its type, set its hypervisor type to 1 or 2, or name a known product (ESXi, Hyper-V, KVM, VirtualBox…).'
  },
  'uncatalogued-hypervisor.unplaced': {
    message: (p, w) =>
      `stackdraw does not know the hypervisor ${w.q(p.hv)}, and it is not drawn on anything yet, so its type cannot be judged.`,
    hint: () =>
      'Place it on the hardware (Type 1) or on an OS (Type 2), or set its hypervisor type to 1 or 2.'
  },
  'cloud-instance.provider': {
    message: (p, w) =>
      `${w.q(p.hw)} is a cloud instance: this machine is itself a VM on the provider's hypervisor (${p.hypervisor}).`,
    hint: () =>
      'The notes use AWS as their example of virtualization: the provider runs the physical servers and the hypervisor, and your instance is one of its guests. Drawing it as hardware is fine for what runs inside it.'
  },
  'cloud-instance.generic': {
    message: (p, w) =>
      `${w.q(p.hw)} is a cloud instance: this machine is itself a VM on the provider's hypervisor.`,
    hint: () =>
      'AWS EC2 runs on Nitro (KVM-based), Azure VMs on Hyper-V, Google Compute Engine on KVM. Drawing the instance as hardware is fine for what runs inside it.'
  },
  'nested.on-hypervisor': {
    message: (p, w) =>
      `${w.q(p.hv)} runs directly on the hypervisor ${w.q(p.host)} (nested virtualization). This works only when the outer hypervisor passes virtualization support to the inner one.`,
    hint: () =>
      'Nested hypervisors are common in labs (ESXi in a VM, for example); production hypervisors usually run on the hardware.'
  },
  'nested.in-guest': {
    message: (p, w) =>
      `${w.q(p.hv)} runs inside ${w.q(p.host)}, which is itself a virtual machine on ${w.q(p.outer)} (nested virtualization). This works only when the outer hypervisor passes virtualization support to the VM.`,
    hint: (p, w) =>
      `Turn on nested virtualization (VT-x/AMD-V passed through) for the VM ${w.q(p.host)} on ${w.q(p.outer)}.`
  },
  'nested.in-root-partition': {
    message: (p, w) =>
      `${w.q(p.hv)} is a second hypervisor layer: it runs in ${w.q(p.host)}, the root partition of ${w.q(p.outer)} (with Hyper-V on, Windows itself runs on Hyper-V).`,
    hint: () =>
      'Nothing has to be turned on for it: VirtualBox and VMware Workstation then run their VMs through the Windows Hypervisor Platform, that is on Hyper-V itself, so no nested virtualization support is needed. The drawing is fine.'
  },
  'nested.on-firmware-hypervisor': {
    message: (p, w) =>
      `${w.q(p.hv)} runs in a logical partition (LPAR) of the firmware hypervisor ${w.q(p.host)}.`,
    hint: () =>
      'Two levels of hypervisor are the normal production setup here: the firmware hypervisor (PR/SM on IBM Z, PowerVM on IBM Power) splits the machine into LPARs, and a hypervisor in an LPAR (z/VM, for example) runs guests of its own.'
  },
  'ft-same-host': {
    message: (p, w) =>
      `${w.q(p.primary)} and its FT copy ${w.q(p.replica)} both run on ${w.q(p.hw)}. If ${w.q(p.hw)} fails, both copies stop: fault tolerance protects nothing here.`,
    hint: () =>
      'Fault tolerance (FT) runs a secondary copy of the VM in lockstep on a second host (notes 13.2.3). Put the copy on a hypervisor of another machine, so that one machine failing leaves one copy running.'
  },
  'ft-no-replica': {
    message: (p, w) =>
      `${w.q(p.guest)} is marked for fault tolerance (FT), but no copy of it runs anywhere.`,
    hint: (p, w) =>
      p.target !== undefined
        ? `Add its secondary copy on ${w.q(p.target)}: the same VM, running in lockstep on another host, takes over with no interruption when this host fails.`
        : 'Draw a secondary copy of the VM on a hypervisor of another machine and make it a replica of this one (Inspector: "Add FT copy on…"). It runs in lockstep and takes over with no interruption when this host fails.'
  },
  'ha-no-cluster.none': {
    message: (p, w) =>
      `${w.q(p.guest)} is protected by HA, but its machine ${w.q(p.hw)} is in no cluster: there is no other host to restart it on.`,
    hint: () =>
      'HA restarts a VM on another member of its host’s cluster when the host fails (notes 13.2.3). Select this machine and another one that runs a hypervisor, make them a cluster and turn HA on.'
  },
  'ha-no-cluster.alone': {
    message: (p, w) =>
      `${w.q(p.guest)} is protected by HA, but its machine ${w.q(p.hw)} is alone in cluster "${p.clusterName}": there is no other host to restart it on.`,
    hint: () =>
      'Add another machine that runs a hypervisor to the cluster: HA restarts the VM there when this host fails.'
  },
  'ha-no-cluster.ha-off': {
    message: (p, w) =>
      `${w.q(p.guest)} is protected by HA, but cluster "${p.clusterName}" has HA turned off: nothing restarts it when ${w.q(p.hw)} fails.`,
    hint: () =>
      'Turn HA on for the cluster: when a member fails, its HA-protected VMs are restarted on the other members.'
  },
  'memory-overcommit': {
    message: (p, w) =>
      p.hostOs
        ? `The VMs on ${w.q(p.hw)} are given ${w.gib(p.used - p.hostOs)} of memory and its host OS keeps ${w.gib(p.hostOs)}: ${w.gib(p.used)}, but the machine has ${w.gib(p.capacity)}.`
        : `The VMs on ${w.q(p.hw)} are given ${w.gib(p.used)} of memory, but the machine has ${w.gib(p.capacity)}.`,
    hint: () =>
      'The host must have enough capacity for its VMs (notes 13.2.3). Give the VMs less memory, add memory, or move some VMs to another host. (With a Type 2 hypervisor, the host OS’s own memory counts too.)'
  },
  'ha-no-failover-capacity': {
    message: (p, w) =>
      p.members.length === 1
        ? `In cluster "${p.clusterName}", if ${w.q(p.members[0])} fails, the other members do not have the free memory to restart its HA-protected VMs.`
        : `In cluster "${p.clusterName}", if any one of ${w.list(p.members)} fails, the other members do not have the free memory to restart its HA-protected VMs.`,
    hint: () =>
      'HA needs spare room: together, the other hosts must keep enough free memory for a failed host’s HA-protected VMs (first fit, largest first). Add memory or a host, or give the VMs less memory.'
  },
  'single-point-of-failure.dedicated': {
    message: spofMessage,
    hint: () =>
      'This is the weakness of dedicated servers (notes 13.2.2). Run the services in VMs on a cluster with HA, or give their VM an FT copy on another host.'
  },
  'single-point-of-failure.host': {
    message: spofMessage,
    hint: () =>
      'Their VMs are not protected: put this host in a cluster with HA on and mark the VMs HA (restarted on another host), or give them an FT copy on another host (no interruption).'
  },
  'single-point-of-failure.no-room': {
    message: spofMessage,
    hint: () =>
      'Its VMs are marked HA, but the other members of its cluster lack the free memory to restart them: add memory or a host to the cluster, or give the VMs less memory.'
  },
  'single-point-of-failure.same-host': {
    message: spofMessage,
    hint: () =>
      'An FT copy on the same host fails with it: move the copy to another host (Inspector → Add FT copy on…), then delete this one.'
  }
};
